// The learner's progress: one versioned localStorage key holding a validated record (progress-record.js).
//
// The record's shape, validation, migration of version 1 and merging: progress-record.js. Each page load
// counts as a visit (beginVisit), which the mastery review uses.
//
// Robustness rules: a corrupted or foreign value never breaks the page — the store starts fresh and
// keeps the bad value under BACKUP_KEY; a failing localStorage leaves the store working in memory (see
// storage.js); a `storage` event from another tab is merged in (applyExternal) so two tabs stay in step.
// Merging is a join (union, OR, max, latest-wins by updatedAt), so two tabs converge without ping-pong;
// a different `epoch` means the other tab reset (or started fresh), and its state is adopted as is.

import { createListeners } from './listeners.js';
import { isSeed, noteMiss } from '../mastery/mastery-state.js';
import {
  BACKUP_KEY,
  ID_RE,
  MAX_NAME_LENGTH,
  MAX_TIME_MS,
  PROGRESS_VERSION,
  STORAGE_KEY,
  freshProgress,
  later,
  mergeProgress,
  normalizeProgress,
  validCertificate,
  validateProgress,
} from './progress-record.js';

// The record's API stays importable from here, where the rest of the page has always found it.
export {
  BACKUP_KEY,
  LESSON_ID,
  MAX_NAME_LENGTH,
  PROGRESS_VERSION,
  READABLE_VERSIONS,
  STORAGE_KEY,
  freshProgress,
  mergeProgress,
  validateProgress,
} from './progress-record.js';

/** JSON.parse without throwing: `{ ok, value }`. */
function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The record to start from: the stored one (written back when it was migrated from an older version), else a
 * fresh one, written at once. An unusable value is kept under `backupKey`; `recovered` says what was wrong.
 */
function openRecord({ storage, key, backupKey, now }) {
  const write = (state) => storage.set(key, JSON.stringify(state));
  const raw = storage.get(key);
  if (raw === null || raw === undefined) {
    const state = freshProgress(now());
    write(state);
    return { state, recovered: null };
  }
  const parsed = parseJson(raw);
  const checked = parsed.ok ? validateProgress(parsed.value) : null;
  if (checked && checked.ok) {
    if (parsed.value.version !== PROGRESS_VERSION) write(checked.progress);
    return { state: checked.progress, recovered: null };
  }
  storage.set(backupKey, raw);
  const state = freshProgress(now());
  write(state);
  return { state, recovered: parsed.ok ? 'foreign' : 'corrupt' };
}

/** A check's record after an answer: the first answer is kept for the score, later ones only as "last". */
function answeredCheck(prev, optionId, correct, at) {
  if (prev) return { ...prev, last: optionId, lastCorrect: correct, lastAt: at, attempts: prev.attempts + 1 };
  return {
    first: optionId,
    firstCorrect: correct,
    firstAt: at,
    last: optionId,
    lastCorrect: correct,
    lastAt: at,
    attempts: 1,
  };
}

/**
 * What the lesson records as the learner works through it, each a change made through `update` (the store's
 * one way to change the record); `visit` is this page load's visit number, for the mastery review.
 */
function learnerRecords({ update, now, visit }) {
  return {
    markSectionRead(id) {
      if (!ID_RE.test(id)) throw new RangeError(`bad section id ${JSON.stringify(id)}`);
      return update((d) => {
        if (!d.sectionsRead.includes(id)) d.sectionsRead.push(id);
      });
    },
    /**
     * Record an answer; the first answer of a check is kept for the score, later ones only as "last".
     * A wrong answer marks the check's `concepts` as missed in this visit (they come back for review later).
     */
    recordAnswer(quizId, optionId, correct, concepts = []) {
      if (!ID_RE.test(quizId)) throw new RangeError(`bad quiz id ${JSON.stringify(quizId)}`);
      const at = now().toISOString();
      return update((d) => {
        if (!correct) noteMiss(d.mastery, concepts, visit());
        d.checks[quizId] = answeredCheck(d.checks[quizId], optionId, !!correct, at);
      });
    },
    /** Record the (first) answer to one generated variant of a predict check or review item. */
    recordVariant(itemId, seed, correct, concepts = []) {
      if (!ID_RE.test(itemId)) throw new RangeError(`bad item id ${JSON.stringify(itemId)}`);
      if (!isSeed(seed)) throw new RangeError(`bad seed ${JSON.stringify(seed)}`);
      const at = now().toISOString();
      return update((d) => {
        if (d.mastery.variants.some((v) => v.item === itemId && v.seed === seed)) return;
        d.mastery.variants.push({ item: itemId, seed, correct: !!correct, visit: visit(), at });
        if (!correct) noteMiss(d.mastery, concepts, visit());
      });
    },
    setWalkthroughStep(step) {
      return update((d) => {
        d.walkthrough.step = Math.max(0, Math.min(100, step | 0));
      });
    },
    finishWalkthrough() {
      return update((d) => {
        d.walkthrough.finished = true;
      });
    },
    markPlaygroundUsed() {
      return update((d) => {
        d.playgroundUsed = true;
      });
    },
    addTime(ms) {
      if (!(ms > 0) || !Number.isFinite(ms)) return false;
      return update((d) => {
        d.timeSpentMs = Math.min(MAX_TIME_MS, d.timeSpentMs + Math.min(ms, 10 * 60 * 1000));
      });
    },
    /** Record the completion now, with the given score. */
    complete({ score, total }) {
      const date = now().toISOString();
      return update((d) => {
        d.completion = { date, score, total, timeSpentMs: d.timeSpentMs };
      });
    },
    setLearnerName(name) {
      return update((d) => {
        d.learnerName = String(name).slice(0, MAX_NAME_LENGTH);
      });
    },
    saveCertificate(certificate) {
      if (!validCertificate(certificate)) throw new RangeError('invalid certificate record');
      return update((d) => {
        d.certificate = certificate;
        d.learnerName = certificate.name;
      });
    },
  };
}

/**
 * The progress store.
 * @param {{ storage: ReturnType<import('./storage.js').createSafeStorage>, key?: string, backupKey?: string,
 *           now?: () => Date }} options
 */
export function createProgressStore({ storage, key = STORAGE_KEY, backupKey = BACKUP_KEY, now = () => new Date() }) {
  const listeners = createListeners((error) => console.error(error));
  /** This page load's visit number (beginVisit); 1 until then. */
  let visit = 1;
  const opened = openRecord({ storage, key, backupKey, now });
  let state = opened.state;

  function save() {
    storage.set(key, JSON.stringify(state));
  }
  const emit = () => listeners.emit(state);
  function update(mutator) {
    const draft = structuredClone(state);
    mutator(draft);
    const before = JSON.stringify(state);
    draft.updatedAt = state.updatedAt;
    const next = normalizeProgress(draft);
    if (JSON.stringify(next) === before) return false;
    next.updatedAt = later(now().toISOString(), state.updatedAt);
    state = next;
    save();
    emit();
    return true;
  }

  // A fresh record with a new epoch; the reset starts a new history whose first visit is this one.
  function restart() {
    state = freshProgress(now());
    state.mastery.visits = 1;
    visit = 1;
    save();
    emit();
  }

  // Same epoch: a join of the two records; another epoch means the other side reset or started
  // fresh, and its record is adopted as is.
  function adopt(incoming, { written }) {
    const merged = incoming.epoch === state.epoch ? mergeProgress(state, incoming) : incoming;
    if (incoming.epoch !== state.epoch) visit = Math.max(1, merged.mastery.visits);
    const changed = JSON.stringify(merged) !== JSON.stringify(state);
    state = merged;
    if (!written || JSON.stringify(merged) !== JSON.stringify(incoming)) save();
    if (changed) emit();
    return changed;
  }

  return {
    /** The current progress (treat as read-only). */
    get state() {
      return state;
    },
    /** 'corrupt' | 'foreign' | null: what was found in storage at start-up (it does not change later). */
    recovered: opened.recovered,
    /** Subscribe to changes; returns the unsubscribe function. */
    subscribe: listeners.add,
    /** This page load's visit number. */
    get visit() {
      return visit;
    },
    /** Count a new visit (once per page load); returns its number. */
    beginVisit() {
      update((d) => {
        d.mastery.visits += 1;
      });
      visit = Math.max(1, state.mastery.visits);
      return visit;
    },
    ...learnerRecords({ update, now, visit: () => visit }),
    /** Forget everything: a fresh record with a new epoch (other tabs adopt it). */
    reset: restart,
    /**
     * Apply a value another tab wrote to the key (from a `storage` event). Invalid values are ignored;
     * null (the key was removed) resets. Returns true when the local state changed.
     */
    applyExternal(newValue) {
      if (newValue === null || newValue === undefined) {
        restart();
        return true;
      }
      const parsed = parseJson(newValue);
      const checked = parsed.ok ? validateProgress(parsed.value) : null;
      // The other tab already wrote `incoming` to the key: written back only when the merge added to it.
      return checked?.ok ? adopt(checked.progress, { written: true }) : false;
    },
    /**
     * Take over a progress record from elsewhere (a progress code or file, validated by progress-code.js):
     * merged as a storage event is, and always written, since it is not in this site's storage yet.
     * Returns true when the local state changed.
     */
    importProgress(record) {
      const checked = validateProgress(record);
      if (!checked.ok) throw new RangeError(`invalid progress record: ${checked.error}`);
      return adopt(checked.progress, { written: false });
    },
  };
}
