// training-panel.js — the "Training stability and convergence" figure: real training of the same MLP
// with and without normalization, computed by the C++ core (WebAssembly) in Web Workers (pool.js,
// train-worker.js) so the page never freezes. Controls → one state object (presets.js) → Start runs the
// chosen variants at one learning rate; the loss curves, decision regions and the watched layer's
// distribution update once per animation frame from the streamed results; the learning-rate sweep
// (sweep-section.js) shows the shipped sweep and re-runs it live. The default comparisons of the presets and
// the model map are shipped too (data/comparisons-default.json, shipped-comparisons.js): they show at once for
// their settings, and a live run of those settings is checked against them. JS only draws and formats: every
// number comes from the core.
//
// Contract (figures/registry.js): mount(container, { core, text, state, onInteract }) → { setState, destroy }.
// Test/benchmark URL parameters: ?trainWorkers=1|2 (worker count), ?sweepRates=0.01,0.03 (restrict the
// live sweep to these rates). A preset from the model map (ui/preset-bus.js) sets the state's named fields.
import '../../styles/figures.css';
import '../../styles/training.css';
import { t } from '../i18n/i18n.js';
import { subscribePreset } from '../ui/preset-bus.js';
import { button } from '../ui/controls.js';
import { el } from '../ui/el.js';
import { createErrorBox } from '../ui/error-box.js';
import { createFigure } from '../ui/create-figure.js';
import { createControls } from './controls.js';
import { createPool } from './pool.js';
import { cleanerFor, defaultState, NORM_SHORT } from './presets.js';
import { Comparison } from './comparison.js';
import { firstDifference, indexShipped, seriesOf, shippedRuns } from './shipped-comparisons.js';
import { createCurvesView } from './curves-view.js';
import { createIcsView } from './ics-view.js';
import { createGradView } from './grad-view.js';
import { createDecisionView } from './decision-view.js';
import { createSweepSection } from './sweep-section.js';
import { ALLOWANCE_SECONDS, shownMinutes, wholeMinutes } from '../content/durations.js';

async function loadShipped(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** The core's divergence { step: 3, cause: "the loss …" } → "diverged at step 3 (the loss …)". */
function divergedText({ step, cause }) {
  return t('training.panel.diverged', { step, reason: cause });
}

/** Starts the worker pool and reads the shipped sweep and comparisons; the pool is stopped again if it fails. */
async function startPool(params) {
  const cores = navigator.hardwareConcurrency || 1;
  const size = Math.max(1, Math.min(2, Number(params.get('trainWorkers')) || cores));
  const pool = createPool(size, new URL('data/digits.bin', document.baseURI).href);
  try {
    const [ready, shipped, comparisons] = await Promise.all([
      pool.ready,
      loadShipped(new URL('data/sweep-default.json', document.baseURI).href),
      loadShipped(new URL('data/comparisons-default.json', document.baseURI).href),
    ]);
    return { pool, plan: ready.plan, shipped, comparisons };
  } catch (error) {
    pool.destroy();
    throw error;
  }
}

/** The start, pause and reset buttons with the labelled progress bar beside them. */
function actionRow(onAction) {
  const startButton = button(t('training.panel.start'), () => onAction('start'), 'button button-primary fig-button');
  const pauseButton = button(t('training.panel.pause'), () => onAction('pause'));
  const resetButton = button(t('training.panel.reset'), () => onAction('reset'));
  const progressId = `tr-progress-${Math.random().toString(36).slice(2, 8)}`;
  const progress = el('progress', { id: progressId, max: '1', value: '0' });
  const root = el(
    'div',
    { className: 'tr-actions' },
    startButton,
    pauseButton,
    resetButton,
    el(
      'div',
      { className: 'tr-progress' },
      el('label', { className: 'tr-progress-label', text: t('training.panel.progress'), for: progressId }),
      progress,
    ),
  );
  return { root, buttons: { start: startButton, pause: pauseButton, reset: resetButton }, progress };
}

/** The sweep is depth beyond the 15-minute path: folded, labelled with the time its text and one look take. */
function sweepSection(box) {
  const sweepTime = el('span', { className: 'part-time' });
  const root = el(
    'details',
    { className: 'go-deeper tr-part tr-sweep-part' },
    el(
      'summary',
      {},
      el('span', {
        className: 'deepdive-title',
        text: t('common.goDeeper', { title: t('training.panel.sweepTitle') }),
      }),
      sweepTime,
    ),
    box,
  );
  const timeSweep = () => {
    const minutes = wholeMinutes(shownMinutes(box.textContent, ALLOWANCE_SECONDS.figure));
    sweepTime.textContent = t('common.partMinutes', { minutes: String(minutes) });
  };
  return { root, timeSweep };
}

/** The figure's fixed parts: the action row, the status line, the alert and one titled section per view. */
function layout(root, controls, onAction) {
  const actions = actionRow(onAction);
  const status = el('p', { className: 'tr-status', role: 'status', 'aria-live': 'polite' });
  const alert = createErrorBox();
  const boxes = { curves: el('div'), decision: el('div'), ics: el('div'), grad: el('div'), sweep: el('div') };
  const section = (title, box) =>
    el('section', { className: 'tr-part' }, el('h4', { className: 'fig-panel-title', text: title }), box);
  const sweep = sweepSection(boxes.sweep);
  root.append(
    ...controls.nodes,
    actions.root,
    status,
    alert.root,
    section(t('training.panel.curvesTitle'), boxes.curves),
    section(t('training.panel.decisionTitle'), boxes.decision),
    section(t('training.panel.icsTitle'), boxes.ics),
    section(t('training.panel.gradTitle'), boxes.grad),
    sweep.root,
  );
  return {
    buttons: actions.buttons,
    progress: actions.progress,
    status,
    alert,
    boxes,
    timeSweep: sweep.timeSweep,
  };
}

function createViews(boxes, log) {
  return {
    curves: createCurvesView(boxes.curves, { log }),
    ics: createIcsView(boxes.ics),
    grads: createGradView(boxes.grad),
    decision: createDecisionView(boxes.decision),
  };
}

/** The buttons for the comparison's phase: Start while idle or done (and a variant is chosen), Pause while busy. */
function showPhase(buttons, root, comparison, state) {
  const phase = comparison.phase;
  const busy = phase === 'running' || phase === 'paused';
  buttons.start.disabled = busy || !state.variants.length;
  buttons.pause.disabled = !busy;
  buttons.pause.textContent = t(phase === 'paused' ? 'training.panel.resume' : 'training.panel.pause');
  buttons.reset.disabled = !comparison.active;
  root.dataset.phase = phase;
}

export async function mount(container, { state: initial, onInteract = () => {} } = {}) {
  const params = new URLSearchParams(location.search);
  const sweepRates = params.get('sweepRates')?.split(',').map(Number).filter(Number.isFinite) || null;
  const { pool, plan, shipped, comparisons } = await startPool(params);
  const lookup = indexShipped(comparisons);
  let tokens = 0;
  const nextToken = () => ++tokens;

  const root = el('div', { className: 'fig fig-training' });
  container.append(root);
  const figure = createFigure({
    initial,
    fallback: defaultState(),
    clean: cleanerFor(plan.learningRates),
    draw: (state) => show(state),
    onInteract,
    immediate: true,
  });
  const controls = createControls(plan, (patch) => change(patch));
  const ui = layout(root, controls, (action) => act(action));
  const views = createViews(ui.boxes, figure.state.log);
  const sweep = createSweepSection(ui.boxes.sweep, { pool, plan, shipped, nextToken, onInteract, rates: sweepRates });
  const syncButtons = () => showPhase(ui.buttons, root, comparison, figure.state);
  const comparison = new Comparison({
    pool,
    plan,
    views,
    nextToken,
    diverged: divergedText,
    onPhase: syncButtons,
    verdict: (run) => verdict(run),
    ui: { root, container, status: ui.status, alert: ui.alert, progress: ui.progress },
  });

  // A live run of settings that were shipped is compared with the shipped runs, bit for bit.
  const verdict = (run) => {
    const expected = shippedRuns(lookup, plan, run.state);
    if (!expected) {
      delete root.dataset.shippedMatch;
      return '';
    }
    const diffs = run.variants
      .map((key) => ({ name: NORM_SHORT[key], step: firstDifference(expected[key], run.series[key]) }))
      .filter((d) => d.step !== null);
    root.dataset.shippedMatch = String(!diffs.length);
    if (!diffs.length) return t('training.shipped.match');
    return t('training.shipped.mismatch', { list: diffs.map((d) => t('training.shipped.differsAt', d)).join(', ') });
  };
  // The run the settings name: the shipped one at once when it exists; otherwise nothing, so no result of other
  // settings stays drawn. A run in progress keeps going (the status says the settings apply at the next Start).
  let shownFor = null;
  const showRun = (state, force = false) => {
    const key = JSON.stringify([state.preset, state.dataset, state.rate, state.batch, state.steps, state.variants]);
    const phase = comparison.phase;
    if ((key === shownFor && !force) || phase === 'running' || phase === 'paused') return false;
    shownFor = key;
    const runs = shippedRuns(lookup, plan, state);
    if (runs) {
      const series = Object.fromEntries(Object.entries(runs).map(([k, run]) => [k, seriesOf(run)]));
      comparison.showShipped(state, series, t('training.shipped.shown', { generator: comparisons.generator }));
      return true;
    }
    const spirals = state.dataset === 'spirals';
    comparison.reset(state, t(spirals ? 'training.panel.decisionIdle' : 'training.panel.decisionSpiralsOnly'));
    if (state.variants.length) ui.status.textContent = t('training.panel.idle');
    return false;
  };

  const show = (state) => {
    showRun(state);
    controls.set(state);
    views.curves.setLog(state.log);
    sweep.setState(state);
    ui.timeSweep();
    syncButtons();
    Object.assign(root.dataset, {
      preset: state.preset,
      rate: String(state.rate),
      batch: String(state.batch),
      dataset: state.dataset,
    });
  };
  const change = (patch) => {
    figure.change(patch);
    if (!figure.state.variants.length) ui.status.textContent = t('training.panel.chooseVariant');
    else if (comparison.active && comparison.phase !== 'done' && !('log' in patch))
      ui.status.textContent = t('training.panel.settingsChanged');
  };
  const act = (action) => {
    onInteract();
    if (action === 'start') comparison.start(figure.state);
    else if (action === 'pause') comparison.togglePause();
    else {
      // Forget the run (a running or paused one too), then show what the settings name.
      comparison.reset(figure.state);
      if (!showRun(figure.state, true)) ui.status.textContent = t('training.panel.wasReset');
    }
  };

  figure.drawNow();
  // A model-map preset: its `training` part names the fields to set (presets.js cleanerFor checks them).
  const unsubscribe = subscribePreset((preset) => {
    if (preset?.training && typeof preset.training === 'object') figure.setState(preset.training);
  });
  figure.onDestroy(() => {
    unsubscribe();
    comparison.destroy();
    sweep.destroy();
    for (const view of Object.values(views)) view.destroy();
    pool.destroy();
    root.remove();
  });
  return figure.handle;
}
