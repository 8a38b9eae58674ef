// The mastery part of a progress record (progress.js, version 2): the evidence from which the concept levels
// are derived (mastery.js), kept small enough for SCORM 1.2's suspend_data.
//
//   { visits,                      page loads of the lesson so far (this one included)
//     variants: [{ item, seed, correct, visit, at }],   generated predict/review variants answered (the first
//                                  answer of each instance), oldest first, at most MAX_VARIANTS
//     missed: { [concept]: visit } the visit of each concept's latest wrong answer (quick check or variant) }
//
// Quick-check answers are not copied here: they live in progress.checks and are joined with the content's
// concept tags when levels are computed. Merging two tabs is a join: visits max, variants union, missed max.

export const MAX_VARIANTS = 40;
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const MAX_VISITS = 100000;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIso = (v) => typeof v === 'string' && ISO_RE.test(v) && !Number.isNaN(Date.parse(v));
const isVisit = (v) => Number.isInteger(v) && v >= 1 && v <= MAX_VISITS;
export const isSeed = (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff;

export function freshMastery() {
  return { visits: 0, variants: [], missed: {} };
}

function validVariant(v) {
  return (
    isObject(v) &&
    typeof v.item === 'string' &&
    ID_RE.test(v.item) &&
    isSeed(v.seed) &&
    typeof v.correct === 'boolean' &&
    isVisit(v.visit) &&
    isIso(v.at)
  );
}

/** null when `m` is a valid mastery record, else what is wrong with it. */
export function masteryProblem(m) {
  if (!isObject(m)) return 'not an object';
  if (!(Number.isInteger(m.visits) && m.visits >= 0 && m.visits <= MAX_VISITS)) return 'bad visits';
  if (!Array.isArray(m.variants) || m.variants.length > MAX_VARIANTS * 4) return 'bad variants';
  if (!m.variants.every(validVariant)) return 'bad variant';
  if (!isObject(m.missed) || Object.keys(m.missed).length > 50) return 'bad missed';
  for (const [concept, visit] of Object.entries(m.missed)) {
    if (!ID_RE.test(concept) || !isVisit(visit)) return 'bad missed';
  }
  return null;
}

const variantKey = (v) => `${v.at}|${v.item}|${v.seed}`;

/** A canonical copy: known fields, variants by time (the newest MAX_VARIANTS, no duplicates), sorted keys. */
export function normalizeMastery(m) {
  const byKey = new Map();
  for (const v of m.variants) {
    byKey.set(variantKey(v), { item: v.item, seed: v.seed, correct: v.correct, visit: v.visit, at: v.at });
  }
  const variants = [...byKey.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, v]) => v)
    .slice(-MAX_VARIANTS);
  const missed = {};
  for (const concept of Object.keys(m.missed).sort()) missed[concept] = m.missed[concept];
  return { visits: m.visits, variants, missed };
}

export function mergeMastery(a, b) {
  const missed = { ...a.missed };
  for (const [concept, visit] of Object.entries(b.missed)) missed[concept] = Math.max(missed[concept] ?? 0, visit);
  return normalizeMastery({
    visits: Math.max(a.visits, b.visits),
    variants: [...a.variants, ...b.variants],
    missed,
  });
}

/** Record a wrong answer for each of `concepts` at `visit` (in place, on a draft). */
export function noteMiss(mastery, concepts, visit) {
  for (const concept of concepts) {
    if (ID_RE.test(concept)) mastery.missed[concept] = Math.max(mastery.missed[concept] ?? 0, visit);
  }
}

// ---- compact form (progress-code.js): [visits, [[item, seed, correct, visit, atOffset], …], { concept: visit }]

export function compactMastery(m, offset) {
  return [m.visits, m.variants.map((v) => [v.item, v.seed, v.correct ? 1 : 0, v.visit, offset(v.at)]), m.missed];
}

export function expandMastery(c, iso) {
  if (!Array.isArray(c) || c.length !== 3 || !Array.isArray(c[1])) throw new TypeError('bad mastery');
  return {
    visits: c[0],
    variants: c[1].map((v) => {
      if (!Array.isArray(v) || v.length !== 5) throw new TypeError('bad variant');
      return { item: v[0], seed: v[1], correct: v[2] === 1, visit: v[3], at: iso(v[4]) };
    }),
    missed: isObject(c[2]) ? { ...c[2] } : {},
  };
}
