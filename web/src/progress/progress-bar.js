// The header progress indicator ("x of y" and a bar) and the table of contents with done marks; what counts as
// done is score.js's.
//
//   createProgressBar(root, model) -> { update(progress) }    createToc(list, content, model) -> { update(progress) }

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { sectionDone, summarize } from './score.js';

/** Fill the header progress widget (#progress) and keep it updated. */
export function createProgressBar(root, model) {
  const label = el('span', { className: 'progress-label', id: 'progress-label', text: t('progress.label') });
  const fill = el('span', { className: 'progress-fill' });
  const bar = el(
    'span',
    {
      className: 'progress-bar',
      role: 'progressbar',
      'aria-labelledby': 'progress-label',
      'aria-valuemin': '0',
    },
    fill,
  );
  const count = el('span', { className: 'progress-count', 'aria-hidden': 'true' });
  root.replaceChildren(label, bar, count);
  return {
    update(progress) {
      const s = summarize(progress, model);
      bar.setAttribute('aria-valuemax', String(s.total));
      bar.setAttribute('aria-valuenow', String(s.done));
      bar.setAttribute(
        'aria-valuetext',
        t('progress.valueText', {
          done: s.done,
          total: s.total,
          read: s.sectionsRead,
          sections: s.sectionsTotal,
          answered: s.answered,
          checks: s.checksTotal,
          correct: s.correct,
          walkthrough: s.walkthrough ? t('progress.walkthroughFinished') : t('progress.walkthroughOpen'),
          playground: s.playground ? t('progress.playgroundUsed') : t('progress.playgroundOpen'),
        }),
      );
      fill.style.width = `${s.total ? (100 * s.done) / s.total : 0}%`;
      count.textContent = t('progress.count', { done: s.done, total: s.total });
      root.dataset.complete = s.done === s.total ? 'true' : 'false';
    },
  };
}

/** Build the table of contents into `list` (an <ol>), with a done mark per section. */
export function createToc(list, content, model) {
  const items = new Map();
  for (const section of content.sections) {
    const status = el('span', { className: 'toc-status visually-hidden' });
    const link = el(
      'a',
      { href: `#${section.id}`, className: 'toc-link' },
      el('span', { className: 'toc-mark', 'aria-hidden': 'true' }),
      el('span', { className: 'toc-text', text: section.title }),
      status,
    );
    const li = el('li', { className: 'toc-item', 'data-section': section.id }, link);
    items.set(section.id, { li, status });
    list.append(li);
  }
  return {
    update(progress) {
      for (const [id, { li, status }] of items) {
        const tracked = model.sections.some((s) => s.id === id);
        const done = tracked && sectionDone(id, progress, model);
        const read = progress.sectionsRead.includes(id);
        li.dataset.state = done ? 'done' : read ? 'read' : 'open';
        status.textContent = done ? ` ${t('progress.tocDone')}` : read ? ` ${t('progress.tocRead')}` : '';
      }
    },
    setCurrent(id) {
      for (const [sid, { li }] of items) {
        const link = li.firstElementChild;
        if (sid === id) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
