// The shape of a progress record (version 2) and what can be done with one without storage: a fresh record,
// validation (which migrates version 1), the canonical copy, and the two-tab merge. The store that keeps a
// record in localStorage is progress.js; the compact encodings are progress-code.js.
//
// Shape (version 2; every field is checked by validateProgress, unknown fields are dropped):
//   { version: 2, lesson: 'normalization', epoch, startedAt, updatedAt,
//     sectionsRead: string[],                        sections seen for ~1.5 s
//     checks: { [quizId]: { first, firstCorrect, firstAt, last, lastCorrect, lastAt, attempts } },
//     walkthrough: { step, finished }, playgroundUsed, timeSpentMs,
//     completion: null | { date, score, total, timeSpentMs },
//     learnerName, certificate: null | { id, hash, name, title, date, score, total, durationMinutes },
//     mastery: { visits, variants, missed } }      see mastery-state.js
// Version 1 (before mastery) is migrated on read: the same record with an empty mastery part. The storage
// key keeps its name, so a learner's saved progress, codes and suspend_data from version 1 still load.
//
// Robustness rules: a corrupted or foreign value never breaks the page — the store starts fresh and
// keeps the bad value under BACKUP_KEY; a failing localStorage leaves the store working in memory (see
// storage.js); a `storage` event from another tab is merged in (applyExternal) so two tabs stay in step.
// Merging is a join (union, OR, max, latest-wins by updatedAt), so two tabs converge without ping-pong;
// a different `epoch` means the other tab reset (or started fresh), and its state is adopted as is.

import { freshMastery, masteryProblem, mergeMastery, normalizeMastery } from '../mastery/mastery-state.js';

export const STORAGE_KEY = 'normlab:normalization:v1';
export const BACKUP_KEY = `${STORAGE_KEY}:backup`;
export const PROGRESS_VERSION = 2;
/** Versions validateProgress reads (older ones are migrated). */
export const READABLE_VERSIONS = Object.freeze([1, 2]);
export const LESSON_ID = 'normalization';
export const MAX_NAME_LENGTH = 120;

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CERT_ID_RE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;
const HASH_RE = /^[0-9a-f]{64}$/;
export const MAX_TIME_MS = 1000 * 60 * 60 * 24 * 365;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIso = (v) => typeof v === 'string' && ISO_RE.test(v) && !Number.isNaN(Date.parse(v));
const isCount = (v) => Number.isInteger(v) && v >= 0 && v <= 10000;
const isShortString = (v, max = 500) => typeof v === 'string' && v.length <= max;

function makeEpoch() {
  const bytes = new Uint8Array(8);
  if (globalThis.crypto && typeof globalThis.crypto.getRandomValues === 'function') {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new, empty progress record. */
export function freshProgress(now = new Date()) {
  const iso = now.toISOString();
  return {
    version: PROGRESS_VERSION,
    lesson: LESSON_ID,
    epoch: makeEpoch(),
    startedAt: iso,
    updatedAt: iso,
    sectionsRead: [],
    checks: {},
    walkthrough: { step: 0, finished: false },
    playgroundUsed: false,
    timeSpentMs: 0,
    completion: null,
    learnerName: '',
    certificate: null,
    mastery: freshMastery(),
  };
}

function validCheck(c) {
  return (
    isObject(c) &&
    isShortString(c.first, 100) &&
    c.first !== '' &&
    typeof c.firstCorrect === 'boolean' &&
    isIso(c.firstAt) &&
    isShortString(c.last, 100) &&
    c.last !== '' &&
    typeof c.lastCorrect === 'boolean' &&
    isIso(c.lastAt) &&
    Number.isInteger(c.attempts) &&
    c.attempts >= 1 &&
    c.attempts <= 100000
  );
}

export function validCertificate(c) {
  return (
    isObject(c) &&
    typeof c.id === 'string' &&
    CERT_ID_RE.test(c.id) &&
    typeof c.hash === 'string' &&
    HASH_RE.test(c.hash) &&
    c.hash.slice(0, 12).toUpperCase() === c.id.replace(/-/g, '') &&
    isShortString(c.name, MAX_NAME_LENGTH) &&
    c.name.trim() !== '' &&
    isShortString(c.title) &&
    c.title !== '' &&
    typeof c.date === 'string' &&
    DAY_RE.test(c.date) &&
    isCount(c.score) &&
    isCount(c.total) &&
    c.score <= c.total &&
    typeof c.durationMinutes === 'number' &&
    Number.isFinite(c.durationMinutes) &&
    c.durationMinutes > 0 &&
    c.durationMinutes < 10000
  );
}

/**
 * Check a parsed value against the version-1 shape.
 * @returns {{ ok: true, progress: object } | { ok: false, error: string }} progress is a normalized copy
 */
export function validateProgress(value) {
  const bad = (error) => ({ ok: false, error });
  if (!isObject(value)) return bad('not an object');
  if (!READABLE_VERSIONS.includes(value.version)) return bad(`unsupported version ${JSON.stringify(value.version)}`);
  if (value.lesson !== LESSON_ID) return bad(`belongs to lesson ${JSON.stringify(value.lesson)}`);
  if (typeof value.epoch !== 'string' || !/^[0-9a-f]{8,32}$/.test(value.epoch)) return bad('bad epoch');
  if (!isIso(value.startedAt) || !isIso(value.updatedAt)) return bad('bad timestamps');
  if (
    !Array.isArray(value.sectionsRead) ||
    value.sectionsRead.length > 200 ||
    !value.sectionsRead.every((id) => typeof id === 'string' && ID_RE.test(id))
  )
    return bad('bad sectionsRead');
  if (!isObject(value.checks) || Object.keys(value.checks).length > 200) return bad('bad checks');
  for (const [id, c] of Object.entries(value.checks)) {
    if (!ID_RE.test(id) || !validCheck(c)) return bad(`bad check ${JSON.stringify(id)}`);
  }
  const wt = value.walkthrough;
  if (!isObject(wt) || !Number.isInteger(wt.step) || wt.step < 0 || wt.step > 100 || typeof wt.finished !== 'boolean')
    return bad('bad walkthrough');
  if (typeof value.playgroundUsed !== 'boolean') return bad('bad playgroundUsed');
  if (
    typeof value.timeSpentMs !== 'number' ||
    !Number.isFinite(value.timeSpentMs) ||
    value.timeSpentMs < 0 ||
    value.timeSpentMs > MAX_TIME_MS
  )
    return bad('bad timeSpentMs');
  const comp = value.completion;
  if (
    comp !== null &&
    !(
      isObject(comp) &&
      isIso(comp.date) &&
      isCount(comp.score) &&
      isCount(comp.total) &&
      comp.score <= comp.total &&
      typeof comp.timeSpentMs === 'number' &&
      Number.isFinite(comp.timeSpentMs) &&
      comp.timeSpentMs >= 0 &&
      comp.timeSpentMs <= MAX_TIME_MS
    )
  )
    return bad('bad completion');
  if (!isShortString(value.learnerName, MAX_NAME_LENGTH)) return bad('bad learnerName');
  if (value.certificate !== null && !validCertificate(value.certificate)) return bad('bad certificate');
  // Version 1 had no mastery part: migrate to an empty one.
  const mastery = value.version === 1 ? freshMastery() : value.mastery;
  const problem = masteryProblem(mastery);
  if (problem) return bad(`bad mastery (${problem})`);
  return { ok: true, progress: normalizeProgress({ ...value, mastery }) };
}

/** A canonical copy: known fields only, fixed key order, sorted ids — so JSON.stringify compares states. */
export function normalizeProgress(v) {
  const checks = {};
  for (const id of Object.keys(v.checks).sort()) {
    const c = v.checks[id];
    checks[id] = {
      first: c.first,
      firstCorrect: c.firstCorrect,
      firstAt: c.firstAt,
      last: c.last,
      lastCorrect: c.lastCorrect,
      lastAt: c.lastAt,
      attempts: c.attempts,
    };
  }
  const comp = v.completion;
  const cert = v.certificate;
  return {
    version: PROGRESS_VERSION,
    lesson: LESSON_ID,
    epoch: v.epoch,
    startedAt: v.startedAt,
    updatedAt: v.updatedAt,
    sectionsRead: [...new Set(v.sectionsRead)].sort(),
    checks,
    walkthrough: { step: v.walkthrough.step, finished: v.walkthrough.finished },
    playgroundUsed: v.playgroundUsed,
    timeSpentMs: Math.round(v.timeSpentMs),
    completion: comp && {
      date: comp.date,
      score: comp.score,
      total: comp.total,
      timeSpentMs: Math.round(comp.timeSpentMs),
    },
    learnerName: v.learnerName,
    certificate: cert && {
      id: cert.id,
      hash: cert.hash,
      name: cert.name,
      title: cert.title,
      date: cert.date,
      score: cert.score,
      total: cert.total,
      durationMinutes: cert.durationMinutes,
    },
    mastery: normalizeMastery(v.mastery),
  };
}

export const later = (a, b) => (a > b ? a : b);
const earlier = (a, b) => (a < b ? a : b);

function mergeCheck(a, b) {
  if (!a) return b;
  if (!b) return a;
  const firstFrom = a.firstAt !== b.firstAt ? (a.firstAt < b.firstAt ? a : b) : a.first <= b.first ? a : b;
  const lastFrom =
    a.attempts !== b.attempts
      ? a.attempts > b.attempts
        ? a
        : b
      : a.lastAt !== b.lastAt
        ? a.lastAt > b.lastAt
          ? a
          : b
        : a.last >= b.last
          ? a
          : b;
  return {
    first: firstFrom.first,
    firstCorrect: firstFrom.firstCorrect,
    firstAt: firstFrom.firstAt,
    last: lastFrom.last,
    lastCorrect: lastFrom.lastCorrect,
    lastAt: lastFrom.lastAt,
    attempts: lastFrom.attempts,
  };
}

/**
 * Join two valid progress records of the same epoch (commutative, associative, idempotent).
 * Records of different epochs are not merged: the caller adopts the newer one.
 */
export function mergeProgress(a, b) {
  const newer =
    a.updatedAt !== b.updatedAt ? (a.updatedAt > b.updatedAt ? a : b) : JSON.stringify(a) >= JSON.stringify(b) ? a : b;
  const checks = {};
  for (const id of new Set([...Object.keys(a.checks), ...Object.keys(b.checks)])) {
    checks[id] = mergeCheck(a.checks[id], b.checks[id]);
  }
  const pick = (x, y, keyOf) => (!x ? y : !y ? x : keyOf(x) >= keyOf(y) ? x : y);
  return normalizeProgress({
    epoch: a.epoch,
    startedAt: earlier(a.startedAt, b.startedAt),
    updatedAt: later(a.updatedAt, b.updatedAt),
    sectionsRead: [...a.sectionsRead, ...b.sectionsRead],
    checks,
    walkthrough: { step: newer.walkthrough.step, finished: a.walkthrough.finished || b.walkthrough.finished },
    playgroundUsed: a.playgroundUsed || b.playgroundUsed,
    timeSpentMs: Math.max(a.timeSpentMs, b.timeSpentMs),
    completion: pick(a.completion, b.completion, (c) => `${c.date}|${JSON.stringify(c)}`),
    learnerName: newer.learnerName,
    certificate: pick(a.certificate, b.certificate, (c) => `${c.date}|${c === newer.certificate ? 1 : 0}|${c.hash}`),
    mastery: mergeMastery(a.mastery, b.mastery),
  });
}
