// "Finished this lesson?": what is still open, Mark as complete, the certificate, Print / Download PDF, Reset.
//
// - Mark as complete is allowed at any time; the area lists what is still unanswered (unanswered checks count
//   as not correct). It records date, score (first-try correct of the checks) and time spent.
// - The certificate shows name (as text only), lesson title, completion date, score, the lesson's duration and
//   an id: SHA-256 (WebCrypto; a small built-in fallback where crypto.subtle is missing, e.g. plain http) of
//   the canonical JSON of the other fields, shortened to 12 hex digits in groups of four. It is a self-issued
//   record and says so: the id detects alteration of the fields, not identity.
// - Print uses a copy in #print-root and a print stylesheet that prints only that copy.
// - Reset asks for confirmation in a <dialog>.
// - Pass mark (embed parameter pass=…, or the LMS's mastery score): when set, "Mark as complete" and the
//   certificate are enabled only once the quick-check score (first tries) reaches it; otherwise always enabled.
// - Under an LMS the name field is prefilled with the LMS's learner name (still editable).
//
//   createCompletion(host, { content, model, store, passMark?, learnerName?, nameHint? }) -> { sync(progress) }
// The id helpers live in certificate-id.js, the PDF writer in pdf.js (loaded on demand).

import { h, plainText } from '../content/render.js';
import { summarize } from '../progress/progress-bar.js';
import { MAX_NAME_LENGTH } from '../state/progress.js';
import { cleanName, makeCertificate } from './certificate-id.js';

// ---------------------------------------------------------------------------------------------
// Formatting

function localDay(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatDay(day, lang = 'en') {
  const [y, m, d] = day.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d));
  } catch {
    return day;
  }
}

export function formatDuration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function certificateTexts(cert, lang) {
  return {
    dateText: formatDay(cert.date, lang),
    scoreText: `${cert.score} of ${cert.total}`,
    durationText: `${cert.durationMinutes} minutes`,
  };
}

/** The certificate as DOM (text only: the name is set with textContent). */
export function renderCertificate(cert, { lang, idPrefix }) {
  const t = certificateTexts(cert, lang);
  const headingId = `${idPrefix}-heading`;
  const dl = h('dl', { className: 'cert-meta' });
  const row = (label, value, className, sub) => dl.append(h('div', { className: 'cert-row' },
    h('dt', { text: label }),
    h('dd', { className }, value, sub ? h('span', { className: 'cert-sub', text: sub }) : null)));
  row('Completed', t.dateText);
  row('Score', t.scoreText, 'cert-score', 'quick checks right on the first try');
  row('Lesson duration', t.durationText);
  row('Certificate ID', cert.id, 'cert-id');
  return h('article', { className: 'certificate', 'aria-labelledby': headingId, 'data-certificate-id': cert.id },
    h('p', { className: 'cert-kicker', text: 'Normlab' }),
    h('h3', { className: 'cert-heading', id: headingId, text: 'Certificate of completion' }),
    h('p', { className: 'cert-line', text: 'This certifies that' }),
    h('p', { className: 'cert-name', text: cert.name }),
    h('p', { className: 'cert-line', text: 'has completed the interactive lesson' }),
    h('p', { className: 'cert-title', text: cert.title }),
    dl,
    h('p', { className: 'cert-hash', text: `SHA-256 of the fields above: ${cert.hash}` }),
    h('p', { className: 'cert-note', text: 'Self-issued record: the ID is computed from the fields above, so it shows whether they were altered; it does not prove who completed the lesson.' }),
  );
}

// ---------------------------------------------------------------------------------------------
// The completion area

/** Percent of the checks right on the first try, and whether it reaches the pass mark (null: no pass mark). */
export function passState(summary, passMark) {
  const percent = summary.checksTotal ? (100 * summary.correct) / summary.checksTotal : 0;
  return { percent, passing: passMark === null || passMark === undefined || percent >= passMark - 1e-9 };
}

export function createCompletion(host, { content, model, store, passMark = null, learnerName = '', nameHint = 'It is stored only in this browser.' }) {
  const lang = content.lang || 'en';
  const root = h('div', { className: 'completion' });

  // Where the learner stands.
  const summaryList = h('ul', { className: 'completion-summary' });
  const openBox = h('div', { className: 'still-open' });
  const markButton = h('button', { type: 'button', className: 'button button-primary mark-complete', text: 'Mark as complete' });
  const status = h('p', { className: 'completion-status', role: 'status' });
  const passNote = h('p', { className: 'pass-note', id: 'pass-note', hidden: true });
  const statusBox = h('div', { className: 'completion-actions' }, markButton, status);

  // Name and certificate.
  const nameInput = h('input', {
    id: 'cert-name', name: 'learner-name', type: 'text', autocomplete: 'name', maxlength: String(MAX_NAME_LENGTH),
    spellcheck: 'false', 'aria-describedby': 'cert-name-hint',
  });
  const nameError = h('p', { className: 'form-error', id: 'cert-name-error', hidden: true, text: 'Please type your name first.' });
  const createButton = h('button', { type: 'submit', className: 'button button-primary', text: 'Create certificate' });
  const form = h('form', { className: 'cert-form', 'aria-labelledby': 'cert-form-title', hidden: true },
    h('h3', { id: 'cert-form-title', text: 'Your certificate' }),
    h('label', { for: 'cert-name', text: 'Your name, as it should appear on the certificate' }),
    h('p', { className: 'hint', id: 'cert-name-hint', text: nameHint }),
    h('div', { className: 'form-row' }, nameInput, createButton),
    nameError,
  );
  const certSlot = h('div', { className: 'certificate-slot' });
  const printButton = h('button', { type: 'button', className: 'button print-certificate', text: 'Print certificate' });
  const pdfButton = h('button', { type: 'button', className: 'button download-pdf', text: 'Download PDF' });
  const certActions = h('div', { className: 'cert-actions' }, printButton, pdfButton);
  const certArea = h('div', { className: 'certificate-area', hidden: true }, certSlot, certActions);

  // Reset.
  const resetButton = h('button', { type: 'button', className: 'button button-danger reset-progress', text: 'Reset progress…' });
  const cancelButton = h('button', { type: 'button', className: 'button', text: 'Cancel' });
  const confirmButton = h('button', { type: 'button', className: 'button button-danger', text: 'Reset progress' });
  const dialog = h('dialog', { className: 'reset-dialog', 'aria-labelledby': 'reset-title', 'aria-describedby': 'reset-desc' },
    h('h2', { id: 'reset-title', text: 'Reset all progress?' }),
    h('p', { id: 'reset-desc', text: 'This forgets the sections you have read, your answers, the walkthrough, the completion and the certificate in this browser. It cannot be undone.' }),
    h('div', { className: 'dialog-actions' }, cancelButton, confirmButton),
  );
  const resetArea = h('div', { className: 'reset-area' }, resetButton);

  root.append(h('h3', { text: 'Where you are' }), summaryList, openBox, passNote, statusBox, form, certArea, resetArea, dialog);
  host.append(root);

  let busy = false;

  markButton.addEventListener('click', async () => {
    const s = summarize(store.state, model);
    if (!passState(s, passMark).passing) return;
    store.complete({ score: s.correct, total: s.checksTotal });
    const comp = store.state.completion;
    status.textContent = `Marked as complete on ${formatDay(localDay(comp.date), lang)}: ` +
      `${comp.score} of ${comp.total} checks correct on the first try, time spent ${formatDuration(comp.timeSpentMs)}.` +
      (s.unanswered.length ? ` ${s.unanswered.length} check${s.unanswered.length === 1 ? ' is' : 's are'} still unanswered.` : '');
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
    if (!comp || busy || !passState(summarize(store.state, model), passMark).passing) return;
    busy = true;
    try {
      const cert = await makeCertificate({
        name, title: content.title, date: localDay(comp.date), score: comp.score, total: comp.total,
        durationMinutes: content.durationMinutes,
      });
      store.saveCertificate(cert);
      status.textContent = `Certificate ready for ${cert.name}. Certificate ID ${cert.id}.`;
    } finally {
      busy = false;
    }
  }

  printButton.addEventListener('click', () => window.print());
  pdfButton.addEventListener('click', async () => {
    const cert = store.state.certificate;
    if (!cert) return;
    const { certificatePdf } = await import('./pdf.js');
    const t = certificateTexts(cert, lang);
    const bytes = certificatePdf({ ...cert, ...t });
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const link = h('a', { href: url, download: `normlab-certificate-${cert.id}.pdf`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = 'The PDF has been downloaded.';
  });

  resetButton.addEventListener('click', () => dialog.showModal());
  cancelButton.addEventListener('click', () => dialog.close('cancel'));
  confirmButton.addEventListener('click', () => dialog.close('reset'));
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') {
      store.reset();
      nameInput.value = '';
      status.textContent = 'Your progress has been reset.';
    }
    dialog.returnValue = '';
    resetButton.focus();
  });

  const printRoot = document.getElementById('print-root');
  let shownCertKey = '';

  function sync(progress) {
    const s = summarize(progress, model);
    summaryList.replaceChildren(
      item(`Sections read: ${s.sectionsRead} of ${s.sectionsTotal}`, s.sectionsRead === s.sectionsTotal),
      item(`Quick checks answered: ${s.answered} of ${s.checksTotal} (${s.correct} correct on the first try)`, s.answered === s.checksTotal),
      item(`Walkthrough: ${s.walkthrough ? 'finished' : 'not finished yet'}`, s.walkthrough),
      item(`Playground: ${s.playground ? 'used' : 'not used yet'}`, s.playground),
    );
    openBox.replaceChildren();
    if (s.unanswered.length) {
      const list = h('ul', { className: 'open-list' });
      for (const q of s.unanswered) {
        list.append(h('li', {}, h('a', { href: `#${q.id}`, text: `Quick check ${q.index}: ${plainText(q.question)}` })));
      }
      openBox.append(h('p', { className: 'open-title', text: `Still unanswered (${s.unanswered.length}) — you can mark the lesson complete anyway; unanswered checks count as not correct:` }), list);
    } else {
      openBox.append(h('p', { className: 'open-title all-answered', text: 'All quick checks are answered.' }));
    }

    const comp = progress.completion;
    const gate = passState(s, passMark);
    markButton.textContent = comp ? 'Update completion' : 'Mark as complete';
    markButton.disabled = !gate.passing;
    if (gate.passing) markButton.removeAttribute('aria-describedby');
    else markButton.setAttribute('aria-describedby', 'pass-note');
    root.dataset.completed = comp ? 'true' : 'false';
    root.dataset.passing = gate.passing ? 'true' : 'false';
    passNote.hidden = passMark === null;
    if (passMark !== null) {
      const score = `${Math.round(gate.percent)}% (${s.correct} of ${s.checksTotal} right on the first try)`;
      passNote.textContent = gate.passing
        ? `Pass mark ${passMark}% reached: your score is ${score}.`
        : s.answered === s.checksTotal
          ? `This lesson needs ${passMark}% on the quick checks to be marked complete; your score is ${score}. ` +
            'First answers count, so reset your progress to try the checks again.'
          : `This lesson needs ${passMark}% on the quick checks (first answers count) before it can be marked complete ` +
            `and the certificate created; so far: ${score}.`;
    }
    form.hidden = !comp || !gate.passing;
    if (comp && !status.textContent) {
      status.textContent = `Completed on ${formatDay(localDay(comp.date), lang)} with ${comp.score} of ${comp.total} checks correct on the first try (time spent ${formatDuration(comp.timeSpentMs)}).`;
    }
    if (!comp) status.textContent = status.textContent.startsWith('Your progress has been reset') ? status.textContent : '';
    if (comp && document.activeElement !== nameInput && !nameInput.value) nameInput.value = progress.learnerName || learnerName;
    createButton.textContent = progress.certificate ? 'Update certificate' : 'Create certificate';

    const cert = progress.certificate;
    const key = cert ? cert.hash : '';
    if (key !== shownCertKey) {
      shownCertKey = key;
      certSlot.replaceChildren();
      printRoot?.replaceChildren();
      if (cert) {
        const article = renderCertificate(cert, { lang, idPrefix: 'certificate' });
        article.tabIndex = -1;
        certSlot.append(article);
        printRoot?.append(renderCertificate(cert, { lang, idPrefix: 'print-certificate' }));
      }
    }
    certArea.hidden = !cert || !gate.passing;
    document.documentElement.classList.toggle('has-certificate', !!cert);
  }

  return { sync };
}

function item(text, ok) {
  return h('li', { 'data-ok': ok ? 'true' : 'false' },
    h('span', { className: 'summary-mark', 'aria-hidden': 'true' }), h('span', { text }));
}
