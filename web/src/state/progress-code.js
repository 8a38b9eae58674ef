// Compact encodings of a progress record (progress.js shape), validated on the way back with
// validateProgress — the one validator (nothing here re-checks fields by hand).
//
//   compactProgress(progress) -> object        short keys, timestamps as ms offsets from startedAt
//   expandProgress(compact)   -> object        the progress.js shape again (to be validated by the caller)
//   encodeSuspendData(progress, maxLength)     -> string | null  compact JSON that fits maxLength (SCORM 1.2:
//                                                 4096): keeps fewer answered variants, then drops the
//                                                 certificate, then answer details, if needed
//   decodeSuspendData(text)   -> { ok, progress } | { ok: false, error, detail? }
//   encodeProgressCode(progress) -> "NL1.<base64url>.<checksum>"   a code a learner can copy between browsers
//   decodeProgressCode(text)  -> { ok, progress } | { ok: false, error, detail? }
//   (error: a sentence for the learner from the catalogue; detail: the validator's reason, for the console)
//   progressFile(progress) / readProgressFile(text): the same code inside a small JSON file
//
// A decoded record is a complete, validated progress (validateProgress), ready for store.importProgress().

import { LESSON_ID, PROGRESS_VERSION, READABLE_VERSIONS, validateProgress } from './progress-record.js';
import { compactMastery, expandMastery } from '../mastery/mastery-state.js';
import { t } from '../i18n/i18n.js';

const fail = (key, detail) => ({ ok: false, error: t(`progress.codeErrors.${key}`), ...(detail ? { detail } : {}) });

export const CODE_PREFIX = 'NL1';
export const SUSPEND_PREFIX = 'nl1:';
export const SCORM12_SUSPEND_MAX = 4096;
export const MAX_CODE_LENGTH = 20000;

const ms = (iso) => Date.parse(iso);

export function compactProgress(p) {
  const t0 = ms(p.startedAt);
  const off = (iso) => ms(iso) - t0;
  const checks = {};
  for (const [id, c] of Object.entries(p.checks)) {
    checks[id] = [
      c.first,
      c.firstCorrect ? 1 : 0,
      off(c.firstAt),
      c.last,
      c.lastCorrect ? 1 : 0,
      off(c.lastAt),
      c.attempts,
    ];
  }
  const out = {
    v: PROGRESS_VERSION,
    e: p.epoch,
    s: t0,
    u: off(p.updatedAt),
    r: p.sectionsRead.join(','),
    c: checks,
    w: [p.walkthrough.step, p.walkthrough.finished ? 1 : 0],
    g: p.playgroundUsed ? 1 : 0,
    t: p.timeSpentMs,
    m: compactMastery(p.mastery, off),
  };
  if (p.completion) out.d = [off(p.completion.date), p.completion.score, p.completion.total, p.completion.timeSpentMs];
  if (p.learnerName) out.n = p.learnerName;
  if (p.certificate) {
    const k = p.certificate;
    out.k = [k.hash, k.name, k.title, k.date, k.score, k.total, k.durationMinutes];
  }
  return out;
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function expandProgress(c) {
  if (!isObj(c) || !READABLE_VERSIONS.includes(c.v) || !Number.isFinite(c.s))
    throw new TypeError('not a compact progress record');
  const iso = (offset) => {
    const d = new Date(c.s + Number(offset));
    if (Number.isNaN(d.getTime())) throw new TypeError('bad time');
    return d.toISOString();
  };
  const checks = {};
  for (const [id, a] of Object.entries(isObj(c.c) ? c.c : {})) {
    if (!Array.isArray(a) || a.length !== 7) throw new TypeError('bad check');
    checks[id] = {
      first: a[0],
      firstCorrect: a[1] === 1,
      firstAt: iso(a[2]),
      last: a[3],
      lastCorrect: a[4] === 1,
      lastAt: iso(a[5]),
      attempts: a[6],
    };
  }
  const w = Array.isArray(c.w) ? c.w : [0, 0];
  const k = Array.isArray(c.k) && c.k.length === 7 ? c.k : null;
  // A version-1 code has no mastery part; validateProgress migrates it.
  const mastery = c.v === 1 ? undefined : expandMastery(c.m, iso);
  return {
    version: c.v,
    lesson: LESSON_ID,
    epoch: c.e,
    startedAt: iso(0),
    updatedAt: iso(c.u),
    sectionsRead: typeof c.r === 'string' && c.r ? c.r.split(',') : [],
    checks,
    walkthrough: { step: w[0], finished: w[1] === 1 },
    playgroundUsed: c.g === 1,
    timeSpentMs: c.t,
    completion:
      Array.isArray(c.d) && c.d.length === 4
        ? { date: iso(c.d[0]), score: c.d[1], total: c.d[2], timeSpentMs: c.d[3] }
        : null,
    learnerName: typeof c.n === 'string' ? c.n : '',
    certificate: k && {
      id: String(k[0])
        .slice(0, 12)
        .toUpperCase()
        .replace(/(.{4})(?=.)/g, '$1-'),
      hash: k[0],
      name: k[1],
      title: k[2],
      date: k[3],
      score: k[4],
      total: k[5],
      durationMinutes: k[6],
    },
    mastery,
  };
}

function validated(expandedOrError) {
  const checked = validateProgress(expandedOrError);
  return checked.ok ? { ok: true, progress: checked.progress } : fail('invalid', checked.error);
}

function decodeCompactJson(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('notJson');
  }
  let expanded;
  try {
    expanded = expandProgress(parsed);
  } catch (error) {
    return fail('invalid', error.message);
  }
  return validated(expanded);
}

/**
 * Compact JSON for SCORM suspend_data, at most maxLength characters. If the full record does not fit, the
 * certificate is dropped first (the LMS issues its own; the lesson can re-create it from the completion),
 * then each answer's "last" details. Returns null when even that does not fit.
 */
export function encodeSuspendData(progress, maxLength = SCORM12_SUSPEND_MAX) {
  const c = compactProgress(progress);
  const fits = () => {
    const text = SUSPEND_PREFIX + JSON.stringify(c);
    return text.length <= maxLength ? text : null;
  };
  let text = fits();
  if (text) return text;
  // The newest answered variants carry the levels that matter; misses are kept whole.
  c.m[1] = c.m[1].slice(-8);
  text = fits();
  if (text) return text;
  delete c.k;
  text = fits();
  if (text) return text;
  for (const a of Object.values(c.c)) {
    a[3] = a[0];
    a[4] = a[1];
    a[5] = a[2];
  }
  text = fits();
  if (text) return text;
  c.r = '';
  return fits();
}

export function decodeSuspendData(text) {
  if (typeof text !== 'string' || !text.startsWith(SUSPEND_PREFIX)) return fail('noData');
  return decodeCompactJson(text.slice(SUSPEND_PREFIX.length));
}

// ---- the copyable progress code -------------------------------------------------------------------------

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new TypeError('bad characters');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** FNV-1a 32-bit of a string, 8 hex digits: catches typos and truncation (not tampering). */
export function checksum(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function encodeProgressCode(progress) {
  const body = toBase64Url(new TextEncoder().encode(JSON.stringify(compactProgress(progress))));
  return `${CODE_PREFIX}.${body}.${checksum(body)}`;
}

export function decodeProgressCode(text) {
  if (typeof text !== 'string') return fail('notCode');
  const code = text.replace(/\s+/g, '');
  if (!code) return fail('empty');
  if (code.length > MAX_CODE_LENGTH) return fail('tooLong');
  const parts = code.split('.');
  if (parts.length !== 3 || parts[0] !== CODE_PREFIX) return fail('otherLesson');
  if (checksum(parts[1]) !== parts[2].toLowerCase()) return fail('checksum');
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(parts[1]));
  } catch {
    return fail('damaged');
  }
  return decodeCompactJson(json);
}

/** A small JSON file holding the code (what "Download progress file" saves). */
export function progressFile(progress, now = new Date()) {
  return JSON.stringify(
    { type: 'normlab-progress', lesson: LESSON_ID, savedAt: now.toISOString(), code: encodeProgressCode(progress) },
    null,
    2,
  );
}

export function readProgressFile(text) {
  if (typeof text !== 'string' || text.length > MAX_CODE_LENGTH * 2) return fail('notFile');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A file holding just the code is fine too.
    return decodeProgressCode(text);
  }
  if (!isObj(parsed) || parsed.type !== 'normlab-progress' || typeof parsed.code !== 'string') {
    return fail('otherFile');
  }
  return decodeProgressCode(parsed.code);
}
