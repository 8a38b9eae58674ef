// The Review block: on a later visit, new predict variants for each concept missed in an earlier visit
// (mastery.js dueForReview). Decided once per page load, so the block does not vanish under the learner
// as they answer; it renders nothing when no concept is due.
//
//   createReviewBlock(host, block, { ctx, store, model, figureText, loadCore, visit }) -> { concepts }

import { el } from '../ui/el.js';
import { inline } from '../ui/inline.js';
import { t } from '../i18n/i18n.js';
import { PredictCheck } from '../predict/predict-check.js';
import { dueForReview } from './mastery.js';
import { conceptName } from '../i18n/concept-name.js';

export function createReviewBlock(host, block, { ctx, store, model, figureText, loadCore, visit }) {
  const due = dueForReview(store.state, model, visit);
  if (!due.length) return { concepts: [] };
  const titleId = 'review-title';
  const box = el(
    'section',
    { className: 'review-block', id: 'review', 'aria-labelledby': titleId },
    el('h3', { className: 'review-title', id: titleId, text: t('mastery.reviewTitle') }),
    inline('p', block.text, ctx, { className: 'review-intro' }),
  );
  // One variant per predict block, even when it serves two due concepts.
  const seen = new Set();
  for (const concept of due) {
    const predict = model.reviewBlocks.get(concept);
    if (seen.has(predict.id)) continue;
    seen.add(predict.id);
    const slot = el(
      'div',
      { className: 'review-item', 'data-concept': concept },
      el('p', { className: 'review-concept', text: t('mastery.reviewConcept', { concept: conceptName(concept) }) }),
    );
    box.append(slot);
    new PredictCheck(slot, predict, { ctx, store, figureText, loadCore, idPrefix: 'review-' });
  }
  host.append(box);
  return { concepts: due };
}
