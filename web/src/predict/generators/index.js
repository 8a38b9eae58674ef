// The predict-check generators by name (web/src/predict/catalog.js lists what each offers the content).
import smallBatch from './small-batch.js';
import evalShift from './eval-shift.js';
import centring from './centring.js';
import affine from './affine.js';
import axes from './axes.js';
import whereUsed from './where-used.js';

export const GENERATORS = Object.freeze(
  Object.fromEntries([smallBatch, evalShift, centring, affine, axes, whereUsed].map((g) => [g.name, g])),
);
