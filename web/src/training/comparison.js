// comparison.js — the training figure's comparison run: Start trains the chosen variants at one learning
// rate in the worker pool (pool.js startCompare) and streams their losses; the curves redraw at most every
// RENDER_MS and the layer strips and gradient chart at most every SLOW_MS, so the page keeps its main thread.
// Pause/Resume and Reset act on the run; a cancel token (nextToken) makes a stale run's messages harmless.
//
// Precomputed runs (shipped-comparisons.js) are shown as a finished run in phase 'shipped' until Start.
//
//   new Comparison({ pool, plan, views, ui, nextToken, diverged, onPhase, verdict }): phase, active, start(state),
//     showShipped(state, series, note), togglePause(), reset(state, decisionText?), destroy()
//   views: { curves, ics, grads, decision }   ui: { root, container, status, alert, progress }
//   diverged({ step, cause }) -> the status text of a variant that diverged; onPhase() after every phase change;
//   verdict(run) -> a sentence appended to a finished live run's status ('' for none).

import { formatPercent, t } from '../i18n/i18n.js';
import { fmtMs } from '../ui/format.js';
import { startCompare } from './pool.js';
import { evalEvery, fmtRate, runConfig } from './presets.js';
import { drawRun, newRun } from './comparison-run.js';
import { throttledFrame } from '../ui/throttled-frame.js';

const GRID = 48; // decision-region resolution (predictGrid)
const RENDER_MS = 200; // redraw the curves at most this often while training
const SLOW_MS = 600; // … and the layer strips and gradient chart at most this often

/**
 * The handlers of one run's worker messages; `schedule` asks for a redraw, `finish` ends the run. Work already in
 * flight when Pause is pressed still reports: its messages wait until `release()` (on Resume), so a paused run stays
 * at the step its status names.
 */
function listen(current, { schedule, finish, fail }) {
  const held = [];
  const unlessPaused = (apply) => (message) => {
    if (current.phase === 'paused') held.push(() => apply(message));
    else apply(message);
  };
  return {
    onProgress: unlessPaused((r) => {
      const s = current.series[r.key];
      for (let i = 0; i < r.loss.length; i++) s.loss.push(r.loss[i]);
      for (const e of r.evals) {
        s.evals.push(e);
        s.evalSteps.push(e.step);
        s.evalLoss.push(e.train.loss);
      }
      Object.assign(s, { stepsDone: r.stepsDone, diverged: r.diverged, divergence: r.divergence });
      schedule();
    }),
    onDone: unlessPaused((runs) => {
      current.phase = 'done';
      current.ms = performance.now() - current.t0;
      finish(current, runs);
    }),
    onError(m) {
      current.phase = 'done';
      fail(m);
    },
    release() {
      for (const apply of held.splice(0)) apply();
    },
  };
}

export class Comparison {
  #run = null; // the comparison shown: { token, phase, job, variants, steps, series, t0, ms }
  #lastSlow = 0;
  #deps;
  #frame;

  constructor(deps) {
    this.#deps = deps;
    this.#frame = throttledFrame((now) => this.#render(now), RENDER_MS);
  }

  /** 'idle' | 'shipped' | 'running' | 'paused' | 'done' */
  get phase() {
    return this.#run?.phase || 'idle';
  }
  /** True while a live run is shown (a precomputed one is not the learner's to reset). */
  get active() {
    return Boolean(this.#run) && this.#run.phase !== 'shipped';
  }

  #clearViews(s, norms, steps, decisionText) {
    const {
      views: { curves, ics, grads, decision },
      plan,
    } = this.#deps;
    curves.reset(norms, steps, evalEvery(plan, s), plan.targetLoss);
    ics.reset(norms);
    grads.reset(norms, steps);
    decision.clear(decisionText);
  }

  #render(now) {
    if (!this.#run) return;
    const {
      views,
      ui: { progress },
      diverged,
    } = this.#deps;
    const slow = now - this.#lastSlow >= SLOW_MS;
    if (slow) this.#lastSlow = now;
    progress.value = drawRun(this.#run, views, slow, diverged);
    progress.setAttribute('aria-valuetext', formatPercent(100 * progress.value, 0));
    performance.measure('normlab:training-render', { start: now }); // for profiling (DevTools, timing scripts)
  }

  #finish(current, runs) {
    const {
      ui: { root, container, status },
      views: { decision },
      onPhase,
      verdict,
    } = this.#deps;
    root.dataset.compareMs = String(Math.round(current.ms));
    const count = current.variants.filter((n) => current.series[n].diverged).length;
    const finished = t(count ? 'training.panel.finishedDiverged' : 'training.panel.finished', {
      count: current.variants.length,
      steps: current.steps,
      time: fmtMs(current.ms),
      diverged: count,
    });
    status.textContent = [finished, verdict(current)].filter(Boolean).join(' ');
    if (current.dataset === 'spirals') {
      const byKey = new Map(runs.map((r) => [r.key, r]));
      decision.show(
        current.variants.map((norm) => ({ norm, diverged: current.series[norm].diverged, ...byKey.get(norm) })),
        t('training.panel.stepsText', { steps: current.steps }),
      );
    }
    this.#render(performance.now());
    onPhase();
    container.dispatchEvent(new CustomEvent('normlab:training-done', { bubbles: true, detail: { ms: current.ms } }));
  }

  #fail(m) {
    const {
      ui: { alert, status },
      onPhase,
    } = this.#deps;
    if (m.argument === 'digits') alert.show(t('training.panel.digitsError', { detail: m.message }));
    else alert.show(m.message, m.argument === 'batchSize' && t('training.panel.batchSizeError'));
    status.textContent = t('training.panel.couldNotStart');
    onPhase();
  }

  /** Trains the variants of state `s` (unless a run is going on or no variant is chosen). */
  start(s) {
    if (this.phase === 'running' || this.phase === 'paused' || !s.variants.length) return;
    const {
      pool,
      plan,
      ui: { root, status, alert },
      nextToken,
      onPhase,
    } = this.#deps;
    this.#run?.job?.cancel();
    const run = newRun(s, nextToken());
    this.#run = run;
    alert.hide();
    this.#clearViews(
      s,
      run.variants,
      run.steps,
      t(s.dataset === 'spirals' ? 'training.panel.decisionLater' : 'training.panel.decisionSpiralsOnly'),
    );
    status.textContent = t('training.panel.training', {
      count: run.variants.length,
      steps: run.steps,
      rate: fmtRate(run.rate),
    });
    root.dataset.compareMs = '';
    const handlers = listen(run, {
      schedule: () => this.#frame.schedule(),
      finish: (current, runs) => this.#finish(current, runs),
      fail: (m) => this.#fail(m),
    });
    run.release = handlers.release;
    run.job = startCompare(
      pool,
      run.token,
      run.variants.map((norm) => ({ key: norm, config: runConfig(plan, s, norm) })),
      run.steps,
      handlers,
      s.dataset === 'spirals' ? GRID : 0,
    );
    onPhase();
  }

  /** Shows `series` ({ [variant]: a finished series }) for state `s` at once, with `note` as the status. */
  showShipped(s, series, note) {
    const {
      views,
      ui: { status, progress },
      diverged,
      onPhase,
    } = this.#deps;
    this.destroy();
    const run = { ...newRun(s, 0), phase: 'shipped', series };
    this.#run = run;
    const spirals = s.dataset === 'spirals';
    this.#clearViews(
      s,
      run.variants,
      run.steps,
      t(spirals ? 'training.shipped.decision' : 'training.panel.decisionSpiralsOnly'),
    );
    drawRun(run, views, true, diverged);
    progress.value = 0;
    progress.removeAttribute('aria-valuetext');
    status.textContent = note;
    onPhase();
  }

  togglePause() {
    const run = this.#run;
    if (!run) return;
    const {
      ui: { status },
      onPhase,
    } = this.#deps;
    if (run.phase === 'running') {
      run.phase = 'paused';
      run.job.pause();
      // Draw now what arrived before the click, so the bar and the status show the same step while paused.
      this.#frame.cancel();
      this.#render(performance.now());
      status.textContent = t('training.panel.paused', {
        step: Math.min(...run.variants.map((n) => run.series[n].stepsDone)),
      });
    } else if (run.phase === 'paused') {
      run.phase = 'running';
      run.release();
      run.job.resume();
      status.textContent = t('training.panel.resumed');
    }
    onPhase();
  }

  /** Forgets the run; `decisionText` stands in the decision-region box (the idle text at mount). */
  reset(s, decisionText = '') {
    const {
      ui: { progress, alert },
      onPhase,
    } = this.#deps;
    this.destroy();
    this.#run = null;
    this.#clearViews(s, s.variants, s.steps, decisionText);
    progress.value = 0;
    progress.removeAttribute('aria-valuetext');
    alert.hide();
    onPhase();
  }

  destroy() {
    this.#run?.job?.cancel();
    this.#frame.cancel();
  }
}
