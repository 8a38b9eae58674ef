// Safe key-value storage over localStorage, with an in-memory fallback.
//
// localStorage can fail in three ways that a lesson page must survive:
//   - the getter itself throws (sandboxed iframe without allow-same-origin, storage blocked by the browser);
//   - getItem/setItem throw SecurityError (blocked after load);
//   - setItem throws QuotaExceededError (quota exhausted).
// After the first failure the adapter switches to "memory" mode: every value lives in a Map for the rest of
// the visit, reads still try the real storage for keys the Map does not know, and listeners are told once
// so the page can show a discreet notice.
//
//   createSafeStorage(getBackend?) -> { get, set, remove, mode, failure, onFailure }
//
// The backend is the seam between the progress store and where progress lives: anything with the Storage
// methods getItem(key) / setItem(key, value) / removeItem(key). The page passes window.localStorage when it
// runs standalone, and the LMS layer's in-memory backend under SCORM (web/src/lms/index.js: the progress is
// saved to cmi.suspend_data there, so nothing about the learner reaches localStorage).

import { t } from '../i18n/i18n.js';
import { createListeners } from './listeners.js';

/** @typedef {{ reason: 'blocked'|'quota'|'unavailable', message: string }} StorageFailure */

function classify(error) {
  const name = error && error.name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error && error.code === 22)) {
    return { reason: 'quota', message: t('progress.storageFull') };
  }
  if (name === 'SecurityError') {
    return { reason: 'blocked', message: t('progress.storageBlocked') };
  }
  return { reason: 'unavailable', message: t('progress.storageUnavailable') };
}

/**
 * @param {() => Storage | null | undefined} [getBackend] returns the Storage to use (default: window.localStorage)
 */
export function createSafeStorage(getBackend = () => globalThis.localStorage) {
  const memory = new Map();
  const listeners = createListeners(); // a listener's error must not break storage
  /** @type {Storage | null} */
  let backend = null;
  let mode = 'persistent';
  /** @type {StorageFailure | null} */
  let failure = null;

  function fail(error) {
    if (mode === 'memory') return;
    mode = 'memory';
    failure = classify(error);
    listeners.emit(failure);
  }

  try {
    backend = getBackend() || null;
    if (!backend) throw Object.assign(new Error('no localStorage'), { name: 'NotSupportedError' });
  } catch (error) {
    backend = null;
    fail(error);
  }

  return {
    /** 'persistent' while localStorage works, 'memory' after it failed */
    get mode() {
      return mode;
    },
    /** @returns {StorageFailure | null} why storage fell back to memory */
    get failure() {
      return failure;
    },
    /** Register a callback for the (single) switch to memory mode. */
    onFailure: listeners.add,
    /** @returns {string | null} */
    get(key) {
      if (mode === 'memory' && memory.has(key)) return memory.get(key) ?? null;
      if (!backend) return null;
      try {
        return backend.getItem(key);
      } catch (error) {
        fail(error);
        return memory.has(key) ? memory.get(key) : null;
      }
    },
    /** Store a string; returns true when it reached localStorage, false when it is held in memory only. */
    set(key, value) {
      memory.set(key, String(value));
      if (mode === 'memory' || !backend) return false;
      try {
        backend.setItem(key, String(value));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    remove(key) {
      memory.set(key, null); // remembered as absent, so memory mode never falls back to a stale stored value
      if (mode === 'memory' || !backend) return;
      try {
        backend.removeItem(key);
      } catch (error) {
        fail(error);
      }
    },
  };
}
