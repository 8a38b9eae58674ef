// A predict-then-reveal check: a scenario with parameters, radio options to predict what the core will
// compute, "Run it" (the core computes; the numbers and a small picture appear next to the prediction),
// and "Try another" (a new instance: a new seed and different parameters, never the same item).
// The first answer to each instance is recorded for mastery (store.recordVariant); predict checks do not
// count towards the quick-check score. With ctx.teacher the correct option for the instance on screen is
// shown in a [data-answer-key] element.
//
//   new PredictCheck(host, block, { ctx, store, figureText, loadCore, idPrefix? })

import { el } from '../ui/el.js';
import { inline, plainText } from '../ui/inline.js';
import { t } from '../i18n/i18n.js';
import { GENERATORS } from './generators/index.js';
import { makeInstance } from './instance.js';
import { fill } from './fill.js';
import { freshSeed } from './rng.js';
import { renderChart } from './chart-view.js';
import { conceptName } from '../i18n/concept-name.js';
import '../../styles/predict.css';

export class PredictCheck {
  #block;
  #store;
  #ctx;
  #figureText;
  #loadCore;
  #generator;
  #core = null;
  #instance = null;
  #root;
  #scenario;
  #question;
  #options;
  #run;
  #another;
  #hint;
  #live;
  #reveal;
  #key;
  #status;
  #uid;
  #rows = new Map();

  constructor(host, block, { ctx, store, figureText, loadCore, idPrefix = '' }) {
    this.#block = block;
    this.#store = store;
    this.#ctx = ctx;
    this.#figureText = figureText;
    this.#loadCore = loadCore;
    this.#generator = GENERATORS[block.generator];
    this.#uid = `${idPrefix}${block.id}`;
    this.#root = el('div', {
      className: 'predict-check',
      id: this.#uid,
      'data-predict': block.id,
      'data-state': 'loading',
      tabindex: '-1',
    });
    const legend = el(
      'legend',
      { className: 'pc-legend' },
      el('span', { className: 'pc-kicker', text: t('predict.kicker') }),
    );
    this.#scenario = el('span', { className: 'pc-scenario' });
    this.#question = el('span', { className: 'pc-question' });
    legend.append(this.#scenario, this.#question);
    this.#options = el('div', { className: 'pc-options' });
    const fieldset = el('fieldset', { className: 'pc-fieldset' }, legend, this.#options);
    this.#run = el('button', {
      type: 'submit',
      className: 'button button-primary pc-run',
      text: t('predict.run'),
      disabled: true,
    });
    this.#another = el('button', {
      type: 'button',
      className: 'button pc-another',
      text: t('predict.another'),
      hidden: true,
    });
    const form = el(
      'form',
      { className: 'pc-form', 'aria-label': t('predict.formLabel', { concept: conceptName(block.concepts[0]) }) },
      fieldset,
      el('div', { className: 'pc-actions' }, this.#run, this.#another),
    );
    this.#hint = el('p', { className: 'pc-hint', hidden: true, text: t('predict.chooseFirst') });
    this.#live = el('p', { className: 'pc-live visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.#status = el('p', { className: 'pc-status', text: t('predict.loading') });
    this.#reveal = el('div', { className: 'pc-reveal', hidden: true });
    this.#root.append(form, this.#status, this.#hint, this.#live, this.#reveal);
    // The answer key exists only in teacher mode (a learner's page holds no [data-answer-key] at all).
    if (ctx?.teacher) {
      this.#key = el('div', { className: 'pc-answer-key', 'data-answer-key': '' });
      this.#root.append(this.#key);
    }
    host.append(this.#root);

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#runIt();
    });
    this.#another.addEventListener('click', () => this.#next(true));
    this.#options.addEventListener('change', () => {
      this.#hint.hidden = true;
    });
    this.#startWhenNear();
  }

  // The core is fetched when the check comes near the viewport, like the figures, not at page load.
  #startWhenNear() {
    if (typeof IntersectionObserver !== 'function') {
      this.#start();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        this.#start();
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(this.#root);
  }

  get element() {
    return this.#root;
  }
  get instance() {
    return this.#instance;
  }

  async #start() {
    this.#root.dataset.state = 'loading';
    this.#status.replaceChildren(t('predict.loading'));
    this.#status.hidden = false;
    try {
      this.#core = await this.#loadCore();
      this.#next(false);
    } catch (error) {
      console.error(error);
      this.#root.dataset.state = 'error';
      const retry = el('button', { type: 'button', className: 'button pc-retry', text: t('predict.retry') });
      retry.addEventListener('click', () => this.#start());
      this.#status.replaceChildren(el('span', { text: t('predict.coreFailed') }), ' ', retry);
    }
  }

  #kindLabel = (kind) => this.#figureText?.kinds?.[kind]?.label ?? kind;
  #fill(template) {
    return fill(template, this.#instance.values, this.#figureText);
  }

  /** Draw a new instance (a new seed, other parameters than the one on screen) and show it. */
  #next(focus) {
    const avoid = this.#instance?.key ?? null;
    try {
      this.#instance = makeInstance(this.#generator, this.#core, this.#block, freshSeed(), { avoid });
    } catch (error) {
      console.error(error);
      this.#root.dataset.state = 'error';
      this.#status.replaceChildren(t('predict.failed'));
      this.#status.hidden = false;
      return;
    }
    const inst = this.#instance;
    this.#root.dataset.state = 'ready';
    this.#root.dataset.seed = String(inst.seed);
    this.#status.hidden = true;
    this.#scenario.replaceChildren();
    this.#scenario.append(
      inline('span', this.#fill(this.#block.scenario), this.#ctx, { className: 'pc-scenario-text' }),
    );
    if (inst.scenario)
      this.#scenario.append(' ', inline('span', inst.scenario.text, this.#ctx, { className: 'pc-scenario-case' }));
    this.#question.replaceChildren(inline('span', this.#fill(this.#block.question), this.#ctx));
    this.#rows.clear();
    this.#options.replaceChildren();
    for (const id of inst.order) {
      const option = this.#block.options.find((o) => o.id === id);
      const inputId = `${this.#uid}--${id}`;
      const input = el('input', { type: 'radio', name: `pc-${this.#uid}`, id: inputId, value: id });
      const row = el(
        'div',
        { className: 'pc-option', 'data-option': id },
        input,
        inline('label', this.#fill(option.text), this.#ctx, { for: inputId }),
      );
      this.#rows.set(id, { row, input });
      this.#options.append(row);
    }
    this.#run.disabled = false;
    this.#run.hidden = false;
    this.#another.hidden = true;
    this.#reveal.hidden = true;
    this.#reveal.replaceChildren();
    this.#hint.hidden = true;
    this.#showKey();
    if (focus) {
      this.#live.textContent = t('predict.newInstance');
      this.#rows.values().next().value?.input.focus();
    }
  }

  #correctOption() {
    return this.#block.options.find((o) => o.id === this.#instance.correct);
  }

  #showKey() {
    if (!this.#key) return;
    const option = this.#correctOption();
    this.#key.replaceChildren(
      el('p', { className: 'pc-key-title', text: t('predict.answerKey') }),
      inline('p', this.#fill(option.text), this.#ctx, { className: 'pc-key-answer' }),
      inline('p', this.#fill(this.#instance.scenario?.explanation ?? option.explanation), this.#ctx, {
        className: 'pc-key-why',
      }),
    );
  }

  #selected() {
    for (const [id, { input }] of this.#rows) if (input.checked) return id;
    return null;
  }

  /** "Run it": the core computes this instance again, and the result is shown beside the prediction. */
  #runIt() {
    if (!this.#instance || this.#root.dataset.state !== 'ready') return;
    const chosen = this.#selected();
    if (!chosen) {
      this.#hint.hidden = false;
      this.#live.textContent = t('predict.chooseFirst');
      this.#rows.values().next().value?.input.focus();
      return;
    }
    const inst = this.#instance;
    const result = this.#generator.run(this.#core, inst.params, this.#block);
    const right = chosen === result.correct;
    this.#store.recordVariant(this.#block.id, inst.seed, right, this.#block.concepts);
    this.#root.dataset.state = 'revealed';
    for (const [id, { row, input }] of this.#rows) {
      input.disabled = true;
      if (id === result.correct) row.dataset.result = 'correct';
      else if (id === chosen) row.dataset.result = 'incorrect';
    }
    const option = this.#correctOption();
    const chosenOption = this.#block.options.find((o) => o.id === chosen);
    const verdict = right ? t('predict.right') : t('predict.wrong');
    const why = this.#fill(inst.scenario?.explanation ?? option.explanation);
    const compare = {
      yours: plainText(this.#fill(chosenOption.text), this.#ctx),
      core: plainText(this.#fill(option.text), this.#ctx),
    };
    const chart = renderChart(result.chart, this.#kindLabel);
    this.#reveal.replaceChildren(
      ...[
        el(
          'p',
          { className: 'pc-verdict', 'data-verdict': right ? 'right' : 'wrong' },
          el('strong', { text: verdict }),
          ' ',
          // A scenario's answer is practice, not a number the core computed.
          el('span', { text: inst.scenario ? t('predict.compareScenario', compare) : t('predict.compare', compare) }),
        ),
        inline('p', this.#fill(this.#block.result), this.#ctx, { className: 'pc-result' }),
        chart,
        inline('p', why, this.#ctx, { className: 'pc-why' }),
      ].filter(Boolean),
    );
    this.#reveal.hidden = false;
    this.#run.hidden = true;
    this.#another.hidden = false;
    this.#live.textContent = `${verdict} ${plainText(why, this.#ctx)}`;
    this.#another.focus();
  }
}
