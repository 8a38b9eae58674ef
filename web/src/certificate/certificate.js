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
// The id helpers live in certificate-id.js, the area's elements in completion-view.js, the certificate's DOM
// in certificate-view.js, the PDF (pdf-lib and its fonts, loaded on demand) in pdf-download.js.

import { el } from '../ui/el.js';
import { summarize } from '../progress/score.js';
import { passState } from '../progress/pass-mark.js';
import { cleanName, makeCertificate } from './certificate-id.js';
import { formatDay, formatDuration, localDay, renderCertificate } from './certificate-view.js';
import { completionView, openItems, summaryItems } from './completion-view.js';
import { createResetArea } from './reset-dialog.js';
import { formatPercent, t } from '../i18n/i18n.js';

/** The pass rule (progress/pass-mark.js) for a summary: `passing` is true without a pass mark. */
function passGate(summary, passMark) {
  const { percent, passed } = passState(summary.correct, summary.checksTotal, passMark);
  return { percent, passing: passed !== false };
}

/** A missing name is flagged on the field (and its error read out with it); a given one clears the flag. */
function showNameMissing({ nameInput, nameError }, missing) {
  nameError.hidden = !missing;
  if (missing) nameInput.setAttribute('aria-invalid', 'true');
  else nameInput.removeAttribute('aria-invalid');
  nameInput.setAttribute('aria-describedby', missing ? 'cert-name-hint cert-name-error' : 'cert-name-hint');
}

/** The words of a completion record for the status line (completion.marked, completion.completedOn). */
function completionText(key, comp) {
  return t(key, {
    date: formatDay(localDay(comp.date)),
    score: comp.score,
    total: comp.total,
    time: formatDuration(comp.timeSpentMs),
  });
}

/** The pass note under a pass mark: the mark, the score, and whether it is reached, missed or still open. */
function passNoteText(s, gate, passMark) {
  const score = t('completion.pass.score', {
    percent: formatPercent(Math.round(gate.percent), 0),
    correct: s.correct,
    total: s.checksTotal,
  });
  const mark = formatPercent(passMark, Number.isInteger(passMark) ? 0 : 1);
  if (gate.passing) return t('completion.pass.reached', { mark, score });
  return t(s.answered === s.checksTotal ? 'completion.pass.failed' : 'completion.pass.needed', { mark, score });
}

/** Mark as complete follows the pass rule; without a pass it points at the note that says why. */
function showGate({ root, markButton, passNote }, { s, comp, gate, passMark }) {
  markButton.textContent = t(comp ? 'completion.update' : 'completion.mark');
  markButton.disabled = !gate.passing;
  if (gate.passing) markButton.removeAttribute('aria-describedby');
  else markButton.setAttribute('aria-describedby', 'pass-note');
  root.dataset.completed = comp ? 'true' : 'false';
  root.dataset.passing = gate.passing ? 'true' : 'false';
  passNote.hidden = passMark === null;
  if (passMark !== null) passNote.textContent = passNoteText(s, gate, passMark);
}

/** The certificate in its slot and in #print-root (the copy the print stylesheet prints), or neither. */
function showCertificate(cert, certSlot, printRoot) {
  certSlot.replaceChildren();
  printRoot?.replaceChildren();
  if (!cert) return;
  const article = renderCertificate(cert, { idPrefix: 'certificate' });
  article.tabIndex = -1;
  certSlot.append(article);
  printRoot?.append(renderCertificate(cert, { idPrefix: 'print-certificate' }));
}

// The PDF is made on demand: pdf-lib and the fonts are fetched only on the first click (pdf-download.js).
function offerPdf(pdfButton, { store, status }) {
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
}

export function createCompletion(
  host,
  { content, model, store, passMark = null, learnerName = '', nameHint = t('completion.nameHint') },
) {
  const view = completionView(nameHint);
  const { root, summaryList, openBox, markButton, status, form, nameInput, createButton, certSlot, certArea } = view;
  const { area: resetArea, dialog } = createResetArea(() => {
    store.reset();
    nameInput.value = '';
    status.textContent = t('completion.resetDone');
  });
  root.append(
    el('h3', { text: t('completion.whereYouAre') }),
    summaryList,
    openBox,
    view.passNote,
    view.statusBox,
    form,
    certArea,
    resetArea,
    dialog,
  );
  host.append(root);

  let busy = false;
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

  markButton.addEventListener('click', async () => {
    const s = summarize(store.state, model);
    if (!passGate(s, passMark).passing) return;
    store.complete({ score: s.correct, total: s.checksTotal });
    status.textContent =
      completionText('completion.marked', store.state.completion) +
      (s.unanswered.length ? ` ${t('completion.stillUnanswered', { count: s.unanswered.length })}` : '');
    if (store.state.certificate) await refreshCertificate(store.state.certificate.name);
    else nameInput.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = cleanName(nameInput.value);
    showNameMissing(view, !name);
    if (!name) {
      nameInput.focus();
      return;
    }
    await refreshCertificate(name);
    certSlot.querySelector('.certificate')?.focus();
  });

  view.printButton.addEventListener('click', () => window.print());
  offerPdf(view.pdfButton, { store, status });

  const printRoot = document.getElementById('print-root');
  let shownCertKey = '';

  function sync(progress) {
    const s = summarize(progress, model);
    summaryList.replaceChildren(...summaryItems(s));
    openBox.replaceChildren(...openItems(s));

    const comp = progress.completion;
    const gate = passGate(s, passMark);
    showGate(view, { s, comp, gate, passMark });
    form.hidden = !comp || !gate.passing;
    if (comp && !status.textContent) status.textContent = completionText('completion.completedOn', comp);
    if (!comp) status.textContent = status.textContent === t('completion.resetDone') ? status.textContent : '';
    if (comp && document.activeElement !== nameInput && !nameInput.value)
      nameInput.value = progress.learnerName || learnerName;
    createButton.textContent = t(progress.certificate ? 'completion.updateCert' : 'completion.create');

    const cert = progress.certificate;
    const key = cert ? cert.hash : '';
    if (key !== shownCertKey) {
      shownCertKey = key;
      showCertificate(cert, certSlot, printRoot);
    }
    certArea.hidden = !cert || !gate.passing;
    document.documentElement.classList.toggle('has-certificate', !!cert);
  }

  return { sync };
}
