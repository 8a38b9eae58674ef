// The LMS adapter layer: at start-up it picks SCORM 2004, SCORM 1.2 or standalone, and gives the page one
// object to talk to whichever it is. The seam with the progress store is the storage backend
// (state/storage.js's Storage-like interface): under an LMS the backend keeps every key in memory and the
// progress is saved to cmi.suspend_data — nothing about the learner reaches localStorage.
// main.js loads this file only when find-api.js found an API (the SCORM runtime stays out of the first load).
//
//   connectLms({ win?, storageKey }) -> connection
//     kind: 'scorm2004' | 'scorm12' | 'standalone'
//     learnerName: string          the LMS's learner name as "First Last" ('' when standalone)
//     passMark: number | null      the LMS's pass mark in percent (mastery_score / scaled_passing_score)
//     backend: Storage-like | null the storage backend to use (null: the page uses localStorage)
//     restored: 'resumed' | 'fresh' | 'unreadable'
//     sync(progress, summary, { passMark })   report status, score, progress and suspend_data; commit
//     finish()                     session time, exit, commit, terminate (once; also on pagehide)

import { createScormSession } from './scorm.js';
import { findScormApi, STANDALONE } from './find-api.js';
import { decodeSuspendData, encodeSuspendData } from '../state/progress-code.js';
import { t } from '../i18n/i18n.js';

/** A Storage-like in-memory backend (getItem/setItem/removeItem), optionally pre-loaded. */
export function createMemoryBackend(initial = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => {
      map.set(key, String(value));
    },
    removeItem: (key) => {
      map.delete(key);
    },
    get length() {
      return map.size;
    },
  };
}

export function connectLms({ win = globalThis.window, storageKey } = {}) {
  const found = findScormApi(win);
  if (!found) return STANDALONE;
  const session = createScormSession(found);
  if (!session.start()) {
    console.warn('An LMS API was found but it did not initialize: running standalone.');
    return STANDALONE;
  }
  const startedAt = Date.now();
  const initial = {};
  let restored = 'fresh';
  const saved = session.suspendData();
  if (saved) {
    const decoded = decodeSuspendData(saved);
    if (decoded.ok) {
      initial[storageKey] = JSON.stringify(decoded.progress);
      restored = 'resumed';
    } else {
      restored = 'unreadable';
      console.warn(t('lms.unreadable', { error: decoded.error }));
    }
  }
  const backend = createMemoryBackend(initial);
  const passMark = session.passMark();

  const connection = {
    kind: found.version === '1.2' ? 'scorm12' : 'scorm2004',
    learnerName: session.learnerName(),
    passMark,
    backend,
    restored,
    /** Report the current state; values that did not change are not re-sent, commit only after a change. */
    sync(progress, summary, { passMark: mark = passMark } = {}) {
      const suspendData = encodeSuspendData(progress, session.maxSuspend);
      if (suspendData === null) console.warn(t('lms.tooLarge'));
      session.report({
        completed: !!progress.completion,
        scoreFinal: summary.checksTotal > 0 && summary.answered === summary.checksTotal,
        correct: summary.correct,
        total: summary.checksTotal,
        passMark: mark,
        progressMeasure: summary.total ? summary.done / summary.total : 0,
        suspendData,
      });
    },
    finish() {
      session.finish({ sessionMs: Date.now() - startedAt });
    },
  };
  return connection;
}
