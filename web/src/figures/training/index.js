// The training figure's entry. Its modules stay in web/src/training/, beside the worker that runs the core
// off the main thread (train-worker.js), so the worker's URL and imports do not depend on the figures' layout.
export { mount } from '../../training/training-panel.js';
