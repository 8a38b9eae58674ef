// The completion area's elements (certificate.js gives them their behaviour): where the learner stands, the
// name form, the certificate with Print and Download PDF; and the summary's and open list's items, redrawn on
// every progress change.
//
//   completionView(nameHint) -> { root, summaryList, openBox, markButton, status, passNote, statusBox, form,
//                                 nameInput, nameError, createButton, certArea, certSlot, printButton, pdfButton }
//   summaryItems(summary), openItems(summary) -> nodes

import { el } from '../ui/el.js';
import { plainText } from '../ui/inline.js';
import { MAX_NAME_LENGTH } from '../state/progress.js';
import { t } from '../i18n/i18n.js';

/** The area's parts, not yet in order: certificate.js appends them with the reset area. */
export function completionView(nameHint) {
  return {
    root: el('div', { className: 'completion' }),
    ...progressPart(),
    ...namePart(nameHint),
    ...certificatePart(),
  };
}

/** Where the learner stands: the summary, what is still open, Mark as complete with its status line, the pass note. */
function progressPart() {
  const markButton = el('button', {
    type: 'button',
    className: 'button button-primary mark-complete',
    text: t('completion.mark'),
  });
  const status = el('p', { className: 'completion-status', role: 'status' });
  return {
    summaryList: el('ul', { className: 'completion-summary' }),
    openBox: el('div', { className: 'still-open' }),
    markButton,
    status,
    passNote: el('p', { className: 'pass-note', id: 'pass-note', hidden: true }),
    statusBox: el('div', { className: 'completion-actions' }, markButton, status),
  };
}

/** The name form that creates the certificate: { form, nameInput, nameError, createButton }. */
function namePart(nameHint) {
  const nameInput = el('input', {
    id: 'cert-name',
    name: 'learner-name',
    type: 'text',
    autocomplete: 'name',
    maxlength: String(MAX_NAME_LENGTH),
    spellcheck: 'false',
    'aria-describedby': 'cert-name-hint',
  });
  const nameError = el('p', {
    className: 'form-error',
    id: 'cert-name-error',
    hidden: true,
    text: t('completion.nameMissing'),
  });
  const createButton = el('button', {
    type: 'submit',
    className: 'button button-primary',
    text: t('completion.create'),
  });
  const form = el(
    'form',
    { className: 'cert-form', 'aria-labelledby': 'cert-form-title', hidden: true },
    el('h3', { id: 'cert-form-title', text: t('completion.formTitle') }),
    el('label', { for: 'cert-name', text: t('completion.nameLabel') }),
    el('p', { className: 'hint', id: 'cert-name-hint', text: nameHint }),
    el('div', { className: 'form-row' }, nameInput, createButton),
    nameError,
  );
  return { form, nameInput, nameError, createButton };
}

/** Where the certificate is shown, with Print and Download PDF: { certArea, certSlot, printButton, pdfButton }. */
function certificatePart() {
  const certSlot = el('div', { className: 'certificate-slot' });
  const printButton = el('button', {
    type: 'button',
    className: 'button print-certificate',
    text: t('completion.print'),
  });
  const pdfButton = el('button', { type: 'button', className: 'button download-pdf', text: t('completion.pdfButton') });
  const certActions = el('div', { className: 'cert-actions' }, printButton, pdfButton);
  const certArea = el('div', { className: 'certificate-area', hidden: true }, certSlot, certActions);
  return { certArea, certSlot, printButton, pdfButton };
}

/** The summary's items: sections read, checks answered, walkthrough, playground. */
export function summaryItems(s) {
  return [
    item(
      t('completion.summary.sections', { read: s.sectionsRead, total: s.sectionsTotal }),
      s.sectionsRead === s.sectionsTotal,
    ),
    item(
      t('completion.summary.checks', { answered: s.answered, total: s.checksTotal, correct: s.correct }),
      s.answered === s.checksTotal,
    ),
    item(t(s.walkthrough ? 'completion.summary.walkthroughDone' : 'completion.summary.walkthroughOpen'), s.walkthrough),
    item(t(s.playground ? 'completion.summary.playgroundDone' : 'completion.summary.playgroundOpen'), s.playground),
  ];
}

/** What is still open: a linked list of the unanswered checks, or a line saying all are answered. */
export function openItems(s) {
  if (!s.unanswered.length)
    return [el('p', { className: 'open-title all-answered', text: t('completion.allAnswered') })];
  const list = el('ul', { className: 'open-list' });
  for (const q of s.unanswered) {
    list.append(
      el(
        'li',
        {},
        el('a', {
          href: `#${q.id}`,
          text: t('completion.openItem', { index: q.index, question: plainText(q.question) }),
        }),
      ),
    );
  }
  return [el('p', { className: 'open-title', text: t('completion.openTitle', { count: s.unanswered.length }) }), list];
}

function item(text, ok) {
  return el(
    'li',
    { 'data-ok': ok ? 'true' : 'false' },
    el('span', { className: 'summary-mark', 'aria-hidden': 'true' }),
    el('span', { text }),
  );
}
