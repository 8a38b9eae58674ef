// "Finished this lesson?": what is still open, Mark as complete, the certificate, Print / Download PDF, Reset.
//
// - Mark as complete is allowed at any time; the area lists what is still unanswered (unanswered checks count
//   as not correct). It records date, score (first-try correct of the checks) and time spent.
// - The certificate shows name (as text only), lesson title, completion date, score, the lesson's duration and
//   an id: SHA-256 (@noble/hashes, the same on every page, secure context or not; certificate-id.js) of
//   the canonical JSON of the other fields, shortened to 12 hex digits in groups of four. It is a self-issued
//   record and says so: the id reveals accidental edits of the fields (anyone can recompute it), not identity.
// - Print uses a copy in #print-root and a print stylesheet that prints only that copy.
// - Reset asks for confirmation in a <dialog> (reset-dialog.js).
// - Pass mark (embed parameter pass=…, or the LMS's mastery score): when set, "Mark as complete" and the
//   certificate are enabled only once the quick-check score (first tries) reaches it; otherwise always enabled.
// - Under an LMS the name field is prefilled with the LMS's learner name (still editable).
//
//   createCompletion(host, { content, model, store, passMark?, learnerName?, nameHint? }) -> { sync(progress) }
// The id helpers live in certificate-id.js, the certificate's DOM in certificate-view.js, the PDF (pdf-lib and
// its fonts, loaded on demand) in pdf-download.js.

import { el } from '../ui/el.js';
import { plainText } from '../ui/inline.js';
import { summarize } from '../progress/progress-bar.js';
import { passState } from '../progress/pass-mark.js';
import { MAX_NAME_LENGTH } from '../state/progress.js';
import { cleanName, makeCertificate } from './certificate-id.js';
import { formatDay, formatDuration, localDay, renderCertificate } from './certificate-view.js';
import { createResetArea } from './reset-dialog.js';
import { formatPercent, t } from '../i18n/i18n.js';

/** The pass rule (progress/pass-mark.js) for a summary: `passing` is true without a pass mark. */
function passGate(summary, passMark) {
  const { percent, passed } = passState(summary.correct, summary.checksTotal, passMark);
  return { percent, passing: passed !== false };
}

export function createCompletion(
  host,
  { content, model, store, passMark = null, learnerName = '', nameHint = t('completion.nameHint') },
) {
  const root = el('div', { className: 'completion' });

  // Where the learner stands.
  const summaryList = el('ul', { className: 'completion-summary' });
  const openBox = el('div', { className: 'still-open' });
  const markButton = el('button', {
    type: 'button',
    className: 'button button-primary mark-complete',
    text: t('completion.mark'),
  });
  const status = el('p', { className: 'completion-status', role: 'status' });
  const passNote = el('p', { className: 'pass-note', id: 'pass-note', hidden: true });
  const statusBox = el('div', { className: 'completion-actions' }, markButton, status);

  // Name and certificate.
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
  const certSlot = el('div', { className: 'certificate-slot' });
  const printButton = el('button', {
    type: 'button',
    className: 'button print-certificate',
    text: t('completion.print'),
  });
  const pdfButton = el('button', { type: 'button', className: 'button download-pdf', text: t('completion.pdfButton') });
  const certActions = el('div', { className: 'cert-actions' }, printButton, pdfButton);
  const certArea = el('div', { className: 'certificate-area', hidden: true }, certSlot, certActions);

  const { area: resetArea, dialog } = createResetArea(() => {
    store.reset();
    nameInput.value = '';
    status.textContent = t('completion.resetDone');
  });

  root.append(
    el('h3', { text: t('completion.whereYouAre') }),
    summaryList,
    openBox,
    passNote,
    statusBox,
    form,
    certArea,
    resetArea,
    dialog,
  );
  host.append(root);

  let busy = false;

  markButton.addEventListener('click', async () => {
    const s = summarize(store.state, model);
    if (!passGate(s, passMark).passing) return;
    store.complete({ score: s.correct, total: s.checksTotal });
    const comp = store.state.completion;
    status.textContent =
      t('completion.marked', {
        date: formatDay(localDay(comp.date)),
        score: comp.score,
        total: comp.total,
        time: formatDuration(comp.timeSpentMs),
      }) + (s.unanswered.length ? ` ${t('completion.stillUnanswered', { count: s.unanswered.length })}` : '');
    if (store.state.certificate) await refreshCertificate(store.state.certificate.name);
    else nameInput.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = cleanName(nameInput.value);
    if (!name) {
      nameError.hidden = false;
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.setAttribute('aria-describedby', 'cert-name-hint cert-name-error');
      nameInput.focus();
      return;
    }
    nameError.hidden = true;
    nameInput.removeAttribute('aria-invalid');
    nameInput.setAttribute('aria-describedby', 'cert-name-hint');
    await refreshCertificate(name);
    certSlot.querySelector('.certificate')?.focus();
  });

  async function refreshCertificate(name) {
    const comp = store.state.completion;
    if (!comp || busy || !passGate(summarize(store.state, model), passMark).passing) return;
    busy = true;
    try {
      const cert = await makeCertificate({
        name,
        title: content.title,
        date: localDay(comp.date),
        score: comp.score,
        total: comp.total,
        durationMinutes: content.durationMinutes,
      });
      store.saveCertificate(cert);
      status.textContent = t('completion.ready', { name: cert.name, id: cert.id });
    } finally {
      busy = false;
    }
  }

  printButton.addEventListener('click', () => window.print());
  // The PDF is made on demand: pdf-lib and the fonts are fetched only now (pdf-download.js).
  let makingPdf = false;
  pdfButton.addEventListener('click', async () => {
    const cert = store.state.certificate;
    if (!cert || makingPdf) return;
    makingPdf = true;
    status.textContent = t('completion.pdfMaking');
    try {
      status.textContent = await (await import('./pdf-download.js')).downloadCertificatePdf(cert);
    } catch (error) {
      console.warn(error);
      status.textContent = t('completion.pdfFailed');
    }
    makingPdf = false;
  });

  const printRoot = document.getElementById('print-root');
  let shownCertKey = '';

  function sync(progress) {
    const s = summarize(progress, model);
    summaryList.replaceChildren(
      item(
        t('completion.summary.sections', { read: s.sectionsRead, total: s.sectionsTotal }),
        s.sectionsRead === s.sectionsTotal,
      ),
      item(
        t('completion.summary.checks', { answered: s.answered, total: s.checksTotal, correct: s.correct }),
        s.answered === s.checksTotal,
      ),
      item(
        t(s.walkthrough ? 'completion.summary.walkthroughDone' : 'completion.summary.walkthroughOpen'),
        s.walkthrough,
      ),
      item(t(s.playground ? 'completion.summary.playgroundDone' : 'completion.summary.playgroundOpen'), s.playground),
    );
    openBox.replaceChildren();
    if (s.unanswered.length) {
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
      openBox.append(
        el('p', { className: 'open-title', text: t('completion.openTitle', { count: s.unanswered.length }) }),
        list,
      );
    } else {
      openBox.append(el('p', { className: 'open-title all-answered', text: t('completion.allAnswered') }));
    }

    const comp = progress.completion;
    const gate = passGate(s, passMark);
    markButton.textContent = t(comp ? 'completion.update' : 'completion.mark');
    markButton.disabled = !gate.passing;
    if (gate.passing) markButton.removeAttribute('aria-describedby');
    else markButton.setAttribute('aria-describedby', 'pass-note');
    root.dataset.completed = comp ? 'true' : 'false';
    root.dataset.passing = gate.passing ? 'true' : 'false';
    passNote.hidden = passMark === null;
    if (passMark !== null) {
      const score = t('completion.pass.score', {
        percent: formatPercent(Math.round(gate.percent), 0),
        correct: s.correct,
        total: s.checksTotal,
      });
      const mark = formatPercent(passMark, Number.isInteger(passMark) ? 0 : 1);
      passNote.textContent = gate.passing
        ? t('completion.pass.reached', { mark, score })
        : t(s.answered === s.checksTotal ? 'completion.pass.failed' : 'completion.pass.needed', { mark, score });
    }
    form.hidden = !comp || !gate.passing;
    if (comp && !status.textContent) {
      status.textContent = t('completion.completedOn', {
        date: formatDay(localDay(comp.date)),
        score: comp.score,
        total: comp.total,
        time: formatDuration(comp.timeSpentMs),
      });
    }
    if (!comp) status.textContent = status.textContent === t('completion.resetDone') ? status.textContent : '';
    if (comp && document.activeElement !== nameInput && !nameInput.value)
      nameInput.value = progress.learnerName || learnerName;
    createButton.textContent = t(progress.certificate ? 'completion.updateCert' : 'completion.create');

    const cert = progress.certificate;
    const key = cert ? cert.hash : '';
    if (key !== shownCertKey) {
      shownCertKey = key;
      certSlot.replaceChildren();
      printRoot?.replaceChildren();
      if (cert) {
        const article = renderCertificate(cert, { idPrefix: 'certificate' });
        article.tabIndex = -1;
        certSlot.append(article);
        printRoot?.append(renderCertificate(cert, { idPrefix: 'print-certificate' }));
      }
    }
    certArea.hidden = !cert || !gate.passing;
    document.documentElement.classList.toggle('has-certificate', !!cert);
  }

  return { sync };
}

function item(text, ok) {
  return el(
    'li',
    { 'data-ok': ok ? 'true' : 'false' },
    el('span', { className: 'summary-mark', 'aria-hidden': 'true' }),
    el('span', { text }),
  );
}
