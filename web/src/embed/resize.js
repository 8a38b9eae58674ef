// Auto-height for an embedded lesson: our own small reporter (not iframe-resizer).
//
// A ResizeObserver on <html> and <body> (plus load/font/transition events and a slow safety poll for content
// that renders late: charts, web fonts, lazily mounted figures) measures the document height, debounced to
// one message per animation frame + DEBOUNCE_MS, and only when it changed by at least 1 px. It posts:
//   { source: 'normlab', v: 1, type: 'resize', lesson: 'normalization', height }   our protocol
//   { subject: 'lti.frameResize', height }                                        Canvas / LTI hosts
// The height is not private, so it goes to '*' (the only message that does).
//
//   startResizeReporter({ target = window.parent, debounceMs?, pollMs? }) -> { stop(), report() }

import { message } from './host-messages.js';

const DEBOUNCE_MS = 60;
const POLL_MS = 1500;

export function documentHeight(doc = document) {
  const html = doc.documentElement;
  const body = doc.body;
  // <html>'s scrollHeight is never below the viewport (the iframe could only grow); the body's box plus its
  // margins is the content's real extent, so the frame can shrink again when a panel closes.
  if (!body) return html.scrollHeight;
  const style = getComputedStyle(body);
  return Math.ceil(
    body.getBoundingClientRect().height + (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0),
  );
}

export function startResizeReporter({
  target = window.parent,
  debounceMs = DEBOUNCE_MS,
  pollMs = POLL_MS,
  measure = documentHeight,
} = {}) {
  if (!target || target === window) return { stop() {}, report() {} };
  let last = -1;
  let timer = 0;
  let frame = 0;
  let stopped = false;

  const send = () => {
    timer = 0;
    frame = 0;
    if (stopped) return;
    const height = Math.ceil(measure());
    if (!Number.isFinite(height) || Math.abs(height - last) < 1) return;
    last = height;
    try {
      target.postMessage(message('resize', { height }), '*');
      target.postMessage({ subject: 'lti.frameResize', height }, '*');
    } catch {
      /* parent gone */
    }
  };
  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(send);
      else send();
    }, debounceMs);
  };

  let observer = null;
  if (typeof ResizeObserver === 'function') {
    observer = new ResizeObserver(schedule);
    observer.observe(document.documentElement);
    if (document.body) observer.observe(document.body);
  }
  const events = ['load', 'resize', 'transitionend', 'animationend', 'toggle'];
  for (const name of events) window.addEventListener(name, schedule, true);
  document.fonts?.addEventListener?.('loadingdone', schedule);
  // Safety net for changes the observer cannot see (e.g. an iframe host that ignores the first message).
  const poll = pollMs > 0 ? setInterval(schedule, pollMs) : 0;
  schedule();

  return {
    /** Send the current height now (even if unchanged: a host that just started listening asks for it). */
    report() {
      last = -1;
      schedule();
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      for (const name of events) window.removeEventListener(name, schedule, true);
      document.fonts?.removeEventListener?.('loadingdone', schedule);
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
