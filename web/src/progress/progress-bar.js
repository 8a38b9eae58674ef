// The header progress indicator ("x of y" and a bar) and the table of contents with done marks.
//
// What counts: sections read, checks answered, walkthrough finished, playground used.
//   summarize(progress, model) -> { done, total, sectionsRead, sectionsTotal, answered, correct, checksTotal,
//                                   walkthrough, playground, unanswered: quiz[], unread: section[] }
//   model = lessonModel(content): the trackable sections and quizzes, derived from the content once.

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';

/** Sections that are "read" by scrolling: all but the finish area and the reference list. */
const NOT_TRACKED = new Set(['finish', 'references']);

export function lessonModel(content) {
  const sections = content.sections.filter((s) => !NOT_TRACKED.has(s.id));
  const quizzes = [];
  const sectionQuizzes = new Map();
  content.sections.forEach((section) => {
    const ids = [];
    for (const block of section.blocks) {
      if (block.type === 'quiz') {
        quizzes.push({ id: block.id, question: block.question, sectionId: section.id, index: quizzes.length + 1 });
        ids.push(block.id);
      }
    }
    sectionQuizzes.set(section.id, ids);
  });
  return { sections, quizzes, sectionQuizzes, allSections: content.sections };
}

export function summarize(progress, model) {
  const read = new Set(progress.sectionsRead);
  const sectionsRead = model.sections.filter((s) => read.has(s.id)).length;
  let answered = 0;
  let correct = 0;
  const unanswered = [];
  for (const q of model.quizzes) {
    const record = progress.checks[q.id];
    if (record) {
      answered += 1;
      if (record.firstCorrect) correct += 1;
    } else {
      unanswered.push(q);
    }
  }
  const walkthrough = progress.walkthrough.finished;
  const playground = progress.playgroundUsed;
  const total = model.sections.length + model.quizzes.length + 2;
  const done = sectionsRead + answered + (walkthrough ? 1 : 0) + (playground ? 1 : 0);
  return {
    done,
    total,
    sectionsRead,
    sectionsTotal: model.sections.length,
    answered,
    correct,
    checksTotal: model.quizzes.length,
    walkthrough,
    playground,
    unanswered,
    unread: model.sections.filter((s) => !read.has(s.id)),
  };
}

/** A section is done when it was read and its own tasks (checks, walkthrough, playground) are done. */
export function sectionDone(sectionId, progress, model) {
  if (!progress.sectionsRead.includes(sectionId)) return false;
  const quizzes = model.sectionQuizzes.get(sectionId) || [];
  if (quizzes.some((id) => !progress.checks[id])) return false;
  if (sectionId === 'walkthrough' && !progress.walkthrough.finished) return false;
  if (sectionId === 'playground' && !progress.playgroundUsed) return false;
  return true;
}

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
