// The normalization playground: kind, batch size (log scale), feature dimension, groups, eps, γ, β, input
// distribution and BatchNorm train/eval mode → the core (playground/compute.js) → the statistics table,
// the "About this normalization" text, per-group statistics, the batch-size noise panel and, in BatchNorm
// eval mode, the running-statistics chart. Shape [batch, features, 1].
//
// One state object (playground/hash.js) mirrors the URL fragment's "pg=" part, so a link reproduces the
// view. Input events only update the state and request a frame; the recompute and redraw run once per
// animation frame. Core errors (e.g. BatchNorm training with batch 1) show as an inline alert.

import '../../styles/figures.css';
import {
  DISTRIBUTION_ORDER, divisors, el, fmt, fmtEps, KIND_ORDER, nextId, radioGroup, selectControl, setInline, steppedSlider,
} from './playground/dom.js';
import {
  BATCH_SIZES, BETAS, cleanState, DEFAULTS, EPSILONS, FEATURES, GAMMAS, readHash, writeHash,
} from './playground/hash.js';
import { createEngine, MOMENTUM, WARMUP_BATCH, WARMUP_STEPS } from './playground/compute.js';
import { groupsTable, noisePanel, runningPanel, statsTable } from './playground/panels.js';

const PYTORCH_BATCH_1 = 'PyTorch stops with “ValueError: Expected more than 1 value per channel when training”: ' +
  'the mean of a single value is that value, so every output would be 0. Use a batch of 2 or more, switch ' +
  'BatchNorm to eval mode (running statistics), or pick a kind that does not depend on the batch.';
const INSTANCE_L1 = 'These are feature vectors (one position per channel, L = 1), so InstanceNorm would ' +
  'normalize single values. It is meant for images and sequences with many positions.';

export async function mount(container, { core, text, state: initial, onInteract = () => {} }) {
  const fromHash = typeof location === 'object' ? readHash(location.hash) : null;
  let state = fromHash || cleanState(initial || {});
  let frame = 0;
  let interacted = false;
  const shown = { c: 0, kind: '', noise: null, running: null }; // what the DOM shows now
  const engine = createEngine(core);

  const root = el('div', { className: 'fig fig-playground' });
  const controls = el('div', { className: 'fig-controls pg-controls' });
  const change = (patch) => {
    if (!interacted) {
      interacted = true;
      onInteract();
    }
    const next = { ...state, ...patch };
    if (patch.c !== undefined && next.c % next.g !== 0) delete next.g; // fall back to the default groups
    state = cleanState(next, { ...DEFAULTS, ...next });
    history.replaceState(history.state, '', writeHash(location.hash, state));
    schedule();
  };

  const kind = selectControl('Normalization', KIND_ORDER.map((k) => ({ value: k, label: text.kinds[k].label })),
    (k) => change({ kind: k }));
  const mode = radioGroup(`${text.kinds.batch.label} mode`, nextId('pg-mode'),
    [{ value: 'train', label: 'Training' }, { value: 'eval', label: 'Eval' }],
    (m) => change({ mode: m }), 'fig-radios pg-mode');
  const dist = selectControl('Input distribution', DISTRIBUTION_ORDER.map((d) => ({ value: d, label: text.distributions[d].label })),
    (d) => change({ dist: d }));
  const batch = steppedSlider('Batch size', BATCH_SIZES, String, (n) => change({ n }), text.hints.batchSize);
  const features = steppedSlider('Feature dimension', FEATURES, String, (c) => change({ c }), text.hints.features);
  const groups = selectControl('Groups', [], (g) => change({ g: Number(g) }), text.hints.groups);
  const eps = steppedSlider('eps (ε)', EPSILONS, fmtEps, (e) => change({ eps: e }));
  const gamma = steppedSlider('Scale γ', GAMMAS, (v) => fmt(v, 2), (v) => change({ gamma: v }));
  const beta = steppedSlider('Shift β', BETAS, (v) => fmt(v, 2), (v) => change({ beta: v }));
  for (const [key, slider] of Object.entries({ batch, features, eps, gamma, beta })) slider.input.dataset.control = key;
  const betaNote = el('p', { className: 'fig-hint', text: `${text.kinds.rms.label} has no β.` });
  beta.root.append(betaNote);
  const resample = el('button', { className: 'button fig-button', text: 'Resample', attrs: { type: 'button' } });
  const seedText = el('span', { className: 'fig-seed' });
  resample.addEventListener('click', () => change({ seed: state.seed + 1 }));
  const link = el('a', { className: 'pg-link', text: 'Link to this view', attrs: { href: '#' } });
  controls.append(kind.root, mode.root, dist.root, batch.root, features.root, groups.root, eps.root, gamma.root, beta.root,
    el('div', { className: 'fig-control fig-resample' }, resample, seedText, link));

  const alert = el('div', { className: 'fig-error', attrs: { role: 'alert' } });
  const stats = statsTable(text);
  const about = el('div', { className: 'pg-panel pg-about' });
  const aboutTitle = el('h4', { className: 'fig-panel-title' });
  const aboutText = el('p');
  const aboutAxes = el('p', { className: 'fig-note' });
  about.append(aboutTitle, aboutAxes, aboutText);
  const groupStats = groupsTable(text);
  const noise = noisePanel(text);
  const running = runningPanel(text, { steps: WARMUP_STEPS, batch: WARMUP_BATCH, momentum: MOMENTUM });
  const outputs = el('div', { className: 'pg-outputs' }, stats.root, about, groupStats.root, noise.root, running.root);
  root.append(controls, alert, outputs);
  container.append(root);

  const onHash = () => {
    const next = readHash(location.hash);
    if (next && writeHash('', next) !== writeHash('', state)) {
      state = next;
      schedule();
    }
  };
  window.addEventListener('hashchange', onHash);

  function showError(error) {
    alert.replaceChildren(el('p', { className: 'fig-error-title', text: error.message }));
    const s = state;
    if (s.kind === 'batch' && s.mode === 'train' && s.n === 1) alert.append(el('p', { text: PYTORCH_BATCH_1 }));
    else if (s.kind === 'instance') alert.append(el('p', { text: INSTANCE_L1 }));
    alert.hidden = false;
  }

  function syncControls() {
    const s = state;
    kind.set(s.kind);
    mode.set(s.mode);
    mode.root.hidden = s.kind !== 'batch';
    dist.set(s.dist);
    batch.set(s.n);
    features.set(s.c);
    if (shown.c !== s.c) groups.setOptions(divisors(s.c).map((g) => ({ value: g, label: String(g) })));
    groups.set(s.g);
    groups.root.hidden = s.kind !== 'group';
    eps.set(s.eps);
    gamma.set(s.gamma);
    beta.set(s.kind === 'rms' ? 0 : s.beta);
    beta.input.disabled = s.kind === 'rms';
    betaNote.hidden = s.kind !== 'rms';
    seedText.textContent = `Seed ${s.seed}`;
    link.href = writeHash(location.hash, s);
    Object.assign(root.dataset, { kind: s.kind, n: String(s.n), c: String(s.c), seed: String(s.seed), dist: s.dist, mode: s.mode });
    if (shown.kind !== s.kind) {
      aboutTitle.textContent = `About ${text.kinds[s.kind].label}`;
      aboutAxes.textContent = `${text.kinds[s.kind].label}: ${text.kinds[s.kind].axes}.`;
      setInline(aboutText, text.kinds[s.kind].about);
    }
    shown.c = s.c;
    shown.kind = s.kind;
  }

  function draw() {
    frame = 0;
    performance.clearMarks('normlab:playground-start');
    performance.clearMeasures('normlab:playground-draw');
    performance.mark('normlab:playground-start'); // read by tests/e2e/playground-timing.mjs
    syncControls();
    const s = state;
    let result;
    try {
      result = engine.run(s);
    } catch (error) {
      // Not an invalid setting but a failure (e.g. out of memory): say so in place, keep the page alive.
      console.error(error);
      showError(error);
      return;
    }
    if (result.error) {
      showError(result.error);
    } else {
      alert.hidden = true;
      alert.replaceChildren();
    }
    stats.update(result);
    groupStats.update(result, s.kind);
    // Cached results come back as the same objects: redraw those charts only when they change.
    if (result.noise !== shown.noise) noise.update(result.noise, s.n, s.c);
    shown.noise = result.noise;
    running.root.hidden = !result.running;
    if (result.running && result.running !== shown.running) running.update(result.running.trace);
    shown.running = result.running;
    performance.measure('normlab:playground-draw', 'normlab:playground-start');
    root.dispatchEvent(new CustomEvent('normlab:figure-drawn', { bubbles: true }));
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  draw();

  return {
    setState(next) {
      state = cleanState({ ...state, ...next }, state);
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('hashchange', onHash);
      noise.destroy();
      running.destroy();
      root.remove();
    },
  };
}
