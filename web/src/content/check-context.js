// check-context.js — what every content validator shares while one lesson is checked: the error list, the
// one id space (sections, checks, deep dives, walkthroughs and their steps, references) and the checks of
// inline text and concept tags, which need the references' ids.
//
//   createCheckContext() -> { errors, err(path, msg), claimId(id, path), refIds, simClaims, checkObject(value, path),
//                             checkFields(object, fields, path, what), checkInline(value, path),
//                             checkInlineArray(value, path), checkConcepts(concepts, path), quizCount }
// simClaims maps each `[claim:id]` marker (a sentence about what the simulation shows; docs/content-schema.md,
// "Claims") to where it stands: each id marks one sentence.

import { CITE_ID_RE, isSafeHref } from '../ui/inline-parse.js';
import { CONCEPTS } from '../vocabulary.js';

export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export const isNonEmptyString = (v) => typeof v === 'string' && v.trim().length > 0;

export function createCheckContext() {
  const errors = [];
  const err = (path, msg) => errors.push(`${path}: ${msg}`);
  const seenIds = new Map();
  const refIds = new Set();
  const simClaims = new Map();

  const claimId = (id, path) => {
    if (!isNonEmptyString(id)) {
      err(path, 'id must be a non-empty string');
      return;
    }
    if (!ID_RE.test(id)) err(path, `id "${id}" is not kebab-case (lowercase letters, digits, single hyphens)`);
    if (seenIds.has(id)) err(path, `duplicate id "${id}" (also used at ${seenIds.get(id)})`);
    else seenIds.set(id, path);
  };

  // True for an object; otherwise an error at `path` (the caller then skips its fields).
  const checkObject = (value, path, message = 'must be an object') => {
    if (isObject(value)) return true;
    err(path, message);
    return false;
  };

  // Every key of `object` is one of `fields`; any other is an error `what` at its own path.
  const checkFields = (object, fields, path, what = 'unknown field') => {
    for (const key of Object.keys(object)) if (!fields.includes(key)) err(`${path}.${key}`, what);
  };

  // Inline text: a string, every citation names a reference, every link is safe.
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
    for (const m of value.matchAll(/\[claim:([^\]]*)\]/g)) {
      const id = m[1];
      if (!CITE_ID_RE.test(id)) err(path, `malformed claim marker "[claim:${id}]"`);
      else if (simClaims.has(id)) err(path, `claim "${id}" also marks a sentence at ${simClaims.get(id)}`);
      else simClaims.set(id, path);
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

  // Every quick check and predict check is tagged with 1–3 of the six concepts.
  const checkConcepts = (concepts, path) => {
    if (!Array.isArray(concepts) || concepts.length === 0 || concepts.length > 3) {
      err(path, 'must be an array of 1–3 concept tags');
      return;
    }
    concepts.forEach((c, i) => {
      if (!CONCEPTS.includes(c))
        err(`${path}[${i}]`, `unknown concept ${JSON.stringify(c)} (known: ${CONCEPTS.join(', ')})`);
    });
    if (new Set(concepts).size !== concepts.length) err(path, 'contains duplicates');
  };

  return {
    errors,
    err,
    claimId,
    refIds,
    simClaims,
    checkObject,
    checkFields,
    checkInline,
    checkInlineArray,
    checkConcepts,
    quizCount: 0,
  };
}
