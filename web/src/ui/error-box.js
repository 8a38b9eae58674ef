// error-box.js — the one error box of the figures and of the registry that loads them: an alert region
// (div.fig-error[role=alert]) whose first line is the error, whose further lines explain it, and which may end in
// an action (the registry's Retry). Hidden while there is nothing to say. Its look is in lesson.css, which every
// page loads: a figure whose module failed to load has no stylesheet of its own.

import { el } from './el.js';

/**
 * createErrorBox(attrs?, { action }?) -> { root, show(message, ...details), hide(), attempt(compute, messageOf) };
 * attrs are extra attributes of root (a className is added to fig-error); `action`, a node, ends every message.
 */
export function createErrorBox({ className, ...attrs } = {}, { action } = {}) {
  const root = el('div', {
    className: className ? `fig-error ${className}` : 'fig-error',
    role: 'alert',
    hidden: true,
    ...attrs,
  });
  const show = (message, ...details) => {
    root.replaceChildren(
      el('p', { className: 'fig-error-title', text: message }),
      ...details.filter(Boolean).map((text) => el('p', { text })),
      ...(action ? [action] : []),
    );
    root.hidden = false;
  };
  const hide = () => {
    root.hidden = true;
    root.replaceChildren();
  };
  return {
    root,
    show,
    hide,
    /** compute()'s value, with the box hidden; or, when it throws, undefined with messageOf(error) shown. */
    attempt(compute, messageOf) {
      try {
        const value = compute();
        hide();
        return value;
      } catch (error) {
        show(messageOf(error));
        return undefined;
      }
    },
  };
}
