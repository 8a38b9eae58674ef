// Content-schema rules for the blocks of predict-then-reveal and mastery (docs/content-schema.md):
// `predict` (a check whose instances a generator draws and the core answers), `review` (missed concepts
// come back as new variants on a later visit) and `mastery` (the concept levels panel).
// Called by web/src/content/schema.js with its error and inline-text helpers; dependency-free like it.

import { PREDICT_GENERATORS } from './catalog.js';

export const PREDICT_BLOCK_FIELDS = Object.freeze({
  predict: [
    ['id', 'generator', 'concepts', 'scenario', 'question', 'options', 'result'],
    ['scenarios', 'goDeeper'],
  ],
  review: [['text'], []],
  mastery: [['text'], []],
});

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNonEmptyString = (v) => typeof v === 'string' && v.trim().length > 0;

/** The {placeholders} of a template string. */
export const placeholders = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/**
 * Check one predict/review/mastery block (its fields' presence is checked by the caller).
 * @param {object} block
 * @param {string} path
 * @param {object} c  the check context (web/src/content/check-context.js): err, claimId, checkObject,
 *                    checkFields, checkInline, checkConcepts
 */
export function checkPredictBlock(block, path, c) {
  const { err, checkInline, claimId, checkConcepts, checkObject, checkFields } = c;
  if (block.type !== 'predict') {
    if ('text' in block) checkInline(block.text, `${path}.text`);
    return;
  }
  claimId(block.id, `${path}.id`);
  checkConcepts(block.concepts, `${path}.concepts`);
  const gen = PREDICT_GENERATORS[block.generator];
  if (!gen) {
    err(
      `${path}.generator`,
      `unknown generator ${JSON.stringify(block.generator)} (known: ${Object.keys(PREDICT_GENERATORS).join(', ')})`,
    );
    return;
  }
  const allowed = new Set(gen.values);
  const checkTemplate = (text, p) => {
    checkInline(text, p);
    for (const name of placeholders(text)) {
      if (!allowed.has(name))
        err(
          p,
          `unknown placeholder {${name}} for generator ${block.generator} (known: ${gen.values.join(', ') || 'none'})`,
        );
    }
  };
  for (const key of ['scenario', 'question', 'result']) if (key in block) checkTemplate(block[key], `${path}.${key}`);
  if (!Array.isArray(block.options)) {
    err(`${path}.options`, 'must be an array');
  } else {
    const ids = block.options.map((o) => (isObject(o) ? o.id : undefined));
    const expected = [...gen.options].sort().join(', ');
    if ([...ids].sort().join(', ') !== expected) {
      err(`${path}.options`, `must have exactly the options of generator ${block.generator}: ${expected}`);
    }
    block.options.forEach((o, i) => {
      const p = `${path}.options[${i}]`;
      if (!checkObject(o, p)) return;
      checkTemplate(o.text, `${p}.text`);
      if (!isNonEmptyString(o.explanation)) err(`${p}.explanation`, 'every option needs a non-empty explanation');
      else checkTemplate(o.explanation, `${p}.explanation`);
      checkFields(
        o,
        ['id', 'text', 'explanation'],
        p,
        'unknown option field (the core decides which option is correct)',
      );
    });
  }
  if (gen.scenarios) checkScenarios(block, path, gen, c);
  else if ('scenarios' in block) err(`${path}.scenarios`, `generator ${block.generator} takes no scenarios`);
}

function checkScenarios(block, path, gen, { err, checkInline, checkObject, checkFields }) {
  if (!Array.isArray(block.scenarios) || block.scenarios.length < 4) {
    err(`${path}.scenarios`, `generator ${block.generator} needs at least 4 scenarios`);
    return;
  }
  block.scenarios.forEach((s, i) => {
    const p = `${path}.scenarios[${i}]`;
    if (!checkObject(s, p)) return;
    checkInline(s.text, `${p}.text`);
    checkInline(s.explanation, `${p}.explanation`);
    if (!gen.options.includes(s.answer)) err(`${p}.answer`, `must be one of ${gen.options.join(', ')}`);
    checkFields(s, ['text', 'answer', 'explanation'], p, 'unknown scenario field');
  });
}
