// SCORM 1.2 and SCORM 2004 (4th ed.) runtime: one session object per version with the same small interface,
// so the rest of the lesson never branches on the version (lms/index.js uses it). Finding the API is
// find-api.js's (findScormApi), which the page runs at start-up before it loads this file.
//
//   createScormSession({ version, api }) -> session
//       start() -> boolean, get(element), set(element, value) -> boolean, commit(), terminate(),
//       learnerName(), passMark() (percent or null), entry(), suspendData(), maxSuspend,
//       report({ completed, scoreFinal, correct, total, passMark, progressMeasure, suspendData })
//       finish({ sessionMs })
// All values are strings on the wire; return values "true"/"false" are checked.

import { passState } from '../progress/pass-mark.js';

/** "Lovelace, Ada" (the SCORM convention) → "Ada Lovelace"; other forms are kept as they are. */
export function displayName(lmsName) {
  const name = String(lmsName || '')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^([^,]+),\s*([^,]+)$/.exec(name);
  return m ? `${m[2].trim()} ${m[1].trim()}` : name;
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
export function scorm12Time(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const frac = cs % 100;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(frac)}`;
}

/** SCORM 2004 timeinterval (ISO 8601): PT#H#M#S */
export function scorm2004Time(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h}H${m}M${s.toFixed(2).replace(/\.?0+$/, '') || '0'}S`;
}

const num = (x) => String(Math.round(x * 100) / 100);

const ELEMENTS = {
  1.2: {
    init: 'LMSInitialize',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    finish: 'LMSFinish',
    error: 'LMSGetLastError',
    name: 'cmi.core.student_name',
    entry: 'cmi.core.entry',
    maxSuspend: 4096,
  },
  2004: {
    init: 'Initialize',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    finish: 'Terminate',
    error: 'GetLastError',
    name: 'cmi.learner_name',
    entry: 'cmi.entry',
    maxSuspend: 64000,
  },
};

export function createScormSession({ version, api }) {
  const e = ELEMENTS[version];
  let started = false;
  let finished = false;
  const written = new Map();
  let dirty = false;

  const call = (method, ...args) => {
    try {
      return api[method](...args);
    } catch (error) {
      console.warn(`SCORM ${method} failed:`, error);
      return 'false';
    }
  };
  const ok = (result) => result === true || result === 'true';

  const session = {
    version,
    maxSuspend: e.maxSuspend,
    get started() {
      return started;
    },
    get finished() {
      return finished;
    },
    start() {
      if (started) return true;
      started = ok(call(e.init, ''));
      return started;
    },
    get(element) {
      if (!started || finished) return '';
      const value = call(e.get, element);
      return value === null || value === undefined ? '' : String(value);
    },
    /** Set a value if it differs from what this session last wrote. */
    set(element, value) {
      if (!started || finished) return false;
      const text = String(value);
      if (written.get(element) === text) return true;
      const result = ok(call(e.set, element, text));
      if (result) {
        written.set(element, text);
        dirty = true;
      } else {
        console.warn(`SCORM ${e.set}(${element}) was refused (error ${call(e.error)})`);
      }
      return result;
    },
    commit(force = false) {
      if (!started || finished || (!dirty && !force)) return false;
      dirty = false;
      return ok(call(e.commit, ''));
    },
    learnerName() {
      return displayName(session.get(e.name));
    },
    entry() {
      return session.get(e.entry);
    },
    suspendData() {
      return session.get('cmi.suspend_data');
    },
    /** The LMS's pass mark as a percent (1.2 mastery_score, 2004 scaled_passing_score), or null. */
    passMark() {
      const raw =
        version === '1.2' ? session.get('cmi.student_data.mastery_score') : session.get('cmi.scaled_passing_score');
      if (raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return null;
      const percent = version === '1.2' ? n : n * 100;
      return percent >= 0 && percent <= 100 ? percent : null;
    },

    /**
     * Write the learner's state. completed: "Mark complete" done; scoreFinal: every check answered (the first
     * answers are final) or completed; passMark: percent or null.
     */
    report({ completed, scoreFinal, correct, total, passMark, progressMeasure, suspendData }) {
      if (!started || finished) return;
      const { percent, passed } = passState(correct, total, passMark);
      const hasScore = completed || scoreFinal;
      if (suspendData !== null && suspendData !== undefined) session.set('cmi.suspend_data', suspendData);
      if (version === '1.2') {
        if (hasScore) {
          session.set('cmi.core.score.min', '0');
          session.set('cmi.core.score.max', '100');
          session.set('cmi.core.score.raw', num(percent));
        }
        let status = 'incomplete';
        if (passMark !== null && hasScore && !passed) status = 'failed';
        else if (completed) status = passMark === null ? 'completed' : 'passed';
        session.set('cmi.core.lesson_status', status);
      } else {
        session.set('cmi.completion_status', completed ? 'completed' : 'incomplete');
        session.set(
          'cmi.progress_measure',
          completed ? '1' : String(Math.min(0.99, Math.max(0, Math.round(progressMeasure * 100) / 100))),
        );
        if (hasScore) {
          session.set('cmi.score.min', '0');
          session.set('cmi.score.max', '100');
          session.set('cmi.score.raw', num(percent));
          session.set('cmi.score.scaled', String(total ? Math.round((10000 * correct) / total) / 10000 : 0));
        }
        session.set('cmi.success_status', passMark === null || !hasScore ? 'unknown' : passed ? 'passed' : 'failed');
      }
      session.commit();
    },

    /** End the session: session time, exit = suspend (the state stays resumable), commit, terminate once. */
    finish({ sessionMs }) {
      if (!started || finished) return;
      if (version === '1.2') {
        session.set('cmi.core.session_time', scorm12Time(sessionMs));
        session.set('cmi.core.exit', 'suspend');
      } else {
        session.set('cmi.session_time', scorm2004Time(sessionMs));
        session.set('cmi.exit', 'suspend');
      }
      session.commit(true);
      finished = true;
      call(e.finish, '');
    },
  };
  return session;
}
