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
import { el, nextId } from '../../ui/el.js';
import { fmtEps } from '../../ui/format.js';
import { radioGroup, selectControl, steppedSlider } from '../../ui/controls.js';
import { affineControls, distributionSelect, kindSelect } from '../shared-controls.js';
import { setInline } from '../../ui/inline.js';
import { BATCH_SIZES, cleanState, DEFAULTS, EPSILONS, FEATURES, readHash, writeHash } from './hash.js';
import { createEngine, MOMENTUM, SPREAD_REPEATS, UPSTREAM, WARMUP_BATCH, WARMUP_STEPS } from './compute.js';
import { groupsTable, noisePanel, runningPanel, statsTable } from './panels.js';
import { gradientPanel } from './gradient-panel.js';
import { codePanel } from './code-panel.js';
import { createTabs } from './tabs.js';
import { parityNote } from '../parity-note.js';
import { createErrorBox } from '../../ui/error-box.js';
import { createFigure } from '../../ui/create-figure.js';

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
  const controls = el('div', { className: 'fig-controls pg-controls' });
  // A new C keeps G when G still divides it; otherwise cleanState picks C's default number of groups.
  // The URL fragment is written in a task after the frame that draws the state, not in the input handler:
  // history.replaceState took ~12 ms per call in Chromium (a same-document navigation; the trace shows an SVG
  // image, the favicon, decoded again), on the path of every input to its paint (docs/performance.md §4).
  let urlStale = false;
  let urlTimer = 0;
  const writeUrl = () => {
    urlTimer = 0;
    urlStale = false;
    history.replaceState(history.state, '', writeHash(location.hash, figure.state));
  };
  const update = (patch) => {
    figure.setState(patch);
    urlStale = true;
  };
  const change = (patch) => {
    onInteract();
    update(patch);
  };

  const kind = kindSelect(t('playground.normalization'), text, (k) => change({ kind: k }));
  const mode = radioGroup(
    t('playground.mode', { kind: text.kinds.batch.label }),
    nextId('pg-mode'),
    [
      { value: 'train', label: t('playground.training') },
      { value: 'eval', label: t('playground.eval') },
    ],
    (m) => change({ mode: m }),
    'fig-radios pg-mode',
  );
  const dist = distributionSelect(t('playground.distribution'), text, (d) => change({ dist: d }));
  const batch = steppedSlider(
    t('playground.batchSize'),
    BATCH_SIZES,
    String,
    (n) => change({ n }),
    text.hints.batchSize,
  );
  const features = steppedSlider(t('playground.features'), FEATURES, String, (c) => change({ c }), text.hints.features);
  const groups = selectControl(t('playground.groups'), [], (g) => change({ g: Number(g) }), text.hints.groups);
  const eps = steppedSlider(t('playground.eps'), EPSILONS, fmtEps, (e) => change({ eps: e }));
  const affine = affineControls(
    {
      gamma: t('playground.gamma'),
      beta: t('playground.beta'),
      noBeta: t('playground.noBeta', { kind: text.kinds.rms.label }),
      resample: t('playground.resample'),
    },
    change,
    () => figure.state.seed,
  );
  for (const [key, slider] of Object.entries({ batch, features, eps })) slider.input.dataset.control = key;
  const link = el('a', { className: 'pg-link', text: t('playground.link'), attrs: { href: '#' } });
  controls.append(
    kind.root,
    mode.root,
    dist.root,
    batch.root,
    features.root,
    groups.root,
    eps.root,
    affine.gamma.root,
    affine.beta.root,
    el('div', { className: 'fig-control fig-resample' }, affine.resample, affine.seedText, link),
  );

  const alert = createErrorBox();
  const stats = statsTable(text);
  const about = el('div', { className: 'pg-panel pg-about' });
  const aboutTitle = el('h4', { className: 'fig-panel-title' });
  const aboutText = el('p');
  const aboutAxes = el('p', { className: 'fig-note' });
  about.append(aboutTitle, aboutAxes, aboutText);
  const groupStats = groupsTable(text);
  const noise = noisePanel(text, SPREAD_REPEATS);
  const warmup = { steps: WARMUP_STEPS, batch: WARMUP_BATCH, momentum: MOMENTUM };
  const running = runningPanel(text, warmup);
  const outputs = el('div', { className: 'pg-outputs' }, stats.root, about, groupStats.root, noise.root, running.root);
  const gradient = gradientPanel({
    onUpstream: (u) => {
      onInteract();
      upstream = u;
      figure.schedule();
    },
  });
  const code = codePanel(warmup);
  const tabs = createTabs(
    [
      { id: 'stats', label: t('playground.tabs.stats'), panel: outputs },
      { id: 'gradient', label: t('playground.tabs.gradient'), panel: el('div', {}, gradient.root) },
      { id: 'code', label: t('playground.tabs.code'), panel: el('div', {}, code.root) },
    ],
    t('playground.tabs.label'),
    () => figure.schedule(),
  );
  root.append(controls, alert.root, tabs.root, parityNote());
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
    if (shown.kind !== s.kind) {
      aboutTitle.textContent = t('playground.about', { kind: text.kinds[s.kind].label });
      aboutAxes.textContent = t('playground.axes', { kind: text.kinds[s.kind].label, axes: text.kinds[s.kind].axes });
      setInline(aboutText, text.kinds[s.kind].about);
    }
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
    if (urlStale && !urlTimer) urlTimer = setTimeout(writeUrl); // runs after this frame is painted
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
    clearTimeout(urlTimer);
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
