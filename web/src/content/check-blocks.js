// check-blocks.js — the content validators of the sections and their blocks: one validator per block type
// (BLOCK_CHECKS), the fields each type may carry (BLOCK_FIELDS), and the sections in their fixed order.
//
//   checkSections(sections, c)   c: the check context (check-context.js)

import { checkPredictBlock, PREDICT_BLOCK_FIELDS } from '../predict/schema.js';
import { DISTRIBUTION_DISPLAY_ORDER, DISTRIBUTIONS, FIGURE_NAMES, KINDS } from '../vocabulary.js';
import { isNonEmptyString, isObject } from './check-context.js';
import { checkFormulaTex } from './check-math.js';

export const SECTION_ORDER = Object.freeze([
  'intro',
  'ics',
  'techniques',
  'activations',
  'training',
  'walkthrough',
  'playground',
  'deep-dives',
  'takeaways',
  'finish',
  'references',
]);
export const BLOCK_TYPES = Object.freeze([
  'paragraph',
  'heading',
  'list',
  'callout',
  'formula',
  'figure',
  'quiz',
  'walkthrough',
  'deepdive',
  'takeaways',
  'completion',
  'references',
  'predict',
  'review',
  'mastery',
]);
export const CALLOUT_VARIANTS = Object.freeze(['note', 'tip', 'warning']);
export const QUIZ_COUNT = 8;
export const WALKTHROUGH_STEPS = 6;

// Fields each block type may carry (besides `type`); the first list is required, the second optional.
const BLOCK_FIELDS = {
  paragraph: [['text'], []],
  heading: [['text'], []],
  list: [['items'], ['ordered']],
  callout: [['variant', 'title', 'text'], []],
  formula: [['tex', 'label'], []],
  figure: [['figure', 'caption'], ['goDeeper']],
  quiz: [['id', 'question', 'options', 'concepts'], []],
  ...PREDICT_BLOCK_FIELDS,
  walkthrough: [['id', 'steps'], []],
  deepdive: [['id', 'title', 'blocks'], []],
  takeaways: [['items'], []],
  completion: [[], []],
  references: [[], []],
};
const FORBIDDEN_IN_DEEPDIVE = new Set(['quiz', 'walkthrough', 'deepdive', 'predict', 'review', 'mastery']);
const OPTION_FIELDS = ['id', 'text', 'correct', 'explanation'];
const STEP_FIELDS = ['id', 'title', 'text', 'figure'];

const nonEmpty = (block, key, path, { err }) => {
  if (key in block && !isNonEmptyString(block[key])) err(`${path}.${key}`, 'must be a non-empty string');
};
const inlineField = (block, key, path, { checkInline }) => {
  if (key in block) checkInline(block[key], `${path}.${key}`);
};
const inlineList = (block, path, { checkInlineArray }) => {
  if ('items' in block) checkInlineArray(block.items, `${path}.items`);
};

function checkOption(opt, p, quizId, optionIds, c) {
  if (!c.checkObject(opt, p)) return false;
  if (!isNonEmptyString(opt.id)) c.err(`${p}.id`, 'must be a non-empty string');
  else if (optionIds.has(opt.id)) c.err(`${p}.id`, `duplicate option id "${opt.id}" in quiz ${quizId}`);
  else optionIds.add(opt.id);
  c.checkInline(opt.text, `${p}.text`);
  if (typeof opt.correct !== 'boolean') c.err(`${p}.correct`, 'must be true or false');
  if (!isNonEmptyString(opt.explanation)) c.err(`${p}.explanation`, 'every option needs a non-empty explanation');
  else c.checkInline(opt.explanation, `${p}.explanation`);
  c.checkFields(opt, OPTION_FIELDS, p, 'unknown option field');
  return opt.correct === true;
}

function checkQuiz(quiz, path, c) {
  c.quizCount += 1;
  c.claimId(quiz.id, `${path}.id`);
  inlineField(quiz, 'question', path, c);
  if (!Array.isArray(quiz.options)) {
    c.err(`${path}.options`, 'must be an array');
  } else {
    if (quiz.options.length < 3 || quiz.options.length > 5) {
      c.err(`${path}.options`, `must have 3–5 options (has ${quiz.options.length})`);
    }
    const optionIds = new Set();
    const correct = quiz.options.filter((opt, i) =>
      checkOption(opt, `${path}.options[${i}]`, quiz.id, optionIds, c),
    ).length;
    if (correct !== 1) c.err(`${path}.options`, `exactly one option must be correct (found ${correct})`);
  }
  if ('concepts' in quiz) c.checkConcepts(quiz.concepts, `${path}.concepts`);
}

// A walkthrough step's figure: { name, state } with a state the figure accepts.
function checkFigureState(name, state, path, { err, checkObject }) {
  if (!checkObject(state, path)) return;
  if ((name === 'grouping' || name === 'distributions' || 'kind' in state) && !KINDS.includes(state.kind)) {
    err(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
  }
  if (name === 'distributions' && !DISTRIBUTIONS.includes(state.distribution)) {
    err(`${path}.distribution`, `must be one of ${DISTRIBUTION_DISPLAY_ORDER.join(', ')}`);
  }
  if ('groups' in state && !(Number.isInteger(state.groups) && state.groups >= 1))
    err(`${path}.groups`, 'must be a positive integer');
  for (const key of ['gamma', 'beta']) {
    if (key in state && !(typeof state[key] === 'number' && Number.isFinite(state[key])))
      err(`${path}.${key}`, 'must be a finite number');
  }
}

function checkStep(step, p, c) {
  if (!c.checkObject(step, p)) return;
  c.claimId(step.id, `${p}.id`);
  if (!isNonEmptyString(step.title)) c.err(`${p}.title`, 'every step needs a title');
  c.checkInlineArray(step.text, `${p}.text`);
  if (!isObject(step.figure)) {
    c.err(`${p}.figure`, 'every step needs a figure { name, state }');
  } else {
    if (!FIGURE_NAMES.includes(step.figure.name)) {
      c.err(
        `${p}.figure.name`,
        `unknown figure ${JSON.stringify(step.figure.name)} (known: ${FIGURE_NAMES.join(', ')})`,
      );
    }
    checkFigureState(step.figure.name, step.figure.state, `${p}.figure.state`, c);
    c.checkFields(step.figure, ['name', 'state'], `${p}.figure`);
  }
  c.checkFields(step, STEP_FIELDS, p, 'unknown step field');
}

function checkWalkthrough(wt, path, c) {
  c.claimId(wt.id, `${path}.id`);
  if (!Array.isArray(wt.steps)) {
    c.err(`${path}.steps`, 'must be an array');
    return;
  }
  if (wt.steps.length !== WALKTHROUGH_STEPS) {
    c.err(`${path}.steps`, `must have exactly ${WALKTHROUGH_STEPS} steps (has ${wt.steps.length})`);
  }
  wt.steps.forEach((step, i) => checkStep(step, `${path}.steps[${i}]`, c));
}

function checkDeepdive(block, path, c) {
  c.claimId(block.id, `${path}.id`);
  nonEmpty(block, 'title', path, c);
  checkBlockList(block.blocks, `${path}.blocks`, c, { inDeepdive: true });
}

// A section's or a deep dive's blocks; `itemPath` names each block in errors (a section adds its id).
function checkBlockList(blocks, path, c, { itemPath = path, inDeepdive = false } = {}) {
  if (!Array.isArray(blocks) || blocks.length === 0) c.err(path, 'must be a non-empty array of blocks');
  else blocks.forEach((b, i) => checkBlock(b, `${itemPath}[${i}]`, c, { inDeepdive }));
}

// One validator per block type: (block, path, c), run after the fields of the type were checked.
const BLOCK_CHECKS = {
  paragraph: (block, path, c) => inlineField(block, 'text', path, c),
  heading: (block, path, c) => inlineField(block, 'text', path, c),
  list(block, path, c) {
    inlineList(block, path, c);
    if ('ordered' in block && typeof block.ordered !== 'boolean') c.err(`${path}.ordered`, 'must be a boolean');
  },
  callout(block, path, c) {
    if ('variant' in block && !CALLOUT_VARIANTS.includes(block.variant)) {
      c.err(`${path}.variant`, `must be one of ${CALLOUT_VARIANTS.join(', ')}`);
    }
    nonEmpty(block, 'title', path, c);
    inlineField(block, 'text', path, c);
  },
  formula(block, path, c) {
    checkFormulaTex(block, path, c);
    nonEmpty(block, 'label', path, c);
  },
  figure(block, path, c) {
    if ('figure' in block && !FIGURE_NAMES.includes(block.figure)) {
      c.err(`${path}.figure`, `unknown figure ${JSON.stringify(block.figure)} (known: ${FIGURE_NAMES.join(', ')})`);
    }
    inlineField(block, 'caption', path, c);
  },
  quiz: checkQuiz,
  predict: checkPredictBlock,
  review: checkPredictBlock,
  mastery: checkPredictBlock,
  walkthrough: checkWalkthrough,
  deepdive: checkDeepdive,
  takeaways: (block, path, c) => inlineList(block, path, c),
  completion: () => {},
  references: () => {},
};

function checkBlock(block, path, c, { inDeepdive = false } = {}) {
  if (!c.checkObject(block, path, 'block must be an object')) return;
  const { type } = block;
  if (!BLOCK_TYPES.includes(type)) {
    c.err(`${path}.type`, `unknown block type ${JSON.stringify(type)}`);
    return;
  }
  if (inDeepdive && FORBIDDEN_IN_DEEPDIVE.has(type)) c.err(path, `a deepdive may not contain a ${type} block`);
  const [required, optional] = BLOCK_FIELDS[type];
  for (const key of required) {
    if (!(key in block)) c.err(`${path}.${key}`, `required for a ${type} block`);
  }
  c.checkFields(block, ['type', ...required, ...optional], path, `unknown field for a ${type} block`);
  // goDeeper: the block is an optional part, folded away under this title (docs/content-schema.md, Duration).
  if ('goDeeper' in block) {
    if (!isNonEmptyString(block.goDeeper)) c.err(`${path}.goDeeper`, 'must be a non-empty string');
    else c.checkInline(block.goDeeper, `${path}.goDeeper`);
    if (inDeepdive) c.err(`${path}.goDeeper`, 'a deep dive is already optional');
  }
  BLOCK_CHECKS[type](block, path, c);
}

function checkSection(section, p, c) {
  if (!c.checkObject(section, p)) return;
  c.claimId(section.id, `${p}.id`);
  if (!isNonEmptyString(section.title)) c.err(`${p}.title`, 'must be a non-empty string');
  checkBlockList(section.blocks, `${p}.blocks`, c, { itemPath: `${p}(${section.id}).blocks` });
  c.checkFields(section, ['id', 'title', 'blocks'], p, 'unknown section field');
}

export function checkSections(sections, c) {
  if (!Array.isArray(sections)) {
    c.err('sections', 'must be an array');
    return;
  }
  const order = sections.map((s) => (isObject(s) ? s.id : undefined));
  if (order.length !== SECTION_ORDER.length || order.some((id, i) => id !== SECTION_ORDER[i])) {
    c.err('sections', `must be, in this order: ${SECTION_ORDER.join(', ')} (found: ${order.map(String).join(', ')})`);
  }
  sections.forEach((section, i) => checkSection(section, `sections[${i}]`, c));
  if (c.quizCount !== QUIZ_COUNT)
    c.err('sections', `must contain exactly ${QUIZ_COUNT} quiz blocks (found ${c.quizCount})`);
}
