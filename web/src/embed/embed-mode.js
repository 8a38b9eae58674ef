// Glue between the page (main.js) and the embedding features: layout from the embed parameters, the
// allowed host origins, the host channel (events + the two accepted commands), the height reporter, the
// LMS reporting and "Open in a new tab". main.js calls these; they hold no lesson logic of their own.
//
//   readAllowedOrigins(doc, params) -> string[]
//   applyLayout(doc, params, { framed })
//   themeStorage(storage, theme) -> a storage view where the theme key reads `theme` until the learner picks one
//   createEmbedBridge({ params, framed, origins, lms, store, model, summarize, passMark, storageMode })
//       -> { ready(), reset handler wired, stop() }
//   newTabUrl(href) -> the lesson's URL without embed-only parameters

import { parseOriginList } from './params.js';
import { acceptIncoming, completedPayload, createHostChannel, isoDuration, progressPayload } from './host-messages.js';
import { startResizeReporter } from './resize.js';
import { THEME_KEY } from '../ui/theme.js';
import { t } from '../i18n/i18n.js';

export const APP_VERSION = '1';

/**
 * Origins allowed to receive events and send commands: the page's <meta name="normlab-allowed-origins">
 * (a site operator's list, authoritative when not empty); otherwise the origin=… parameters; otherwise the
 * embedding page's own origin (location.ancestorOrigins, or the referrer's origin).
 */
export function readAllowedOrigins(doc, params, win = globalThis.window) {
  const meta = doc.querySelector('meta[name="normlab-allowed-origins"]');
  const configured = parseOriginList(meta?.getAttribute('content') || '');
  if (configured.length) return configured;
  if (params.origins.length) return params.origins;
  let parentOrigin = null;
  try {
    const ancestors = win.location.ancestorOrigins;
    if (ancestors && ancestors.length) parentOrigin = ancestors[0];
  } catch {
    /* not available */
  }
  if (!parentOrigin && doc.referrer) {
    try {
      parentOrigin = new URL(doc.referrer).origin;
    } catch {
      parentOrigin = null;
    }
  }
  return parentOrigin && parentOrigin !== 'null' && /^https?:\/\//.test(parentOrigin) ? [parentOrigin] : [];
}

export function applyLayout(doc, params, { framed }) {
  const root = doc.documentElement;
  if (params.embed) root.classList.add('is-embed');
  if (framed) root.classList.add('is-framed');
  if (params.hide.length) root.dataset.hide = params.hide.join(' ');
  if (params.theme) root.dataset.theme = params.theme;
}

/** External links open in a new tab (embed mode: never navigate the course page's frame away). */
export function externalLinksInNewTab(container, win = globalThis.window) {
  for (const link of container.querySelectorAll('a[href]')) {
    let url;
    try {
      url = new URL(link.getAttribute('href'), win.location.href);
    } catch {
      continue;
    }
    if (url.origin === win.location.origin && url.pathname === win.location.pathname) continue;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
}

/** A storage view for initTheme: the theme= parameter wins until the learner uses the toggle. */
export function themeStorage(storage, theme) {
  let override = theme || null;
  return {
    get: (key) => (key === THEME_KEY && override ? override : storage.get(key)),
    set: (key, value) => {
      if (key === THEME_KEY) override = null;
      return storage.set(key, value);
    },
    remove: (key) => storage.remove(key),
  };
}

/** The lesson's URL for "Open in a new tab": without the embed-only parameters. */
export function newTabUrl(href) {
  const url = new URL(href);
  for (const name of ['embed', 'hide', 'origin']) url.searchParams.delete(name);
  return url.href;
}

export function createEmbedBridge({ framed, origins, lms, store, model, summarize, passMark, storageMode, embed }) {
  const channel = createHostChannel({ target: framed ? window.parent : null, origins });
  const resizer = framed ? startResizeReporter({ target: window.parent }) : null;
  let lastProgress = '';
  let lastChecks = structuredClone(store.state.checks);
  let lastCompletion = store.state.completion?.date || null;

  const progressNow = () => progressPayload(summarize(store.state, model));
  const completedNow = () => completedPayload(store.state.completion, passMark);

  function onChange(progress) {
    const s = summarize(progress, model);
    lms.sync(progress, s, { passMark });
    if (!channel.framed) return;
    const payload = progressPayload(s);
    const key = JSON.stringify(payload);
    if (key !== lastProgress) {
      lastProgress = key;
      channel.send('progress', payload);
    }
    for (const [quizId, record] of Object.entries(progress.checks)) {
      const before = lastChecks[quizId];
      if (before && before.attempts === record.attempts) continue;
      const quiz = model.quizzes.find((q) => q.id === quizId);
      channel.send('answer', {
        quizId,
        index: quiz ? quiz.index : null,
        optionId: record.last,
        correct: record.lastCorrect,
        first: record.attempts === 1,
        attempts: record.attempts,
      });
      channel.statement('answered', {
        objectId: `https://normlab.invalid/lessons/normalization/checks/${quizId}`,
        name: t('embed.xapiCheck', { index: quiz ? quiz.index : quizId }),
        result: { success: record.lastCorrect, response: record.last },
      });
    }
    lastChecks = structuredClone(progress.checks);
    const date = progress.completion?.date || null;
    if (date && date !== lastCompletion) {
      const done = completedPayload(progress.completion, passMark);
      channel.send('completed', done);
      channel.statement('completed', {
        result: {
          completion: true,
          duration: isoDuration(done.durationMs),
          score: { raw: done.score, min: 0, max: done.total, scaled: done.total ? done.score / done.total : 0 },
        },
      });
      if (done.passed !== null)
        channel.statement(done.passed ? 'passed' : 'failed', {
          result: { success: done.passed, score: { scaled: done.total ? done.score / done.total : 0 } },
        });
    }
    lastCompletion = date;
  }
  const unsubscribe = store.subscribe(onChange);

  const onMessage = (event) => {
    const command = acceptIncoming(event, { allowedOrigins: channel.origins, parent: window.parent });
    if (!command) return;
    if (command.type === 'request-state') {
      channel.send('state', { progress: progressNow(), completed: completedNow() });
      resizer?.report();
    } else if (command.type === 'reset') {
      store.reset();
    }
  };
  if (channel.framed) window.addEventListener('message', onMessage);

  const finish = () => lms.finish();
  window.addEventListener('pagehide', finish);

  return {
    channel,
    ready() {
      // The first LMS report (status incomplete, restored suspend_data) and the host's ready event.
      lms.sync(store.state, summarize(store.state, model), { passMark });
      lastProgress = JSON.stringify(progressNow());
      channel.send('ready', {
        version: APP_VERSION,
        embed,
        storage: lms.kind === 'standalone' ? storageMode : 'lms',
        passMark,
        progress: progressNow(),
        completed: completedNow(),
      });
      resizer?.report();
    },
    stop() {
      unsubscribe();
      window.removeEventListener('message', onMessage);
      window.removeEventListener('pagehide', finish);
      resizer?.stop();
    },
  };
}
