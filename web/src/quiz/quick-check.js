// A quick check: one question, 3–5 options, Check, per-option feedback and explanation, Try again.
//
// Markup is a native radio group in a <fieldset> (arrow keys move and select, Tab enters/leaves the group),
// so the radio-group semantics come from the platform. The result is announced through a polite live region.
// The FIRST answer is what counts for the score (recorded by the progress store); the learner may retry.
// A wrong answer marks the check's concepts as missed (mastery). With ctx.teacher (?teacher=1) an answer key
// (the correct option and its explanation) is shown in a [data-answer-key] element.
//
//   new QuickCheck(host, quiz, { ctx, store, index, total })   ctx: render context for inline text
//   .sync(progressState)   follow the stored record (reload, another tab, reset)

import { el } from '../ui/el.js';
import { inline, plainText, renderInline } from '../ui/inline.js';
import { t } from '../i18n/i18n.js';

export class QuickCheck {
  #quiz;
  #store;
  #ctx;
  #root;
  #form;
  #inputs = new Map();
  #feedback = new Map();
  #checkButton;
  #retryButton;
  #live;
  #hint;
  #scoreNote;
  // A new check shows "no record" already; a choice made in the prerendered form (content/hydrate.js) stays.
  #seen = JSON.stringify(null);
  #checked = false;

  constructor(host, quiz, { ctx, store, index, total }) {
    this.#quiz = quiz;
    this.#store = store;
    this.#ctx = ctx;
    const qid = quiz.id;
    this.#root = el('div', { className: 'quick-check', id: qid, 'data-quiz': qid, tabindex: '-1' });
    const fieldset = el('fieldset', { className: 'qc-fieldset' });
    const legend = el('legend', { className: 'qc-legend' });
    legend.append(el('span', { className: 'qc-kicker', text: t('quiz.kicker', { index, total }) }));
    legend.append(inline('span', quiz.question, ctx, { className: 'qc-question' }));
    fieldset.append(legend);

    const options = el('div', { className: 'qc-options' });
    for (const option of quiz.options) {
      const inputId = `${qid}--${option.id}`;
      const input = el('input', { type: 'radio', name: `qc-${qid}`, id: inputId, value: option.id });
      const label = inline('label', option.text, ctx, { for: inputId });
      const fb = el('div', { className: 'qc-feedback', id: `${inputId}--feedback`, hidden: true });
      const row = el('div', { className: 'qc-option', 'data-option': option.id }, input, label, fb);
      options.append(row);
      this.#inputs.set(option.id, input);
      this.#feedback.set(option.id, fb);
    }
    fieldset.append(options);

    this.#checkButton = el('button', {
      type: 'submit',
      className: 'button button-primary qc-check',
      text: t('quiz.check'),
    });
    this.#retryButton = el('button', {
      type: 'button',
      className: 'button qc-retry',
      text: t('quiz.tryAgain'),
      hidden: true,
    });
    const actions = el('div', { className: 'qc-actions' }, this.#checkButton, this.#retryButton);
    // The announcement (verdict + explanation) is for screen readers; sighted learners read the inline feedback.
    this.#live = el('p', { className: 'qc-live visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.#hint = el('p', { className: 'qc-hint', hidden: true, text: t('quiz.chooseFirst') });
    this.#scoreNote = el('p', { className: 'qc-score-note', hidden: true });

    this.#form = el('form', { className: 'qc-form', 'aria-label': t('quiz.formLabel', { index }) }, fieldset, actions);
    this.#root.append(this.#form, this.#hint, this.#live, this.#scoreNote);
    if (ctx?.teacher) this.#root.append(this.#answerKey());
    host.append(this.#root);

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#check();
    });
    this.#retryButton.addEventListener('click', () => this.#retry(true));
    options.addEventListener('change', () => {
      this.#hint.hidden = true;
      if (!this.#checked) this.#live.textContent = '';
    });
    // A returning learner's answer is shown as the check is built: the lesson's first sync comes only after
    // every section is rendered, and a check painted unanswered before it would grow in view.
    this.sync(store.state);
  }

  get element() {
    return this.#root;
  }

  #selected() {
    for (const [id, input] of this.#inputs) if (input.checked) return id;
    return null;
  }

  #check() {
    if (this.#checked) return;
    const chosen = this.#selected();
    if (!chosen) {
      this.#live.textContent = t('quiz.chooseFirst');
      this.#hint.hidden = false;
      this.#inputs.values().next().value?.focus();
      return;
    }
    const option = this.#quiz.options.find((o) => o.id === chosen);
    // Record first so that sync() (called by the store's change event) already sees this answer.
    const record = this.#store.state.checks[this.#quiz.id];
    const isFirst = !record;
    this.#store.recordAnswer(this.#quiz.id, chosen, option.correct, this.#quiz.concepts || []);
    this.#showResult(chosen, { announce: true, isFirst });
    this.#retryButton.focus();
  }

  #retry(focus) {
    this.#checked = false;
    for (const input of this.#inputs.values()) {
      input.checked = false;
      input.disabled = false;
    }
    for (const fb of this.#feedback.values()) {
      fb.hidden = true;
      fb.replaceChildren();
    }
    for (const row of this.#root.querySelectorAll('.qc-option')) row.removeAttribute('data-result');
    this.#checkButton.hidden = false;
    this.#retryButton.hidden = true;
    if (!focus) return;
    this.#live.textContent = t('quiz.retryPrompt');
    this.#inputs.values().next().value?.focus();
  }

  #showResult(chosen, { announce, isFirst = false }) {
    this.#checked = true;
    this.#hint.hidden = true;
    const option = this.#quiz.options.find((o) => o.id === chosen);
    for (const [id, input] of this.#inputs) {
      input.checked = id === chosen;
      input.disabled = true;
    }
    for (const o of this.#quiz.options) {
      const fb = this.#feedback.get(o.id);
      const row = fb.parentElement;
      fb.replaceChildren();
      // The chosen option always explains itself; once the answer is right, every option does.
      const show = o.id === chosen || option.correct;
      fb.hidden = !show;
      if (!show) {
        row.removeAttribute('data-result');
        continue;
      }
      const verdict = o.correct
        ? t('quiz.verdictCorrect')
        : o.id === chosen
          ? t('quiz.verdictChosenWrong')
          : t('quiz.verdictOther');
      row.dataset.result = o.correct ? 'correct' : 'incorrect';
      fb.append(el('strong', { className: 'qc-verdict', text: `${verdict} ` }));
      renderInline(fb, o.explanation, this.#ctx);
    }
    this.#checkButton.hidden = true;
    this.#retryButton.hidden = false;
    const record = this.#store.state.checks[this.#quiz.id];
    this.#seen = JSON.stringify(record || null);
    this.#updateScoreNote(record);
    if (announce) {
      const parts = [
        option.correct ? t('quiz.leadCorrect') : t('quiz.leadWrong'),
        plainText(option.explanation, this.#ctx),
      ];
      if (!option.correct) parts.push(t('quiz.canRetry'));
      if (isFirst) parts.push(t('quiz.firstCounts'));
      this.#live.textContent = parts.join(' ');
    }
  }

  #updateScoreNote(record) {
    if (!record) {
      this.#scoreNote.hidden = true;
      return;
    }
    this.#scoreNote.hidden = false;
    this.#scoreNote.textContent = record.firstCorrect ? t('quiz.scoreFirstCorrect') : t('quiz.scoreFirstWrong');
  }

  /** The teacher's answer key: the correct option and its explanation. */
  #answerKey() {
    const option = this.#quiz.options.find((o) => o.correct);
    return el(
      'div',
      { className: 'qc-answer-key', 'data-answer-key': '' },
      el('p', { className: 'qc-key-title', text: t('quiz.answerKey') }),
      inline('p', option.text, this.#ctx, { className: 'qc-key-answer' }),
      inline('p', option.explanation, this.#ctx, { className: 'qc-key-why' }),
    );
  }

  /** Follow the stored record: restore on load, mirror another tab, clear on reset. */
  sync(progress) {
    const record = progress.checks[this.#quiz.id] || null;
    const key = JSON.stringify(record);
    if (key === this.#seen) return;
    this.#seen = key;
    if (!record) {
      if (this.#checked || this.#selected()) this.#retry(false);
      this.#live.textContent = '';
      this.#updateScoreNote(null);
      return;
    }
    if (this.#quiz.options.some((o) => o.id === record.last)) {
      this.#showResult(record.last, { announce: false });
    } else {
      this.#updateScoreNote(record);
    }
  }
}
