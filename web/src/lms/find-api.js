// find-api.js — SCORM API discovery, kept apart from the runtime (scorm.js) so the page can tell at start-up
// whether it runs under an LMS without loading the SCORM adapters (main.js imports lms/index.js only then).
//
//   findScormApi(win = window) -> { version: '2004' | '1.2', api } | null
//       API_1484_11 first, then API; walks win.parent (at most 500 levels), then window.opener and its
//       parents, then top.opener. Every property access is in try/catch: reading a cross-origin window throws
//       SecurityError, which counts as "not here" — a lesson in a plain iframe on a course page runs standalone.
//   STANDALONE: the connection of a page with no LMS (see lms/index.js for the fields).

const MAX_TRIES = 500;
const NAMES = ['API_1484_11', 'API'];

function scan(win, name) {
  for (let i = 0; win && i < MAX_TRIES; i++) {
    try {
      const api = win[name];
      if (api && typeof api === 'object') return api;
    } catch {
      /* cross-origin window: keep climbing */
    }
    let parent;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

function openerOf(win) {
  try {
    return win.opener || null;
  } catch {
    return null;
  }
}

export function findScormApi(win = globalThis.window) {
  if (!win) return null;
  let top;
  try {
    top = win.top;
  } catch {
    top = null;
  }
  for (const name of NAMES) {
    const api = scan(win, name) ?? scan(openerOf(win), name) ?? (top ? scan(openerOf(top), name) : null);
    if (api) {
      const methods =
        name === 'API'
          ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']
          : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate'];
      let ok;
      try {
        ok = methods.every((m) => typeof api[m] === 'function');
      } catch {
        ok = false;
      }
      if (ok) return { version: name === 'API' ? '1.2' : '2004', api };
    }
  }
  return null;
}

/** The connection without an LMS: progress in localStorage, nothing reported anywhere. */
export const STANDALONE = Object.freeze({
  kind: 'standalone',
  learnerName: '',
  passMark: null,
  backend: null,
  restored: 'fresh',
  sync() {},
  finish() {},
});
