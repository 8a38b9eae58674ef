// presets.js — the training figure's presets (docs/training.md, "Presets"), its control values and its one state
// object. A preset is a change to the core's default sweep plan (defaultSweepPlan(), the "fair" set-up),
// never a second copy of its numbers: the config itself always comes from the core. Names and texts come
// from the UI catalogue (training.*), read when used so that they follow the page's locale.

import { formatNumber, t } from '../i18n/i18n.js';
import { TRAINING_NORMS } from '../vocabulary.js';

/** An object whose properties `keys` read the catalogue through text(key) when accessed. */
const textsOf = (keys, text) =>
  Object.freeze(
    Object.defineProperties({}, Object.fromEntries(keys.map((k) => [k, { get: () => text(k), enumerable: true }]))),
  );
/** A preset whose name, summary and expectation read the catalogue (training.presets.<id>.*) when used. */
const preset = (id, fields) =>
  Object.freeze(
    Object.defineProperties(
      fields,
      Object.fromEntries(
        ['name', 'summary', 'expectation'].map((k) => [
          k,
          { get: () => t(`training.presets.${id}.${k}`), enumerable: true },
        ]),
      ),
    ),
  );

export const NORM_LABELS = textsOf(TRAINING_NORMS, (k) => t(`training.normsLong.${k}`));
// Short names for table headers and the legend.
export const NORM_SHORT = textsOf(TRAINING_NORMS, (k) => t(`training.norms.${k}`));

// The MLP accepts these norms; the conv net InstanceNorm instead of RMSNorm (TrainConfig in core/include/normlab/train.hpp).
const MLP_NORMS = Object.freeze(['none', 'batch', 'layer', 'rms', 'group']);
const MLP_DATASETS = Object.freeze(['spirals', 'digits']);

// The Transformer's variants: a norm in one placement, Post-LN also with 100 steps of linear warm-up (the
// study's, docs/training.md); any other variant key is a norm.
const TRANSFORMER_VARIANTS = Object.freeze({
  'pre-layer': { norm: 'layer', placement: 'pre', warmupSteps: 0 },
  'post-layer': { norm: 'layer', placement: 'post', warmupSteps: 0 },
  'post-layer-warmup': { norm: 'layer', placement: 'post', warmupSteps: 100 },
  'pre-rms': { norm: 'rms', placement: 'pre', warmupSteps: 0 },
  'post-rms': { norm: 'rms', placement: 'post', warmupSteps: 0 },
  'post-rms-warmup': { norm: 'rms', placement: 'post', warmupSteps: 100 },
});
const variantConfig = (key) => TRANSFORMER_VARIANTS[key] || { norm: key };

// A preset may also set the batch, data set and steps it needs (`state`: applied when switching to it);
// `norms` and `datasets` are the variants and data sets its architecture accepts.
export const PRESETS = Object.freeze({
  // At 0.3 only BatchNorm trains (the shipped sweep: stable up to 0.3 against 0.03 without it); at 0.03 all do.
  fair: preset('fair', {
    patch: {},
    norms: MLP_NORMS,
    datasets: MLP_DATASETS,
    variants: ['none', 'batch', 'layer', 'rms'],
    sweepNorms: null, // the default plan's norms
    rate: 0.3,
  }),
  hard: preset('hard', {
    patch: { activation: 'sigmoid', init: 'xavier' },
    norms: MLP_NORMS,
    datasets: MLP_DATASETS,
    variants: ['none', 'batch', 'layer', 'rms'],
    sweepNorms: ['none', 'batch', 'layer', 'rms'],
    rate: 0.03,
  }),
  // The core's Transformer study (transformer_study_config: 2 layers of width 32, 4 heads, Adam, reversing 8
  // digits) at rate 0.03, where Post-LN without warm-up stalls and Pre-LN trains (docs/training.md).
  transformer: preset('transformer', {
    patch: {
      architecture: 'transformer',
      depth: 2,
      width: 32,
      heads: 4,
      init: 'xavier',
      optimizer: 'adam',
      sequenceTask: 'reverse',
      sequenceLength: 8,
    },
    norms: Object.freeze(['none', ...Object.keys(TRANSFORMER_VARIANTS)]),
    datasets: Object.freeze(['sequence']),
    variants: ['pre-layer', 'post-layer', 'pre-rms', 'post-rms'],
    sweepNorms: [], // no sweep: its claim is about the placement and the warm-up at one rate
    rate: 0.03,
    state: Object.freeze({ batch: 32, dataset: 'sequence', steps: 250 }),
  }),
  // The conv net of the core's batch-size study (conv_batch_study_config: 3 blocks of 16 channels, 4 groups)
  // at batch 1, where BatchNorm's running statistics no longer describe a batch (docs/training.md).
  conv: preset('conv', {
    patch: { architecture: 'conv', depth: 3, width: 16, groups: 4 },
    norms: Object.freeze(['none', 'batch', 'group', 'instance', 'layer']),
    datasets: Object.freeze(['digits']),
    variants: ['none', 'batch', 'group'],
    sweepNorms: [], // no sweep: its claim is about the batch size, not the rate
    rate: 0.003,
    // One evaluation of the conv net (1,438 images in inference mode) costs as much as ~250 training steps at
    // batch 1: ten per run keep the comparison within seconds (docs/performance.md, "Training figure").
    evaluations: 10,
    state: Object.freeze({ batch: 1, dataset: 'digits', steps: 3000 }),
  }),
});
export const PRESET_ORDER = Object.freeze(['fair', 'hard', 'transformer', 'conv']);

export const BATCH_SIZES = Object.freeze([1, 2, 4, 8, 16, 32, 64, 128]);
export const STEP_CHOICES = Object.freeze([250, 500, 750, 1000, 2000, 3000]);
export const DATASETS = Object.freeze(
  ['spirals', 'digits', 'sequence'].map((value) =>
    Object.freeze(
      Object.defineProperty({ value }, 'label', { get: () => t(`training.datasets.${value}`), enumerable: true }),
    ),
  ),
);

// The comparison's default length: at the default rate every default variant reaches the sweep's target
// loss well within it and ends below it (see docs/training.md), and four variants stay well under 2 s in
// Chromium on two cores.
export const DEFAULT_STEPS = 750;

/** The figure's whole state (one object; `rates` come from the core's plan). */
export function defaultState() {
  return {
    preset: 'fair',
    rate: PRESETS.fair.rate,
    batch: 64,
    dataset: 'spirals',
    variants: [...PRESETS.fair.variants],
    steps: DEFAULT_STEPS,
    log: true,
  };
}

/**
 * cleanerFor(rates) -> clean(input, fallback = defaultState()): the figure's state from any partial input, in
 * the figures' cleaning signature (`rates` are the core plan's learning rates). The fields `input` names
 * replace fallback's; unknown or bad values fall back to the defaults; switching preset without naming
 * variants or a rate takes the new preset's own (transformer: none, LayerNorm, RMSNorm), and its batch, data
 * set and steps when it has them (conv; leaving it restores the defaults of those); variants its architecture
 * does not accept are dropped.
 */
export const cleanerFor =
  (rates) =>
  (input, fallback = defaultState()) => {
    const d = defaultState();
    const named = input && typeof input === 'object' ? input : {};
    const switched = PRESET_ORDER.includes(named.preset) && named.preset !== fallback.preset;
    const to = switched ? PRESETS[named.preset] : null;
    // Leaving a preset that set the batch, data set or steps gives them back their defaults.
    const left = to && PRESETS[fallback.preset]?.state;
    const restored = left ? Object.fromEntries(Object.keys(left).map((k) => [k, d[k]])) : {};
    const given = {
      ...fallback,
      ...(to ? { variants: to.variants, rate: to.rate, ...restored, ...to.state } : {}),
      ...named,
    };
    const s = Object.fromEntries(Object.keys(d).map((k) => [k, k in given ? given[k] : d[k]]));
    if (!PRESET_ORDER.includes(s.preset)) s.preset = d.preset;
    if (!rates.includes(s.rate)) s.rate = PRESETS[s.preset].rate;
    if (!BATCH_SIZES.includes(s.batch)) s.batch = d.batch;
    const datasets = PRESETS[s.preset].datasets;
    if (!DATASETS.some((x) => x.value === s.dataset)) s.dataset = d.dataset;
    if (!datasets.includes(s.dataset)) s.dataset = datasets[0];
    if (!STEP_CHOICES.includes(s.steps)) s.steps = d.steps;
    // An explicit list may be empty (the learner unticked every box: Start is then disabled).
    s.variants = Array.isArray(given.variants)
      ? PRESETS[s.preset].norms.filter((n) => given.variants.includes(n))
      : [...PRESETS[s.preset].variants];
    s.log = s.log !== false;
    return s;
  };

/** The comparison config of one variant: the plan's config + preset + the learner's choices. */
export function runConfig(plan, state, norm) {
  return {
    ...plan.config,
    ...PRESETS[state.preset].patch,
    dataset: state.dataset,
    ...variantConfig(norm),
    learningRate: state.rate,
    batchSize: state.batch,
    seed: plan.seeds[0],
    evalEvery: evalEvery(plan, state),
  };
}

/** Steps between two evaluations of a run: the plan's, or the preset's number of evaluations spread over the run. */
export function evalEvery(plan, state) {
  const count = PRESETS[state.preset].evaluations;
  return count ? Math.max(1, Math.round(state.steps / count)) : plan.config.evalEvery;
}

/** The sweep plan of the current preset and data set (the default plan for "fair" on spirals). */
export function sweepPlan(plan, state) {
  return {
    config: { ...plan.config, ...PRESETS[state.preset].patch, dataset: state.dataset },
    norms: PRESETS[state.preset].sweepNorms || plan.norms,
    learningRates: plan.learningRates,
    seeds: plan.seeds,
    targetLoss: plan.targetLoss,
  };
}

/** True when the preset has a learning-rate sweep (the conv preset's claim is about the batch size). */
export const hasSweep = (state) => PRESETS[state.preset].sweepNorms?.length !== 0;

/** True when the sweep plan is the one the shipped JSON was computed from. */
export const isShippedPlan = (state) => state.preset === 'fair' && state.dataset === 'spirals';

/** A learning rate for display: 0.001, 0.03, 1, 3 (in the page's locale). */
export const fmtRate = (r) => formatNumber(r, { significant: 3, grouping: false });
