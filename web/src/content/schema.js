// The lesson content schema (docs/content-schema.md) and the inline-markup parser.
//
// No dependencies: this module runs in the browser (when the page loads), in Node at build time
// (scripts/validate-content.mjs) and in the tests (tests/web/content.test.mjs).
//
//   validateContent(content) -> string[]   human-readable errors, empty when the content is valid
//   parseInline(text)        -> Token[]    { type: 'text'|'strong'|'em'|'code'|'link'|'cite', text, href?, ref? }
//
// parseInline never produces HTML: every token carries plain text that the renderer puts into text nodes.
// Links are only produced for http(s) URLs and in-page fragments (#id); anything else stays plain text.

import { PREDICT_BLOCK_FIELDS, checkPredictBlock } from '../predict/schema.js';

export const SECTION_ORDER = Object.freeze([
  'intro', 'ics', 'techniques', 'activations', 'training', 'walkthrough', 'playground',
  'deep-dives', 'takeaways', 'finish', 'references',
]);
export const FIGURE_NAMES = Object.freeze([
  'grouping', 'distributions', 'training', 'playground', 'every-norm', 'inspector', 'model-map',
]);
export const KINDS = Object.freeze(['batch', 'layer', 'rms', 'group', 'instance']);
export const DISTRIBUTIONS = Object.freeze(['normal', 'skewed', 'bimodal', 'heavy', 'uniform']);
// The seven concepts that quick checks and predict checks are tagged with (mastery: web/src/progress/mastery.js).
export const CONCEPTS = Object.freeze([
  'axes', 'batch-dependence', 'train-eval', 'affine', 'centring', 'where-used', 'training-effects',
]);
export const BLOCK_TYPES = Object.freeze([
  'paragraph', 'heading', 'list', 'callout', 'formula', 'figure', 'quiz', 'walkthrough', 'deepdive',
  'takeaways', 'completion', 'references', 'predict', 'review', 'mastery',
]);
export const CALLOUT_VARIANTS = Object.freeze(['note', 'tip', 'warning']);
export const QUIZ_COUNT = 8;
export const WALKTHROUGH_STEPS = 6;
export const HINT_KEYS = Object.freeze(['batchSize', 'features', 'improvement', 'skewness']);

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HTTP_URL_RE = /^https?:\/\/[^\s<>"'`]+$/i;
const FRAGMENT_RE = /^#[A-Za-z][A-Za-z0-9_-]*$/;
const CITE_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Fields each block type may carry (besides `type`); the first list is required, the second optional.
const BLOCK_FIELDS = {
  paragraph: [['text'], []],
  heading: [['text'], []],
  list: [['items'], ['ordered']],
  callout: [['variant', 'title', 'text'], []],
  formula: [['text', 'label'], []],
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

/** True for an href the renderer may turn into a link: http(s) URLs and in-page fragments. */
export function isSafeHref(href) {
  if (typeof href !== 'string') return false;
  return HTTP_URL_RE.test(href) || FRAGMENT_RE.test(href);
}

// ---------------------------------------------------------------------------------------------
// Inline markup

const ESCAPABLE = new Set(['\\', '*', '`', '[', ']', '(', ')', '_']);

/**
 * Parse inline text into tokens. Supported: **strong**, *em*, `code`, [text](https://… or #id), [@ref].
 * Markers that are not closed, and links with any other target, come out as plain text.
 * A backslash escapes the next markup character (\* \` \[ \] \( \) \\).
 * Strong/em/link text is plain (no nesting), which keeps the parser and the renderer trivial.
 * @param {string} text
 * @returns {{type: string, text: string, href?: string, ref?: string}[]}
 */
export function parseInline(text) {
  const tokens = [];
  if (typeof text !== 'string' || text.length === 0) return tokens;
  let buf = '';
  const flush = () => {
    if (buf) {
      pushText(tokens, buf);
      buf = '';
    }
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < n && ESCAPABLE.has(text[i + 1])) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        tokens.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '*' && text[i + 1] === '*') {
      const end = findClosing(text, i + 2, '**');
      if (end > i + 2) {
        flush();
        tokens.push({ type: 'strong', text: unescape(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    } else if (ch === '*' && i + 1 < n && !/\s/.test(text[i + 1])) {
      const end = findEmClose(text, i + 1);
      if (end > i + 1) {
        flush();
        tokens.push({ type: 'em', text: unescape(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const m = /^\[@([^\]\s]+)\]/.exec(text.slice(i));
      if (m && CITE_ID_RE.test(m[1])) {
        flush();
        tokens.push({ type: 'cite', text: m[1], ref: m[1] });
        i += m[0].length;
        continue;
      }
      const link = matchLink(text, i);
      if (link) {
        if (isSafeHref(link.href) && link.label.trim() !== '') {
          flush();
          tokens.push({ type: 'link', text: unescape(link.label), href: link.href });
        } else {
          // Unsafe or malformed target: keep the whole source as plain text, never as a link.
          buf += text.slice(i, link.end);
        }
        i = link.end;
        continue;
      }
    }
    buf += ch;
    i += 1;
  }
  flush();
  return tokens;
}

function pushText(tokens, s) {
  const last = tokens[tokens.length - 1];
  if (last && last.type === 'text') last.text += s;
  else tokens.push({ type: 'text', text: s });
}

function unescape(s) {
  return s.replace(/\\([\\*`[\]()_])/g, '$1');
}

// Index of the next unescaped occurrence of `marker` at or after `from`, or -1.
function findClosing(text, from, marker) {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') { j++; continue; }
    if (text.startsWith(marker, j)) return j;
  }
  return -1;
}

// Closing `*` for emphasis: unescaped, not part of `**`, preceded by a non-space character.
function findEmClose(text, from) {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') { j++; continue; }
    if (text[j] === '*') {
      if (text[j + 1] === '*') return -1;
      if (j > from && !/\s/.test(text[j - 1])) return j;
      return -1;
    }
  }
  return -1;
}

// [label](href) starting at i; the label may not contain unescaped brackets, the href no spaces.
function matchLink(text, i) {
  let j = i + 1;
  let label = '';
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === '\\' && j + 1 < text.length) { label += c + text[j + 1]; j++; continue; }
    if (c === '[') return null;
    if (c === ']') break;
    label += c;
  }
  if (j >= text.length || text[j + 1] !== '(') return null;
  const close = text.indexOf(')', j + 2);
  if (close < 0) return null;
  const href = text.slice(j + 2, close);
  if (/\s/.test(href)) return null;
  return { label, href, end: close + 1 };
}

// ---------------------------------------------------------------------------------------------
// Validation

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNonEmptyString = (v) => typeof v === 'string' && v.trim().length > 0;

/**
 * Validate the lesson content against docs/content-schema.md.
 * @param {unknown} content
 * @returns {string[]} errors (empty when valid)
 */
export function validateContent(content) {
  const errors = [];
  const err = (path, msg) => errors.push(`${path}: ${msg}`);

  if (!isObject(content)) {
    err('content', 'must be a JSON object');
    return errors;
  }

  // ---- top level
  if (content.schemaVersion !== 1) err('schemaVersion', 'must be 1');
  for (const key of ['id', 'lang', 'title', 'summary']) {
    if (!isNonEmptyString(content[key])) err(key, 'must be a non-empty string');
  }
  if (isNonEmptyString(content.id) && !ID_RE.test(content.id)) err('id', `"${content.id}" is not kebab-case`);
  if (!Array.isArray(content.badges) || content.badges.some((b) => !isNonEmptyString(b))) {
    err('badges', 'must be an array of non-empty strings');
  }
  // The duration is computed from the content (web/src/content/durations.js); a badge shows it as {minutes}.
  if ('durationMinutes' in content) err('durationMinutes', 'is computed from the content; write {minutes} in a badge instead');
  const allowedTop = new Set(['schemaVersion', 'id', 'lang', 'title', 'summary', 'badges',
    'sections', 'references', 'figureText']);
  for (const key of Object.keys(content)) {
    if (!allowedTop.has(key)) err(key, 'unknown top-level field');
  }

  // ---- one id space for sections, quizzes, deep dives, walkthroughs and their steps, references
  const seenIds = new Map();
  const claimId = (id, path) => {
    if (!isNonEmptyString(id)) {
      err(path, 'id must be a non-empty string');
      return;
    }
    if (!ID_RE.test(id)) err(path, `id "${id}" is not kebab-case (lowercase letters, digits, single hyphens)`);
    if (seenIds.has(id)) err(path, `duplicate id "${id}" (also used at ${seenIds.get(id)})`);
    else seenIds.set(id, path);
  };

  // ---- references first, so citations can be resolved
  const refIds = new Set();
  if (!Array.isArray(content.references) || content.references.length === 0) {
    err('references', 'must be a non-empty array');
  } else {
    content.references.forEach((ref, i) => {
      const p = `references[${i}]`;
      if (!isObject(ref)) {
        err(p, 'must be an object');
        return;
      }
      claimId(ref.id, `${p}.id`);
      if (isNonEmptyString(ref.id)) refIds.add(ref.id);
      for (const key of ['authors', 'short', 'title', 'venue']) {
        if (!isNonEmptyString(ref[key])) err(`${p}.${key}`, 'must be a non-empty string');
      }
      if (!(Number.isInteger(ref.year) && ref.year >= 1900 && ref.year <= 2100)) {
        err(`${p}.year`, 'must be an integer year');
      }
      if (!(typeof ref.url === 'string' && /^https:\/\/[^\s<>"'`]+$/.test(ref.url))) {
        err(`${p}.url`, 'must be an https URL');
      }
      for (const key of Object.keys(ref)) {
        if (!['id', 'authors', 'short', 'year', 'title', 'venue', 'url'].includes(key)) {
          err(`${p}.${key}`, 'unknown field');
        }
      }
    });
  }

  // ---- inline text: type, citations, links
  const checkInline = (value, path, { allowEmpty = false } = {}) => {
    if (typeof value !== 'string') {
      err(path, 'must be a string');
      return;
    }
    if (!allowEmpty && value.trim() === '') {
      err(path, 'must not be empty');
      return;
    }
    for (const m of value.matchAll(/\[@([^\]]*)\]/g)) {
      const id = m[1];
      if (!CITE_ID_RE.test(id)) err(path, `malformed citation "[@${id}]"`);
      else if (!refIds.has(id)) err(path, `citation "[@${id}]" does not name an entry of references`);
    }
    for (const m of value.matchAll(/\[([^\]@][^\]]*)\]\(([^)]*)\)/g)) {
      if (!isSafeHref(m[2])) err(path, `link "${m[2]}" must be an http(s) URL or an in-page #fragment`);
    }
  };
  const checkInlineArray = (value, path) => {
    if (!Array.isArray(value) || value.length === 0) {
      err(path, 'must be a non-empty array of strings');
      return;
    }
    value.forEach((item, i) => checkInline(item, `${path}[${i}]`));
  };

  // ---- blocks
  let quizCount = 0;
  const checkFigureState = (name, state, path) => {
    if (!isObject(state)) {
      err(path, 'must be an object');
      return;
    }
    if (name === 'grouping' || name === 'distributions') {
      if (!KINDS.includes(state.kind)) err(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
    } else if ('kind' in state && !KINDS.includes(state.kind)) {
      err(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
    }
    if (name === 'distributions' && !DISTRIBUTIONS.includes(state.distribution)) {
      err(`${path}.distribution`, `must be one of ${DISTRIBUTIONS.join(', ')}`);
    }
    if ('groups' in state && !(Number.isInteger(state.groups) && state.groups >= 1)) {
      err(`${path}.groups`, 'must be a positive integer');
    }
    for (const key of ['gamma', 'beta']) {
      if (key in state && !(typeof state[key] === 'number' && Number.isFinite(state[key]))) {
        err(`${path}.${key}`, 'must be a finite number');
      }
    }
  };

  const checkBlock = (block, path, { inDeepdive = false } = {}) => {
    if (!isObject(block)) {
      err(path, 'block must be an object');
      return;
    }
    const { type } = block;
    if (!BLOCK_TYPES.includes(type)) {
      err(`${path}.type`, `unknown block type ${JSON.stringify(type)}`);
      return;
    }
    if (inDeepdive && FORBIDDEN_IN_DEEPDIVE.has(type)) {
      err(path, `a deepdive may not contain a ${type} block`);
    }
    const [required, optional] = BLOCK_FIELDS[type];
    for (const key of required) {
      if (!(key in block)) err(`${path}.${key}`, `required for a ${type} block`);
    }
    for (const key of Object.keys(block)) {
      if (key !== 'type' && !required.includes(key) && !optional.includes(key)) {
        err(`${path}.${key}`, `unknown field for a ${type} block`);
      }
    }
    // goDeeper: the block is an optional part, folded away under this title (docs/content-schema.md, Duration).
    if ('goDeeper' in block) {
      if (!isNonEmptyString(block.goDeeper)) err(`${path}.goDeeper`, 'must be a non-empty string');
      else checkInline(block.goDeeper, `${path}.goDeeper`);
      if (inDeepdive) err(`${path}.goDeeper`, 'a deep dive is already optional');
    }
    switch (type) {
      case 'paragraph':
      case 'heading':
        if ('text' in block) checkInline(block.text, `${path}.text`);
        break;
      case 'list':
        if ('items' in block) checkInlineArray(block.items, `${path}.items`);
        if ('ordered' in block && typeof block.ordered !== 'boolean') err(`${path}.ordered`, 'must be a boolean');
        break;
      case 'callout':
        if ('variant' in block && !CALLOUT_VARIANTS.includes(block.variant)) {
          err(`${path}.variant`, `must be one of ${CALLOUT_VARIANTS.join(', ')}`);
        }
        if ('title' in block && !isNonEmptyString(block.title)) err(`${path}.title`, 'must be a non-empty string');
        if ('text' in block) checkInline(block.text, `${path}.text`);
        break;
      case 'formula':
        if ('text' in block && !isNonEmptyString(block.text)) err(`${path}.text`, 'must be a non-empty string');
        if ('label' in block && !isNonEmptyString(block.label)) err(`${path}.label`, 'must be a non-empty string');
        break;
      case 'figure':
        if ('figure' in block && !FIGURE_NAMES.includes(block.figure)) {
          err(`${path}.figure`, `unknown figure ${JSON.stringify(block.figure)} (known: ${FIGURE_NAMES.join(', ')})`);
        }
        if ('caption' in block) checkInline(block.caption, `${path}.caption`);
        break;
      case 'quiz':
        quizCount += 1;
        checkQuiz(block, path);
        break;
      case 'predict':
      case 'review':
      case 'mastery':
        checkPredictBlock(block, path, { err, checkInline, claimId, checkConcepts });
        break;
      case 'walkthrough':
        checkWalkthrough(block, path);
        break;
      case 'deepdive':
        claimId(block.id, `${path}.id`);
        if ('title' in block && !isNonEmptyString(block.title)) err(`${path}.title`, 'must be a non-empty string');
        if (!Array.isArray(block.blocks) || block.blocks.length === 0) {
          err(`${path}.blocks`, 'must be a non-empty array of blocks');
        } else {
          block.blocks.forEach((b, i) => checkBlock(b, `${path}.blocks[${i}]`, { inDeepdive: true }));
        }
        break;
      case 'takeaways':
        if ('items' in block) checkInlineArray(block.items, `${path}.items`);
        break;
      default:
        break;
    }
  };

  const checkQuiz = (quiz, path) => {
    claimId(quiz.id, `${path}.id`);
    if ('question' in quiz) checkInline(quiz.question, `${path}.question`);
    if (!Array.isArray(quiz.options)) {
      err(`${path}.options`, 'must be an array');
    } else {
      if (quiz.options.length < 3 || quiz.options.length > 5) {
        err(`${path}.options`, `must have 3–5 options (has ${quiz.options.length})`);
      }
      const optionIds = new Set();
      let correct = 0;
      quiz.options.forEach((opt, i) => {
        const p = `${path}.options[${i}]`;
        if (!isObject(opt)) {
          err(p, 'must be an object');
          return;
        }
        if (!isNonEmptyString(opt.id)) err(`${p}.id`, 'must be a non-empty string');
        else if (optionIds.has(opt.id)) err(`${p}.id`, `duplicate option id "${opt.id}" in quiz ${quiz.id}`);
        else optionIds.add(opt.id);
        checkInline(opt.text, `${p}.text`);
        if (typeof opt.correct !== 'boolean') err(`${p}.correct`, 'must be true or false');
        else if (opt.correct) correct += 1;
        if (!isNonEmptyString(opt.explanation)) err(`${p}.explanation`, 'every option needs a non-empty explanation');
        else checkInline(opt.explanation, `${p}.explanation`);
        for (const key of Object.keys(opt)) {
          if (!['id', 'text', 'correct', 'explanation'].includes(key)) err(`${p}.${key}`, 'unknown option field');
        }
      });
      if (correct !== 1) err(`${path}.options`, `exactly one option must be correct (found ${correct})`);
    }
    if ('concepts' in quiz) checkConcepts(quiz.concepts, `${path}.concepts`);
  };

  // Every quick check and predict check is tagged with 1–3 of the six concepts.
  const checkConcepts = (concepts, path) => {
    if (!Array.isArray(concepts) || concepts.length === 0 || concepts.length > 3) {
      err(path, 'must be an array of 1–3 concept tags');
      return;
    }
    concepts.forEach((c, i) => {
      if (!CONCEPTS.includes(c)) err(`${path}[${i}]`, `unknown concept ${JSON.stringify(c)} (known: ${CONCEPTS.join(', ')})`);
    });
    if (new Set(concepts).size !== concepts.length) err(path, 'contains duplicates');
  };

  const checkWalkthrough = (wt, path) => {
    claimId(wt.id, `${path}.id`);
    if (!Array.isArray(wt.steps)) {
      err(`${path}.steps`, 'must be an array');
      return;
    }
    if (wt.steps.length !== WALKTHROUGH_STEPS) {
      err(`${path}.steps`, `must have exactly ${WALKTHROUGH_STEPS} steps (has ${wt.steps.length})`);
    }
    wt.steps.forEach((step, i) => {
      const p = `${path}.steps[${i}]`;
      if (!isObject(step)) {
        err(p, 'must be an object');
        return;
      }
      claimId(step.id, `${p}.id`);
      if (!isNonEmptyString(step.title)) err(`${p}.title`, 'every step needs a title');
      checkInlineArray(step.text, `${p}.text`);
      if (!isObject(step.figure)) {
        err(`${p}.figure`, 'every step needs a figure { name, state }');
      } else {
        if (!FIGURE_NAMES.includes(step.figure.name)) {
          err(`${p}.figure.name`, `unknown figure ${JSON.stringify(step.figure.name)} (known: ${FIGURE_NAMES.join(', ')})`);
        }
        checkFigureState(step.figure.name, step.figure.state, `${p}.figure.state`);
        for (const key of Object.keys(step.figure)) {
          if (!['name', 'state'].includes(key)) err(`${p}.figure.${key}`, 'unknown field');
        }
      }
      for (const key of Object.keys(step)) {
        if (!['id', 'title', 'text', 'figure'].includes(key)) err(`${p}.${key}`, 'unknown step field');
      }
    });
  };

  // ---- sections
  if (!Array.isArray(content.sections)) {
    err('sections', 'must be an array');
  } else {
    const order = content.sections.map((s) => (isObject(s) ? s.id : undefined));
    const expected = SECTION_ORDER.join(', ');
    if (order.length !== SECTION_ORDER.length || order.some((id, i) => id !== SECTION_ORDER[i])) {
      err('sections', `must be, in this order: ${expected} (found: ${order.map(String).join(', ')})`);
    }
    content.sections.forEach((section, i) => {
      const p = `sections[${i}]`;
      if (!isObject(section)) {
        err(p, 'must be an object');
        return;
      }
      claimId(section.id, `${p}.id`);
      if (!isNonEmptyString(section.title)) err(`${p}.title`, 'must be a non-empty string');
      if (!Array.isArray(section.blocks) || section.blocks.length === 0) {
        err(`${p}.blocks`, 'must be a non-empty array of blocks');
      } else {
        section.blocks.forEach((b, j) => checkBlock(b, `${p}(${section.id}).blocks[${j}]`));
      }
      for (const key of Object.keys(section)) {
        if (!['id', 'title', 'blocks'].includes(key)) err(`${p}.${key}`, 'unknown section field');
      }
    });
    if (quizCount !== QUIZ_COUNT) err('sections', `must contain exactly ${QUIZ_COUNT} quiz blocks (found ${quizCount})`);
  }

  // ---- figureText
  const ft = content.figureText;
  if (!isObject(ft)) {
    err('figureText', 'must be an object');
  } else {
    if (!isObject(ft.kinds)) err('figureText.kinds', 'must be an object');
    else {
      for (const kind of KINDS) {
        const k = ft.kinds[kind];
        const p = `figureText.kinds.${kind}`;
        if (!isObject(k)) {
          err(p, 'missing');
          continue;
        }
        if (!isNonEmptyString(k.label)) err(`${p}.label`, 'must be a non-empty string');
        checkInline(k.axes, `${p}.axes`);
        checkInline(k.about, `${p}.about`);
      }
      for (const key of Object.keys(ft.kinds)) {
        if (!KINDS.includes(key)) err(`figureText.kinds.${key}`, 'unknown kind');
      }
    }
    if (!isObject(ft.distributions)) err('figureText.distributions', 'must be an object');
    else {
      for (const d of DISTRIBUTIONS) {
        const v = ft.distributions[d];
        const p = `figureText.distributions.${d}`;
        if (!isObject(v)) {
          err(p, 'missing');
          continue;
        }
        if (!isNonEmptyString(v.label)) err(`${p}.label`, 'must be a non-empty string');
        checkInline(v.caption, `${p}.caption`);
      }
      for (const key of Object.keys(ft.distributions)) {
        if (!DISTRIBUTIONS.includes(key)) err(`figureText.distributions.${key}`, 'unknown distribution');
      }
    }
    if (!isObject(ft.hints)) err('figureText.hints', 'must be an object');
    else {
      for (const key of HINT_KEYS) {
        if (!(key in ft.hints)) err(`figureText.hints.${key}`, 'missing');
      }
      for (const [key, value] of Object.entries(ft.hints)) checkInline(value, `figureText.hints.${key}`);
    }
    // The model map's entries (web/src/model-map/): title, norm, and inline summary/playground/training notes;
    // optional diagrams of block orders ({ label, steps: [string] }).
    if ('modelMap' in ft) {
      const entries = ft.modelMap?.entries;
      if (!isObject(entries) || !Object.keys(entries).length) err('figureText.modelMap.entries', 'must be a non-empty object');
      else {
        for (const [id, entry] of Object.entries(entries)) {
          const p = `figureText.modelMap.entries.${id}`;
          if (!isObject(entry)) {
            err(p, 'must be an object');
            continue;
          }
          for (const key of ['title', 'norm']) if (!isNonEmptyString(entry[key])) err(`${p}.${key}`, 'must be a non-empty string');
          for (const key of ['summary', 'playground', 'training']) checkInline(entry[key], `${p}.${key}`);
          if ('diagrams' in entry && (!Array.isArray(entry.diagrams) || !entry.diagrams.every((d) => isObject(d) &&
            isNonEmptyString(d.label) && Array.isArray(d.steps) && d.steps.length > 0 && d.steps.every(isNonEmptyString)))) {
            err(`${p}.diagrams`, 'must be an array of { label, steps: [non-empty strings] }');
          }
          for (const key of Object.keys(entry)) {
            if (!['title', 'norm', 'summary', 'playground', 'training', 'diagrams'].includes(key)) err(`${p}.${key}`, 'unknown field');
          }
        }
      }
    }
  }

  return errors;
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
