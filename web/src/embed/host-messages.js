// Messages between the lesson (in an iframe) and the page that embeds it: a small, versioned protocol
// (docs/embedding.md, "Message protocol"). Pure message builders + a channel that posts them.
//
// Lesson → host, every message: { source: 'normlab', v: 1, type, lesson: 'normalization', ...payload }
//   ready      { version, embed, storage: 'persistent'|'memory'|'lms', progress: <progress payload> }
//   resize     { height }                                   (also posted to '*', see resize.js)
//   progress   { percent, done, total, sectionsRead, sectionsTotal, answered, correct, checksTotal,
//                walkthrough, playground }
//   answer     { quizId, index, optionId, correct, first, attempts }
//   completed  { score, total, percent, passed, passMark, durationMs, date }
//   state      (the reply to request-state) { progress: <progress payload>, completed: null | <completed payload> }
//   xapi       { statement }   actor-less xAPI-shaped statement (never the learner's name or any identity)
// Host → lesson (only from an allowed origin, only from window.parent; anything else is ignored):
//   { source: 'normlab-host', v: 1, type: 'request-state' }   → the lesson answers with `state`
//   { source: 'normlab-host', v: 1, type: 'reset' }           → the lesson forgets its progress
//
// Target origins: the allow-list (<meta name="normlab-allowed-origins">, origin=… parameters) plus the
// referrer's origin. Messages are sent to each allowed origin by name, never to '*' (only the height is).

import { t } from '../i18n/i18n.js';
import { passState } from '../progress/pass-mark.js';

export const PROTOCOL_VERSION = 1;
export const SOURCE = 'normlab';
export const HOST_SOURCE = 'normlab-host';
export const LESSON = 'normalization';
export const INCOMING_TYPES = Object.freeze(['request-state', 'reset']);
const XAPI_VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
};
export const ACTIVITY_ID = 'https://normlab.invalid/lessons/normalization';

export function message(type, payload = {}) {
  return { source: SOURCE, v: PROTOCOL_VERSION, type, lesson: LESSON, ...payload };
}

/** The progress payload from a summarize() result (progress/score.js). */
export function progressPayload(s) {
  return {
    percent: s.total ? Math.round((1000 * s.done) / s.total) / 10 : 0,
    done: s.done,
    total: s.total,
    sectionsRead: s.sectionsRead,
    sectionsTotal: s.sectionsTotal,
    answered: s.answered,
    correct: s.correct,
    checksTotal: s.checksTotal,
    walkthrough: s.walkthrough,
    playground: s.playground,
  };
}

/** The completed payload from the stored completion and the pass mark (percent or null). */
export function completedPayload(completion, passMark) {
  if (!completion) return null;
  const { percent, passed } = passState(completion.score, completion.total, passMark);
  return {
    score: completion.score,
    total: completion.total,
    // Two decimals for the host; whether it passed is decided on the exact percent (pass-mark.js).
    percent: Math.round(percent * 100) / 100,
    passed,
    passMark: passMark ?? null,
    durationMs: completion.timeSpentMs,
    date: completion.date,
  };
}

/** ISO 8601 duration of ms ("PT1H2M3S"). */
export function isoDuration(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${sec || (!h && !m) ? `${sec}S` : ''}`;
}

/** An actor-less xAPI-shaped statement (a host with an LRS adds its own actor). */
export function xapiStatement(verb, { objectId = ACTIVITY_ID, name = t('embed.xapiLesson'), result, timestamp } = {}) {
  const statement = {
    verb: { id: XAPI_VERBS[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: objectId, definition: { name: { 'en-US': name } } },
  };
  if (result) statement.result = result;
  if (timestamp) statement.timestamp = timestamp;
  return statement;
}

/**
 * Validate an incoming message event against the allow-list.
 * @returns {{ type: string } | null} the accepted command, or null (ignored)
 */
export function acceptIncoming(event, { allowedOrigins, parent }) {
  if (!event || !allowedOrigins.includes(event.origin)) return null;
  if (parent && event.source !== parent) return null;
  const data = event.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  if (data.source !== HOST_SOURCE || data.v !== PROTOCOL_VERSION) return null;
  if (typeof data.type !== 'string' || !INCOMING_TYPES.includes(data.type)) return null;
  return { type: data.type };
}

/**
 * The channel to the embedding page. `target` is window.parent (or null when the page is not framed).
 * @param {{ target: Window | null, origins: string[], xapi?: boolean }} options
 */
export function createHostChannel({ target, origins, xapi = true }) {
  const framed = !!target;
  const post = (msg) => {
    if (!framed) return 0;
    let sent = 0;
    for (const origin of origins) {
      try {
        target.postMessage(msg, origin);
        sent += 1;
      } catch {
        /* a detached or navigated parent: ignore */
      }
    }
    return sent;
  };
  return {
    framed,
    origins,
    send(type, payload) {
      return post(message(type, payload));
    },
    statement(verb, options) {
      if (!xapi) return 0;
      return post(
        message('xapi', { statement: xapiStatement(verb, { ...options, timestamp: new Date().toISOString() }) }),
      );
    },
  };
}
