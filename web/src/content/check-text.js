// check-text.js — the content validators of everything but the sections: the top-level fields, the
// references (checked first, so that citations can be resolved) and figureText.
//
//   checkTopLevel(content, c), checkReferences(references, c), checkFigureText(figureText, c)
//   c: the check context (check-context.js)

import { DISTRIBUTION_DISPLAY_ORDER, KINDS } from '../vocabulary.js';
import { ID_RE, isNonEmptyString, isObject } from './check-context.js';

const TOP_FIELDS = Object.freeze([
  'schemaVersion',
  'id',
  'lang',
  'title',
  'summary',
  'badges',
  'sections',
  'references',
  'figureText',
  'math', // written by the build: the formulas' MathML trees (check-math.js)
]);
const REFERENCE_FIELDS = ['id', 'authors', 'short', 'year', 'title', 'venue', 'url'];
const ENTRY_FIELDS = ['title', 'norm', 'summary', 'playground', 'training', 'diagrams'];
export const HINT_KEYS = Object.freeze(['batchSize', 'features', 'improvement', 'skewness']);

export function checkTopLevel(content, { err }) {
  if (content.schemaVersion !== 1) err('schemaVersion', 'must be 1');
  for (const key of ['id', 'lang', 'title', 'summary']) {
    if (!isNonEmptyString(content[key])) err(key, 'must be a non-empty string');
  }
  if (isNonEmptyString(content.id) && !ID_RE.test(content.id)) err('id', `"${content.id}" is not kebab-case`);
  if (!Array.isArray(content.badges) || content.badges.some((b) => !isNonEmptyString(b))) {
    err('badges', 'must be an array of non-empty strings');
  }
  // The duration is computed from the content (web/src/content/durations.js); a badge shows it as {minutes}.
  if ('durationMinutes' in content)
    err('durationMinutes', 'is computed from the content; write {minutes} in a badge instead');
  for (const key of Object.keys(content)) if (!TOP_FIELDS.includes(key)) err(key, 'unknown top-level field');
}

export function checkReferences(references, { err, claimId, refIds, checkObject, checkFields }) {
  if (!Array.isArray(references) || references.length === 0) {
    err('references', 'must be a non-empty array');
    return;
  }
  references.forEach((ref, i) => {
    const p = `references[${i}]`;
    if (!checkObject(ref, p)) return;
    claimId(ref.id, `${p}.id`);
    if (isNonEmptyString(ref.id)) refIds.add(ref.id);
    for (const key of ['authors', 'short', 'title', 'venue']) {
      if (!isNonEmptyString(ref[key])) err(`${p}.${key}`, 'must be a non-empty string');
    }
    if (!(Number.isInteger(ref.year) && ref.year >= 1900 && ref.year <= 2100))
      err(`${p}.year`, 'must be an integer year');
    if (!(typeof ref.url === 'string' && /^https:\/\/[^\s<>"'`]+$/.test(ref.url)))
      err(`${p}.url`, 'must be an https URL');
    checkFields(ref, REFERENCE_FIELDS, p);
  });
}

// figureText.kinds / .distributions: one entry per name of `names`, each with a label and the inline `fields`.
function checkNamed(group, names, fields, unknownWhat, { err, checkInline, checkObject, checkFields }) {
  const where = `figureText.${group.name}`;
  if (!checkObject(group.value, where)) return;
  for (const name of names) {
    const entry = group.value[name];
    const p = `${where}.${name}`;
    if (!isObject(entry)) {
      err(p, 'missing');
      continue;
    }
    if (!isNonEmptyString(entry.label)) err(`${p}.label`, 'must be a non-empty string');
    for (const field of fields) checkInline(entry[field], `${p}.${field}`);
  }
  checkFields(group.value, names, where, `unknown ${unknownWhat}`);
}

function checkHints(hints, { err, checkInline, checkObject }) {
  if (!checkObject(hints, 'figureText.hints')) return;
  for (const key of HINT_KEYS) {
    if (!(key in hints)) err(`figureText.hints.${key}`, 'missing');
  }
  for (const [key, value] of Object.entries(hints)) checkInline(value, `figureText.hints.${key}`);
}

// The model map's entries (web/src/figures/model-map/): title, norm, and inline summary/playground/training
// notes; optional diagrams of block orders ({ label, steps: [string] }).
function checkModelMap(modelMap, { err, checkInline, checkObject, checkFields }) {
  const entries = modelMap?.entries;
  if (!isObject(entries) || !Object.keys(entries).length) {
    err('figureText.modelMap.entries', 'must be a non-empty object');
    return;
  }
  for (const [id, entry] of Object.entries(entries)) {
    const p = `figureText.modelMap.entries.${id}`;
    if (!checkObject(entry, p)) continue;
    for (const key of ['title', 'norm'])
      if (!isNonEmptyString(entry[key])) err(`${p}.${key}`, 'must be a non-empty string');
    for (const key of ['summary', 'playground', 'training']) checkInline(entry[key], `${p}.${key}`);
    if (
      'diagrams' in entry &&
      (!Array.isArray(entry.diagrams) ||
        !entry.diagrams.every(
          (d) =>
            isObject(d) &&
            isNonEmptyString(d.label) &&
            Array.isArray(d.steps) &&
            d.steps.length > 0 &&
            d.steps.every(isNonEmptyString),
        ))
    ) {
      err(`${p}.diagrams`, 'must be an array of { label, steps: [non-empty strings] }');
    }
    checkFields(entry, ENTRY_FIELDS, p);
  }
}

export function checkFigureText(ft, c) {
  if (!c.checkObject(ft, 'figureText')) return;
  checkNamed({ name: 'kinds', value: ft.kinds }, KINDS, ['axes', 'about'], 'kind', c);
  checkNamed(
    { name: 'distributions', value: ft.distributions },
    DISTRIBUTION_DISPLAY_ORDER,
    ['caption'],
    'distribution',
    c,
  );
  checkHints(ft.hints, c);
  if ('modelMap' in ft) checkModelMap(ft.modelMap, c);
}
