// The interactive walkthrough: 6 steps with Back/Next, "Step k of 6", and a figure state tied to each step.
//
// Each step names a figure and a state ({ name, state } in lesson.json). One figure is mounted at a time (lazily,
// through the registry); moving to a step with the same figure calls setState, a different figure is swapped in.
// Keyboard: native buttons, plus ←/→ while focus is on the step heading or the navigation buttons.
// Focus: stays on the pressed button; if that button becomes disabled it moves to the step heading.
// The step change is announced in a polite live region. The last step's "Finish" marks it finished.
//
//   new LessonWalkthrough(host, walkthrough, { ctx, store, mountFigure })
//   .sync(progressState)

import { el } from '../ui/el.js';
import { renderInline } from '../ui/inline.js';
import { t } from '../i18n/i18n.js';

export class LessonWalkthrough {
  #wt;
  #ctx;
  #store;
  #mount;
  #index = 0;
  #root;
  #count;
  #title;
  #text;
  #figureHost;
  #figure = null;
  #figureName = null;
  #back;
  #next;
  #live;
  #done;
  #dots = [];
  #syncedStep = -1;

  constructor(host, walkthrough, { ctx, store, mountFigure }) {
    this.#wt = walkthrough;
    this.#ctx = ctx;
    this.#store = store;
    this.#mount = mountFigure;
    const total = walkthrough.steps.length;
    const titleId = `${walkthrough.id}--title`;

    this.#root = el('div', { className: 'walkthrough', id: walkthrough.id, role: 'group', 'aria-labelledby': titleId });
    this.#count = el('p', { className: 'wt-count', 'aria-hidden': 'true' });
    const dots = el('ol', { className: 'wt-dots', 'aria-hidden': 'true' });
    walkthrough.steps.forEach(() => {
      const dot = el('li', { className: 'wt-dot' });
      this.#dots.push(dot);
      dots.append(dot);
    });
    this.#title = el('h3', { className: 'wt-title', id: titleId, tabindex: '-1' });
    this.#text = el('div', { className: 'wt-text' });
    this.#figureHost = el('div', { className: 'wt-figure figure-mount' });
    this.#back = el('button', { type: 'button', className: 'button wt-back', text: t('walkthrough.back') });
    this.#next = el('button', {
      type: 'button',
      className: 'button button-primary wt-next',
      text: t('walkthrough.next'),
    });
    this.#done = el('p', { className: 'wt-done', hidden: true, text: t('walkthrough.finished') });
    this.#live = el('p', { className: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    const nav = el('div', { className: 'wt-nav' }, this.#back, this.#next);
    const head = el('div', { className: 'wt-head' }, this.#count, dots);
    const body = el(
      'div',
      { className: 'wt-body' },
      el('div', { className: 'wt-copy' }, this.#title, this.#text),
      this.#figureHost,
    );
    this.#root.append(head, body, this.#done, nav, this.#live);
    host.append(this.#root);

    this.#back.addEventListener('click', () => this.go(this.#index - 1, this.#back));
    this.#next.addEventListener('click', () => {
      if (this.#index === total - 1) this.#finish();
      else this.go(this.#index + 1, this.#next);
    });
    const onKey = (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight' && this.#index < total - 1) {
        event.preventDefault();
        this.go(this.#index + 1, event.currentTarget);
      } else if (event.key === 'ArrowLeft' && this.#index > 0) {
        event.preventDefault();
        this.go(this.#index - 1, event.currentTarget);
      }
    };
    for (const node of [this.#title, this.#back, this.#next]) node.addEventListener('keydown', onKey);

    const saved = store.state.walkthrough.step;
    this.#render(Math.min(Math.max(saved, 0), total - 1), { announce: false });
    this.#showDone(store.state.walkthrough.finished);
  }

  get element() {
    return this.#root;
  }
  get index() {
    return this.#index;
  }

  /** Go to step i (0-based); `from` is the control that asked, to keep or move focus sensibly. */
  go(i, from) {
    const total = this.#wt.steps.length;
    if (i < 0 || i >= total) throw new RangeError(`step ${i} is outside 0..${total - 1}`);
    if (i === this.#index) return;
    this.#render(i, { announce: true });
    this.#syncedStep = i;
    this.#store.setWalkthroughStep(i);
    if (from && (from.disabled || from.hidden)) this.#title.focus();
  }

  #finish() {
    this.#store.finishWalkthrough();
    this.#showDone(true);
    this.#live.textContent = t('walkthrough.finishedAnnounce');
  }

  #showDone(finished) {
    this.#done.hidden = !finished;
    this.#root.dataset.finished = finished ? 'true' : 'false';
  }

  #render(i, { announce }) {
    const steps = this.#wt.steps;
    const step = steps[i];
    const total = steps.length;
    this.#index = i;
    const place = { step: i + 1, total };
    this.#count.textContent = t('walkthrough.stepCount', place);
    this.#title.replaceChildren(
      el('span', { className: 'visually-hidden', text: `${t('walkthrough.stepPrefix', place)} ` }),
      el('span', { className: 'wt-step-title', text: step.title }),
    );
    this.#text.replaceChildren(...step.text.map((para) => renderInline(el('p'), para, this.#ctx)));
    this.#dots.forEach((dot, k) => {
      dot.dataset.state = k < i ? 'past' : k === i ? 'current' : 'future';
    });
    this.#back.disabled = i === 0;
    this.#next.textContent = t(i === total - 1 ? 'walkthrough.finish' : 'walkthrough.next');
    this.#root.dataset.step = String(i + 1);
    this.#showFigure(step.figure);
    if (announce) this.#live.textContent = t('walkthrough.stepAnnounce', { ...place, title: step.title });
  }

  #showFigure(figure) {
    if (this.#figure && this.#figureName === figure.name) {
      this.#figure.setState(figure.state);
      return;
    }
    this.#figure?.destroy();
    this.#figureName = figure.name;
    this.#figure = this.#mount(figure.name, this.#figureHost, { state: figure.state });
  }

  /** Mirror the stored step/finished flag (reload, another tab, reset). */
  sync(progress) {
    const wt = progress.walkthrough;
    const step = Math.min(Math.max(wt.step, 0), this.#wt.steps.length - 1);
    if (step !== this.#syncedStep && step !== this.#index) this.#render(step, { announce: false });
    this.#syncedStep = step;
    this.#showDone(wt.finished);
  }
}
