// Concept mastery, derived from the stored evidence (progress.checks and progress.mastery) and the content's
// concept tags — a pure function, so the levels are the same after a reload, in another tab, or from a code.
//
// Rules for one concept (docs/content-schema.md, "Mastery"):
//   not started  no quick check or predict variant tagged with it has been answered
//   attempted    answered, but never right at the first answer
//   familiar     at least one right first answer (a quick check's first answer, or a predict variant)
//   proficient   right first answers on at least two different items, at least one of them a generated
//                predict variant (when the concept has a predict check), and the latest answer on the concept
//                is right
// Review: a concept missed (any wrong answer) in an earlier visit comes back on a later visit, until a
// generated variant of it is answered right in a visit after the miss.
//
//   masteryModel(content) -> { concepts, quizConcepts, itemConcepts, reviewBlocks }
//   conceptLevels(progress, model) -> { [concept]: { level, answered, rightItems, rightVariants, latestRight } }
//   dueForReview(progress, model, visit) -> concept[]
//   levelName(level) -> the level's name in the page's language

import { t } from '../i18n/i18n.js';
import { camelKey, CONCEPTS } from '../vocabulary.js';

export const LEVELS = Object.freeze(['not-started', 'attempted', 'familiar', 'proficient']);

export const levelName = (level) => t(`mastery.levels.${camelKey(level)}`);

export function masteryModel(content) {
  const quizConcepts = new Map();
  const itemConcepts = new Map();
  const reviewBlocks = new Map();
  for (const section of content.sections) {
    for (const block of section.blocks) {
      if (block.type === 'quiz') quizConcepts.set(block.id, block.concepts || []);
      if (block.type === 'predict') {
        itemConcepts.set(block.id, block.concepts);
        for (const concept of block.concepts) if (!reviewBlocks.has(concept)) reviewBlocks.set(concept, block);
      }
    }
  }
  return { concepts: [...CONCEPTS], quizConcepts, itemConcepts, reviewBlocks };
}

/** Every answer that bears on each concept: { concept: [{ item, at, right, first, variant }] }. */
function evidence(progress, model) {
  const out = Object.fromEntries(model.concepts.map((c) => [c, []]));
  const add = (concepts, entry) => {
    for (const concept of concepts) out[concept]?.push(entry);
  };
  for (const [id, record] of Object.entries(progress.checks)) {
    const concepts = model.quizConcepts.get(id) || [];
    add(concepts, { item: id, at: record.firstAt, right: record.firstCorrect, first: true, variant: false });
    if (record.attempts > 1)
      add(concepts, { item: id, at: record.lastAt, right: record.lastCorrect, first: false, variant: false });
  }
  for (const v of progress.mastery.variants) {
    add(model.itemConcepts.get(v.item) || [], {
      item: `${v.item}#${v.seed}`,
      at: v.at,
      right: v.correct,
      first: true,
      variant: true,
    });
  }
  return out;
}

export function conceptLevels(progress, model) {
  const all = evidence(progress, model);
  const levels = {};
  for (const concept of model.concepts) {
    const entries = all[concept];
    const rightFirst = entries.filter((e) => e.first && e.right);
    const rightItems = new Set(rightFirst.map((e) => e.item)).size;
    const rightVariants = rightFirst.filter((e) => e.variant).length;
    const latest = entries.reduce((a, e) => (!a || e.at > a.at || (e.at === a.at && !e.first) ? e : a), null);
    const latestRight = !!latest?.right;
    let level = 'not-started';
    if (entries.length) level = 'attempted';
    if (rightItems >= 1) level = 'familiar';
    // A concept that only quick checks test (no predict check) needs no variant to become proficient.
    const variantNeeded = model.reviewBlocks.has(concept);
    if (rightItems >= 2 && (rightVariants >= 1 || !variantNeeded) && latestRight) level = 'proficient';
    levels[concept] = { level, answered: entries.length, rightItems, rightVariants, latestRight };
  }
  return levels;
}

export function dueForReview(progress, model, visit) {
  return model.concepts.filter((concept) => {
    const missedIn = progress.mastery.missed[concept];
    if (!missedIn || missedIn >= visit || !model.reviewBlocks.has(concept)) return false;
    return !progress.mastery.variants.some(
      (v) => v.correct && v.visit > missedIn && (model.itemConcepts.get(v.item) || []).includes(concept),
    );
  });
}
