// presets.js — what each entry of the model map loads into the playground and the training simulation.
// The values are ones the figures' own controls offer (playground/hash.js cleanState, training/presets.js
// cleanerFor), so each preset arrives unchanged; tests/web/model-map-presets.test.mjs checks that.
// The figures keep their current value of a field a preset leaves out, so every entry sets ε, the batch size
// and the data set, and a previous entry's values never leak into the next (LLaMA's ε = 1e-6 into LayerNorm).
// The entries' prose (what the model is, what the preset shows, what the simulation cannot show) is lesson
// content: web/content/lesson.json, figureText.modelMap.entries.<id>.

export const MODEL_ORDER = Object.freeze(['resnet', 'transformer', 'llama', 'detection', 'style']);

// The Transformer preset's own run (training/presets.js): rate 0.03, batch 32, 250 steps, with these variants.
const transformerRun = (variants) => ({
  preset: 'transformer',
  dataset: 'sequence',
  batch: 32,
  rate: 0.03,
  steps: 250,
  variants,
});

export const MODEL_PRESETS = Object.freeze({
  // BatchNorm after each convolution, trained with a few dozen images per device; the simulation's conv net
  // at batch 32 and a rate where it trains only with BatchNorm.
  resnet: {
    kind: 'batch',
    playground: { kind: 'batch', n: 32, c: 64, eps: 1e-5, mode: 'train' },
    training: { preset: 'conv', dataset: 'digits', batch: 32, rate: 1, steps: 750, variants: ['none', 'batch'] },
  },
  // LayerNorm over each token's d_model = 512 features (the base model of Vaswani et al.); the simulation's
  // Transformer at the rate where Post-LN needs its warm-up (Xiong et al. 2020).
  transformer: {
    kind: 'layer',
    playground: { kind: 'layer', n: 16, c: 512, eps: 1e-5 },
    training: transformerRun(['pre-layer', 'post-layer', 'post-layer-warmup']),
  },
  // RMSNorm over 4,096 features (LLaMA-7B's width) with ε = 1e-6, as in common LLaMA implementations; the
  // simulation's Transformer in LLaMA's pre-norm order, RMSNorm beside LayerNorm.
  llama: {
    kind: 'rms',
    playground: { kind: 'rms', n: 4, c: 4096, eps: 1e-6 },
    training: transformerRun(['pre-layer', 'pre-rms']),
  },
  // One or two images per device: BatchNorm's statistics are noisy, GroupNorm (G = 32) does not care. The
  // simulation's conv net shows it at batch 1 (at 2 its BatchNorm still works: docs/training.md).
  detection: {
    kind: 'group',
    playground: { kind: 'group', n: 2, c: 256, g: 32, eps: 1e-5, mode: 'train' },
    training: {
      preset: 'conv',
      dataset: 'digits',
      batch: 1,
      rate: 0.003,
      steps: 3000,
      variants: ['none', 'batch', 'group'],
    },
  },
  // The playground's feature vectors have one position, where InstanceNorm is undefined (it says so); the
  // simulation's conv net normalizes each image's channels over their 8 × 8 positions.
  style: {
    kind: 'instance',
    playground: { kind: 'instance', n: 4, c: 64, eps: 1e-5 },
    training: {
      preset: 'conv',
      dataset: 'digits',
      batch: 16,
      rate: 0.03,
      steps: 750,
      variants: ['none', 'batch', 'instance'],
    },
  },
});

/** The message for the preset bus (web/src/ui/preset-bus.js) when entry `id` is chosen. */
export function presetMessage(id, label) {
  const preset = MODEL_PRESETS[id];
  if (!preset) throw new RangeError(`Unknown model-map entry "${id}".`);
  return {
    id: `model-map:${id}`,
    label,
    playground: { ...preset.playground },
    training: { ...preset.training, variants: [...preset.training.variants] },
  };
}
