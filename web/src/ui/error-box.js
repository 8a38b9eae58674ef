// error-box.js — the one inline error of the figures: an alert region (div.fig-error[role=alert]) whose
// first line is the error and whose further lines explain it. Hidden while there is nothing to say.

import { el } from './el.js';

/**
 * createErrorBox(attrs?) -> { root, show(message, ...details), hide(), attempt(compute, messageOf) }; attrs are
 * extra attributes of root.
 */
export function createErrorBox(attrs = {}) {
  const root = el('div', { className: 'fig-error', role: 'alert', hidden: true, ...attrs });
  const show = (message, ...details) => {
    root.replaceChildren(
      el('p', { className: 'fig-error-title', text: message }),
      ...details.filter(Boolean).map((text) => el('p', { text })),
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
