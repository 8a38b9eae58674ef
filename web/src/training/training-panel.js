// training-panel.js — the "Training stability and convergence" figure: real training of the same MLP
// with and without normalization, computed by the C++ core (WebAssembly) in Web Workers (pool.js,
// train-worker.js) so the page never freezes. Controls → one state object (presets.js) → Start runs the
// chosen variants at one learning rate; the loss curves, decision regions and the watched layer's
// distribution update once per animation frame from the streamed results; the learning-rate sweep
// (sweep-section.js) shows the shipped sweep and re-runs it live. JS only draws and formats: every number
// comes from the core.
//
// Contract (figures/registry.js): mount(container, { core, text, state, onInteract }) → { setState, destroy }.
// Test/benchmark URL parameters: ?trainWorkers=1|2 (worker count), ?sweepRates=0.01,0.03 (restrict the
// live sweep to these rates). A preset from the model map (ui/preset-bus.js) sets the state's named fields.
import '../../styles/figures.css';
import '../../styles/training.css';
import { formatPercent, t } from '../i18n/i18n.js';
import { subscribePreset } from '../ui/preset-bus.js';
import { button } from '../ui/controls.js';
import { el } from '../ui/el.js';
import { fmtMs, fmtSig } from '../ui/format.js';
import { createControls } from './controls.js';
import { createPool, startCompare } from './pool.js';
import { cleanState, fmtRate, NORM_SHORT, PRESETS, runConfig } from './presets.js';
import { createCurvesView } from './curves-view.js';
import { createIcsView } from './ics-view.js';
import { createGradView } from './grad-view.js';
import { createDecisionView } from './decision-view.js';
import { createSweepSection } from './sweep-section.js';

const GRID = 48;          // decision-region resolution (predictGrid)
const RENDER_MS = 200;    // redraw the curves at most this often while training, so the page keeps its main thread
const SLOW_MS = 600;      // … and the layer strips and gradient chart at most this often

async function loadShipped(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** The core's "diverged at step 3: the loss …" → "diverged at step 3 (the loss …)". */
function divergedText(reason, step) {
  const m = /^diverged at step (\d+): (.*)$/.exec(reason || '');
  return m ? t('training.panel.diverged', { step: m[1], reason: m[2] }) : t('training.panel.diverged', { step, reason });
}

export async function mount(container, { state: initial, onInteract = () => {} } = {}) {
  const params = new URLSearchParams(location.search);
  const cores = navigator.hardwareConcurrency || 1;
  const size = Math.max(1, Math.min(2, Number(params.get('trainWorkers')) || cores));
  const sweepRates = params.get('sweepRates')?.split(',').map(Number).filter(Number.isFinite) || null;
  const pool = createPool(size, new URL('data/digits.bin', document.baseURI).href);
  let ready;
  let shipped;
  try {
    [ready, shipped] = await Promise.all([pool.ready, loadShipped(new URL('data/sweep-default.json', document.baseURI).href)]);
  } catch (error) {
    pool.destroy();
    throw error;
  }
  const plan = ready.plan;
  let state = cleanState(initial, plan.learningRates);
  let tokens = 0;
  const nextToken = () => ++tokens;
  let interacted = false;
  const interact = () => { if (!interacted) { interacted = true; onInteract(); } };
  let run = null;       // the comparison shown: { token, phase, job, variants, steps, series, t0, ms }
  let frame = 0;         // pending animation frame / timer of the next redraw (cancel tokens)
  let timer = 0;
  let lastRender = 0;
  let lastSlow = 0;

  const root = el('div', { className: 'fig fig-training' });
  container.append(root);
  const change = (patch) => {
    interact();
    const next = { ...state, ...patch };
    if (patch.preset && patch.preset !== state.preset) {
      next.variants = [...PRESETS[patch.preset].variants];
      next.rate = PRESETS[patch.preset].rate;
    }
    apply(cleanState(next, plan.learningRates));
    if (!state.variants.length) status.textContent = t('training.panel.chooseVariant');
    else if (run && run.phase !== 'done' && !('log' in patch)) status.textContent = t('training.panel.settingsChanged');
  };

  const controls = createControls(plan, change);

  const startButton = button(t('training.panel.start'), () => { interact(); start(); }, 'button button-primary fig-button');
  const pauseButton = button(t('training.panel.pause'), () => { interact(); togglePause(); });
  const resetButton = button(t('training.panel.reset'), () => { interact(); reset(); });
  const progressId = `tr-progress-${Math.random().toString(36).slice(2, 8)}`;
  const progress = el('progress', { attrs: { id: progressId, max: '1', value: '0' } });
  const status = el('p', { className: 'tr-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const alert = el('div', { className: 'fig-error', attrs: { role: 'alert' } });
  alert.hidden = true;
  const actions = el('div', { className: 'tr-actions' }, startButton, pauseButton, resetButton,
    el('div', { className: 'tr-progress' }, el('label', { className: 'tr-progress-label', text: t('training.panel.progress'),
      attrs: { for: progressId } }), progress));

  const section = (title, ...children) => el('section', { className: 'tr-part' }, el('h4', { className: 'fig-panel-title', text: title }), ...children);
  const curvesBox = el('div');
  const decisionBox = el('div');
  const icsBox = el('div');
  const gradBox = el('div');
  const sweepBox = el('div');
  root.append(...controls.nodes, actions, status, alert,
    section(t('training.panel.curvesTitle'), curvesBox),
    section(t('training.panel.decisionTitle'), decisionBox),
    section(t('training.panel.icsTitle'), icsBox),
    section(t('training.panel.gradTitle'), gradBox),
    section(t('training.panel.sweepTitle'), sweepBox));

  const curves = createCurvesView(curvesBox, { log: state.log });
  const ics = createIcsView(icsBox);
  const grads = createGradView(gradBox);
  const decision = createDecisionView(decisionBox);
  const sweep = createSweepSection(sweepBox, { pool, plan, shipped, nextToken, onInteract: interact, rates: sweepRates });

  function syncButtons() {
    const phase = run?.phase || 'idle';
    startButton.disabled = phase === 'running' || phase === 'paused';
    pauseButton.disabled = !(phase === 'running' || phase === 'paused');
    startButton.disabled ||= !state.variants.length;
    pauseButton.textContent = t(phase === 'paused' ? 'training.panel.resume' : 'training.panel.pause');
    resetButton.disabled = !run;
    root.dataset.phase = phase;
  }

  function apply(next) {
    state = next;
    controls.set(state);
    curves.setLog(state.log);
    sweep.setState(state);
    syncButtons();
    Object.assign(root.dataset, { preset: state.preset, rate: String(state.rate), batch: String(state.batch), dataset: state.dataset });
  }

  // ---- the comparison run -----------------------------------------------------------------------
  function clearViews(norms, steps, decisionText) {
    curves.reset(norms, steps, plan.config.evalEvery, plan.targetLoss);
    ics.reset(norms);
    grads.reset(norms, steps);
    decision.clear(decisionText);
  }

  function statusOf(s, done) {
    if (s.diverged) return divergedText(s.reason, s.stepsDone);
    const last = s.evals[s.evals.length - 1];
    if (done && last) {
      return t('training.panel.finalStatus', { loss: fmtSig(last.train.loss), accuracy: formatPercent(100 * last.heldout.accuracy, 1),
        step: last.step });
    }
    return s.loss.length ? t('training.panel.stepStatus', { step: s.stepsDone, loss: fmtSig(s.loss[s.loss.length - 1]) })
      : t('training.panel.waiting');
  }

  function render() {
    frame = 0;
    if (!run) return;
    const t0 = performance.now();
    lastRender = t0;
    const done = run.phase === 'done';
    const series = {};
    const lines = [];
    let finished = 0;
    for (const norm of run.variants) {
      const s = run.series[norm];
      series[norm] = { ...s, status: statusOf(s, done) };
      finished += s.diverged ? run.steps : s.stepsDone;
      lines.push(t('training.panel.legendLine', { name: NORM_SHORT[norm], status: series[norm].status }));
    }
    curves.update(series, t('training.panel.curvesSummary', { rate: fmtRate(run.rate), batch: run.batch, lines: lines.join(' ') }));
    const evals = Object.fromEntries(run.variants.map((n) => [n, run.series[n].evals]));
    if (done || t0 - lastSlow >= SLOW_MS) {
      lastSlow = t0;
      ics.update(evals);
      grads.update(evals);
    }
    progress.value = finished / (run.variants.length * run.steps);
    progress.setAttribute('aria-valuetext', formatPercent(100 * progress.value, 0));
    performance.measure('normlab:training-render', { start: t0 }); // for profiling (DevTools, timing scripts)
  }
  const schedule = () => {
    if (frame || timer) return;
    const wait = lastRender + RENDER_MS - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(render);
    else timer = setTimeout(() => { timer = 0; frame = requestAnimationFrame(render); }, wait);
  };
  const unschedule = () => {
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = 0;
  };

  function start() {
    if (run && (run.phase === 'running' || run.phase === 'paused')) return;
    if (!state.variants.length) return;
    run?.job?.cancel();
    const token = nextToken();
    const s = state;
    run = { token, phase: 'running', variants: [...s.variants], steps: s.steps, rate: s.rate, batch: s.batch,
      dataset: s.dataset, t0: performance.now(), series: {}, job: null };
    for (const norm of run.variants) {
      run.series[norm] = { loss: [], evalSteps: [], evalLoss: [], evals: [], stepsDone: 0, diverged: false, reason: '' };
    }
    alert.hidden = true;
    clearViews(run.variants, run.steps,
      t(s.dataset === 'spirals' ? 'training.panel.decisionLater' : 'training.panel.decisionSpiralsOnly'));
    status.textContent = t('training.panel.training', { count: run.variants.length, steps: run.steps, rate: fmtRate(run.rate) });
    root.dataset.compareMs = '';
    const current = run;
    current.job = startCompare(pool, token, run.variants.map((norm) => ({ key: norm, config: runConfig(plan, s, norm) })),
      run.steps, {
        onProgress(r) {
          const s2 = current.series[r.key];
          for (let i = 0; i < r.loss.length; i++) s2.loss.push(r.loss[i]);
          for (const e of r.evals) { s2.evals.push(e); s2.evalSteps.push(e.step); s2.evalLoss.push(e.train.loss); }
          Object.assign(s2, { stepsDone: r.stepsDone, diverged: r.diverged, reason: r.reason });
          schedule();
        },
        onDone(runs) {
          current.phase = 'done';
          current.ms = performance.now() - current.t0;
          root.dataset.compareMs = String(Math.round(current.ms));
          const diverged = current.variants.filter((n) => current.series[n].diverged).length;
          status.textContent = t(diverged ? 'training.panel.finishedDiverged' : 'training.panel.finished',
            { count: current.variants.length, steps: current.steps, time: fmtMs(current.ms), diverged });
          if (current.dataset === 'spirals') {
            const byKey = new Map(runs.map((r) => [r.key, r]));
            decision.show(current.variants.map((norm) => ({ norm, diverged: current.series[norm].diverged, ...byKey.get(norm) })),
              t('training.panel.stepsText', { steps: current.steps }));
          }
          render();
          syncButtons();
          container.dispatchEvent(new CustomEvent('normlab:training-done', { bubbles: true, detail: { ms: current.ms } }));
        },
        onError(m) {
          current.phase = 'done';
          alert.replaceChildren(el('p', { className: 'fig-error-title', text: m.message }));
          if (m.argument === 'batchSize') alert.append(el('p', { text: t('training.panel.batchSizeError') }));
          if (m.argument === 'digits') alert.replaceChildren(el('p', { className: 'fig-error-title', text: t('training.panel.digitsError', { detail: m.message }) }));
          alert.hidden = false;
          status.textContent = t('training.panel.couldNotStart');
          syncButtons();
        },
      }, s.dataset === 'spirals' ? GRID : 0);
    syncButtons();
  }

  function togglePause() {
    if (!run) return;
    if (run.phase === 'running') {
      run.phase = 'paused';
      run.job.pause();
      status.textContent = t('training.panel.paused', { step: Math.min(...run.variants.map((n) => run.series[n].stepsDone)) });
    } else if (run.phase === 'paused') {
      run.phase = 'running';
      run.job.resume();
      status.textContent = t('training.panel.resumed');
    }
    syncButtons();
  }

  function reset() {
    run?.job?.cancel();
    run = null;
    unschedule();
    clearViews(state.variants, state.steps, '');
    progress.value = 0;
    progress.removeAttribute('aria-valuetext');
    alert.hidden = true;
    status.textContent = t('training.panel.wasReset');
    syncButtons();
  }

  apply(state);
  clearViews(state.variants, state.steps, t('training.panel.decisionIdle'));
  status.textContent = t('training.panel.idle');
  syncButtons();
  // A model-map preset: its `training` part names the fields to set (presets.js cleanState checks them).
  const unsubscribe = subscribePreset((preset) => {
    if (preset?.training && typeof preset.training === 'object') apply(cleanState(preset.training, plan.learningRates, state));
  });

  return {
    setState(next) { apply(cleanState(next, plan.learningRates, state)); },
    destroy() {
      unsubscribe();
      run?.job?.cancel();
      unschedule();
      sweep.destroy();
      curves.destroy();
      ics.destroy();
      grads.destroy();
      decision.destroy();
      pool.destroy();
      root.remove();
    },
  };
}
