// The lesson content schema (docs/content-schema.md).
//
// Runs in the browser (when the page loads), in Node at build time (scripts/validate-content.mjs) and in the
// tests (tests/web/content.test.mjs), so it imports no DOM module. The rules live in small validators:
// check-text.js (top level, references, figureText) and check-blocks.js (sections, one validator per block
// type), sharing one check context (check-context.js: errors, ids, inline text, concept tags); check-math.js
// checks the formulas' TeX fields and the build's MathML trees.
//
//   validateContent(content) -> string[]   human-readable errors, empty when the content is valid

import { createCheckContext, isObject } from './check-context.js';
import { checkSections } from './check-blocks.js';
import { checkFigureText, checkReferences, checkTopLevel } from './check-text.js';
import { checkMath } from './check-math.js';

export { BLOCK_TYPES, CALLOUT_VARIANTS, QUIZ_COUNT, SECTION_ORDER, WALKTHROUGH_STEPS } from './check-blocks.js';
export { FIGURE_NAMES } from '../vocabulary.js';
export { HINT_KEYS } from './check-text.js';

/**
 * Validate the lesson content against docs/content-schema.md.
 * @param {unknown} content
 * @returns {string[]} errors (empty when valid)
 */
export function validateContent(content) {
  const c = createCheckContext();
  if (!isObject(content)) {
    c.err('content', 'must be a JSON object');
    return c.errors;
  }
  checkTopLevel(content, c);
  checkReferences(content.references, c); // first, so that citations can be resolved
  checkSections(content.sections, c);
  checkFigureText(content.figureText, c);
  checkMath(content, c);
  return c.errors;
}

/** Every `[@id]` cited anywhere in the content (in document order, with repeats). */
export function collectCitations(content) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\[@([^\]]+)\]/g)) out.push(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      for (const [k, val] of Object.entries(v)) if (k !== 'references') walk(val);
    }
  };
  walk(content);
  return out;
}
