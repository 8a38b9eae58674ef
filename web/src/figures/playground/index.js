// The normalization playground: kind, batch size (log scale), feature dimension, groups, eps, γ, β, input
// distribution and BatchNorm train/eval mode → the core (playground/compute.js) → three tabs (ARIA tabs):
// "Statistics" (the statistics table, the "About this normalization" text, per-group statistics, the
// batch-size noise panel and, in BatchNorm eval mode, the running-statistics chart), "Gradients" (core.backward
// for a chosen upstream gradient, computed only while that tab is shown) and "PyTorch code" (the equivalent
// torch.nn call). Shape [batch, features, 1]. A preset from the model map (ui/preset-bus.js) sets the state.
//
// One state object (playground/hash.js) mirrors the URL fragment's "pg=" part, so a link reproduces the
// view. Input events only update the state and request a frame; the recompute and redraw run once per
// animation frame. Core errors (e.g. BatchNorm training with batch 1) show as an inline alert.

import '../../../styles/figures.css';
import '../../../styles/playground.css';
import { t } from '../../i18n/i18n.js';
import { subscribePreset } from '../../ui/preset-bus.js';
import { divisors } from '../inputs.js';
import { el } from '../../ui/el.js';
import { setInline } from '../../ui/inline.js';
import { cleanState, DEFAULTS, readHash, writeHash } from './hash.js';
import { playgroundControls } from './controls.js';
import { createEngine, MOMENTUM, SPREAD_REPEATS, UPSTREAM, WARMUP_BATCH, WARMUP_STEPS } from './compute.js';
import { groupsTable, noisePanel, runningPanel, statsTable } from './panels.js';
import { gradientPanel } from './gradient-panel.js';
import { codePanel } from './code-panel.js';
import { createTabs } from './tabs.js';
import { parityNote } from '../parity-note.js';
import { createErrorBox } from '../../ui/error-box.js';
import { createFigure } from '../../ui/create-figure.js';

// The URL fragment is written in a task after the frame that draws the state, not in the input handler:
// history.replaceState took ~12 ms per call in Chromium (a same-document navigation; the trace shows an SVG
// image, the favicon, decoded again), on the path of every input to its paint (docs/performance.md §4).
function urlWriter(stateOf) {
  let stale = false;
  let timer = 0;
  const write = () => {
    timer = 0;
    stale = false;
    history.replaceState(history.state, '', writeHash(location.hash, stateOf()));
  };
  return {
    markStale() {
      stale = true;
    },
    /** Called from draw: queues the write if the state changed since the last one. */
    afterFrame() {
      if (stale && !timer) timer = setTimeout(write);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** "About this normalization": the kind's name, the axes it reduces and its description; show(kind) fills it. */
function aboutPanel(text) {
  const root = el('div', { className: 'pg-panel pg-about' });
  const title = el('h4', { className: 'fig-panel-title' });
  const body = el('p');
  const axes = el('p', { className: 'fig-note' });
  root.append(title, axes, body);
  const show = (kind) => {
    title.textContent = t('playground.about', { kind: text.kinds[kind].label });
    axes.textContent = t('playground.axes', { kind: text.kinds[kind].label, axes: text.kinds[kind].axes });
    setInline(body, text.kinds[kind].about);
  };
  return { root, show };
}

/** The Statistics tab: the statistics table, the about text, per-group statistics, noise and running panels. */
function statisticsTab(text, warmup) {
  const stats = statsTable(text);
  const about = aboutPanel(text);
  const groupStats = groupsTable(text);
  const noise = noisePanel(text, SPREAD_REPEATS);
  const running = runningPanel(text, warmup);
  const outputs = el(
    'div',
    { className: 'pg-outputs' },
    stats.root,
    about.root,
    groupStats.root,
    noise.root,
    running.root,
  );
  return { outputs, stats, about, groupStats, noise, running };
}

/** The Statistics, Gradients and PyTorch code tabs around their panels; onSelect runs on a tab change. */
function playgroundTabs(outputs, gradientRoot, codeRoot, onSelect) {
  return createTabs(
    [
      { id: 'stats', label: t('playground.tabs.stats'), panel: outputs },
      { id: 'gradient', label: t('playground.tabs.gradient'), panel: el('div', {}, gradientRoot) },
      { id: 'code', label: t('playground.tabs.code'), panel: el('div', {}, codeRoot) },
    ],
    t('playground.tabs.label'),
    onSelect,
  );
}

export async function mount(container, { core, text, state: initial, onInteract = () => {} }) {
  const fromHash = typeof location === 'object' ? readHash(location.hash) : null;
  const figure = createFigure({
    initial: fromHash || initial,
    fallback: DEFAULTS,
    clean: cleanState,
    draw,
    onInteract,
  });
  const shown = { c: 0, kind: '', rms: null, synced: false, noise: null, running: null }; // what the DOM shows now
  let upstream = UPSTREAM[0]; // the gradient tab's ∂L/∂y (not part of the link: the tab opens on the default)
  const engine = createEngine(core);

  const root = el('div', { className: 'fig fig-playground' });
  const url = urlWriter(() => figure.state);
  const update = (patch) => {
    figure.setState(patch);
    url.markStale();
  };
  const change = (patch) => {
    onInteract();
    update(patch);
  };
  const controls = playgroundControls(text, change, () => figure.state.seed);
  const { kind, mode, dist, batch, features, groups, eps, affine, link } = controls;

  const alert = createErrorBox();
  const warmup = { steps: WARMUP_STEPS, batch: WARMUP_BATCH, momentum: MOMENTUM };
  const { outputs, stats, about, groupStats, noise, running } = statisticsTab(text, warmup);
  const gradient = gradientPanel({
    onUpstream: (u) => {
      onInteract();
      upstream = u;
      figure.schedule();
    },
  });
  const code = codePanel(warmup);
  const tabs = playgroundTabs(outputs, gradient.root, code.root, () => figure.schedule());
  root.append(controls.root, alert.root, tabs.root, parityNote());
  container.append(root);

  // A model-map preset sets the fields it names (cleanState checks them) and keeps the others.
  const unsubscribe = subscribePreset((preset) => {
    if (preset?.playground && typeof preset.playground === 'object') update(preset.playground);
  });

  const onHash = () => {
    const next = readHash(location.hash);
    if (next && writeHash('', next) !== writeHash('', figure.state)) figure.replace(next);
  };
  window.addEventListener('hashchange', onHash);

  function showError(error, s) {
    const why =
      s.kind === 'batch' && s.mode === 'train' && s.n === 1
        ? t('playground.batch1')
        : s.kind === 'instance'
          ? t('playground.instanceL1')
          : null;
    alert.show(error.message, why);
  }

  function syncControls(s) {
    kind.set(s.kind);
    mode.set(s.mode);
    mode.root.hidden = s.kind !== 'batch';
    dist.set(s.dist);
    // After the first draw, a slider already at its value is left alone: set() would write its label's text
    // again, which lays the controls out again on the way to the frame (docs/performance.md §4).
    const stale = (slider, value) => !shown.synced || slider.value !== value;
    for (const [slider, value] of [
      [batch, s.n],
      [features, s.c],
      [eps, s.eps],
    ])
      if (stale(slider, value)) slider.set(value);
    // A new C keeps G when G still divides it; otherwise cleanState picks C's default number of groups.
    if (shown.c !== s.c) groups.setOptions(divisors(s.c).map((g) => ({ value: g, label: String(g) })));
    groups.set(s.g);
    groups.root.hidden = s.kind !== 'group';
    const seedLine = t('playground.seed', { seed: String(s.seed) });
    const beta = s.kind === 'rms' ? 0 : s.beta;
    if (
      stale(affine.gamma, s.gamma) ||
      stale(affine.beta, beta) ||
      shown.rms !== (s.kind === 'rms') ||
      affine.seedText.textContent !== seedLine
    )
      affine.set(s, seedLine);
    shown.rms = s.kind === 'rms';
    shown.synced = true;
    link.href = writeHash(location.hash, s);
    Object.assign(root.dataset, {
      kind: s.kind,
      n: String(s.n),
      c: String(s.c),
      seed: String(s.seed),
      dist: s.dist,
      mode: s.mode,
    });
    if (shown.kind !== s.kind) about.show(s.kind);
    shown.c = s.c;
    shown.kind = s.kind;
  }

  /** The Statistics tab's panels (also run under the code tab, for the alert); returns the core's error, if any. */
  function drawStatistics(s) {
    const result = engine.run(s);
    stats.update(result);
    groupStats.update(result, s.kind);
    // Cached results come back as the same objects: redraw those charts only when they change.
    if (result.noise !== shown.noise) noise.update(result.noise, s.n, s.c);
    shown.noise = result.noise;
    running.root.hidden = !result.running;
    if (result.running && result.running !== shown.running) running.update(result.running.trace);
    shown.running = result.running;
    return result.error;
  }

  /** The Gradients tab: core.backward with the forward's input and options (the same validation). */
  function drawGradient(s) {
    const view = engine.gradient(s, upstream);
    gradient.update(view, s, upstream);
    return view.error;
  }

  function draw(s) {
    performance.clearMarks('normlab:playground-start');
    performance.clearMeasures('normlab:playground-draw');
    performance.mark('normlab:playground-start'); // read by tests/e2e/playground-timing.mjs
    syncControls(s);
    url.afterFrame(); // runs after this frame is painted
    try {
      // Only the shown tab is computed: on the Gradients tab the statistics (hidden) wait until shown again.
      const error = tabs.selected === 'gradient' ? drawGradient(s) : drawStatistics(s);
      if (error) showError(error, s);
      else alert.hide();
    } catch (error) {
      // Not an invalid setting but a failure (e.g. out of memory): say so in place, keep the page alive.
      console.error(error);
      showError(error, s);
      return;
    }
    if (tabs.selected === 'code') code.update(s);
    performance.measure('normlab:playground-draw', 'normlab:playground-start');
    root.dispatchEvent(new CustomEvent('normlab:figure-drawn', { bubbles: true }));
  }

  figure.onDestroy(() => {
    url.cancel();
    window.removeEventListener('hashchange', onHash);
    unsubscribe();
    noise.destroy();
    gradient.destroy();
    running.destroy();
    engine.dispose();
    root.remove();
  });
  figure.drawNow();
  return figure.handle;
}
