// content-problem.js — the panel shown instead of the lesson when its content cannot be loaded, does not
// match the schema, or the page fails to start: a title, what happened, the schema errors (at most 50) and,
// where another attempt can help, a "Try again" button.

import { el } from './el.js';
import { t } from '../i18n/i18n.js';

const MAX_ERRORS = 50;

/** Replace the lesson's content with the problem panel; `errors` are schema messages (shown as code). */
export function showContentProblem(lesson, { title, message, errors = [], retry }) {
  const panel = el(
    'div',
    { className: 'content-error', attrs: { role: 'alert' } },
    el('h2', { text: title }),
    el('p', { text: message }),
  );
  if (errors.length) {
    const list = el('ul', { className: 'content-error-list' });
    for (const e of errors.slice(0, MAX_ERRORS)) list.append(el('li', {}, el('code', { text: e })));
    if (errors.length > MAX_ERRORS)
      list.append(el('li', { text: t('page.moreErrors', { count: errors.length - MAX_ERRORS }) }));
    panel.append(list);
  }
  if (retry) {
    const button = el('button', { className: 'button', text: t('common.tryAgain'), attrs: { type: 'button' } });
    button.addEventListener('click', retry);
    panel.append(button);
  }
  lesson.replaceChildren(panel);
  lesson.dataset.contentStatus = errors.length ? 'invalid' : 'error';
  lesson.removeAttribute('aria-busy');
}
