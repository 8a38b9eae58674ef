// Wires predict checks, the Review block and the mastery panel into the lesson's render context
// (main.js): counts this page load as a visit, installs the block hooks, and returns the sync function that
// keeps the mastery panel in step with the progress store.
//
//   installPredictHooks(ctx, { content, store, loadCore }) -> { sync(progress), visit }

import { PredictCheck } from '../predict/predict-check.js';
import { createMasteryPanel } from './mastery-panel.js';
import { createReviewBlock } from './review-block.js';
import { masteryModel } from './mastery.js';

export function installPredictHooks(ctx, { content, store, loadCore }) {
  const visit = store.beginVisit();
  const model = masteryModel(content);
  const figureText = content.figureText;
  const panels = [];
  ctx.hooks.predict = (block, host) => {
    new PredictCheck(host, block, { ctx, store, figureText, loadCore });
  };
  ctx.hooks.review = (block, host) => {
    createReviewBlock(host, block, { ctx, store, model, figureText, loadCore, visit });
  };
  ctx.hooks.mastery = (block, host) => {
    const panel = createMasteryPanel(host, block, { ctx, model });
    // Filled in the task that builds it: the first sync comes only after the whole lesson is rendered, and a
    // frame of empty rows in between would grow them in view (a layout shift at the finish section).
    panel.update(store.state);
    panels.push(panel);
  };
  return {
    visit,
    model,
    sync(progress) {
      for (const panel of panels) panel.update(progress);
    },
  };
}
