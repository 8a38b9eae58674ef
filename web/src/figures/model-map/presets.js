// presets.js — what each entry of the model map loads into the playground and the training simulation.
// The values are ones the figures' own controls offer (playground/hash.js cleanState, training/presets.js
// cleanerFor), so each preset arrives unchanged; tests/web/model-map-presets.test.mjs checks that.
// The figures keep their current value of a field a preset leaves out, so every entry sets ε, the batch size
// and the data set, and a previous entry's values never leak into the next (LLaMA's ε = 1e-6 into LayerNorm).
// The entries' prose (what the model is, what the preset shows, what the simulation cannot show) is lesson
// content: web/content/lesson.json, figureText.modelMap.entries.<id>.

export const MODEL_ORDER = Object.freeze(['resnet', 'transformer', 'llama', 'detection', 'style']);

export const MODEL_PRESETS = Object.freeze({
  // BatchNorm after each convolution, trained with a few dozen images per device.
  resnet: {
    kind: 'batch',
    playground: { kind: 'batch', n: 32, c: 64, eps: 1e-5, mode: 'train' },
    training: { preset: 'fair', dataset: 'spirals', batch: 64, variants: ['none', 'batch'] },
  },
  // LayerNorm over each token's d_model = 512 features (the base model of Vaswani et al.); the simulation's
  // residual pre-norm blocks are the pre-LN order.
  transformer: {
    kind: 'layer',
    playground: { kind: 'layer', n: 16, c: 512, eps: 1e-5 },
    training: { preset: 'transformer', dataset: 'spirals', batch: 64, variants: ['none', 'layer'] },
  },
  // RMSNorm over 4,096 features (LLaMA-7B's width) with ε = 1e-6, as in common LLaMA implementations.
  llama: {
    kind: 'rms',
    playground: { kind: 'rms', n: 4, c: 4096, eps: 1e-6 },
    training: { preset: 'transformer', dataset: 'spirals', batch: 64, variants: ['none', 'layer', 'rms'] },
  },
  // Two images per device: BatchNorm's statistics are noisy, GroupNorm (G = 32) does not care.
  detection: {
    kind: 'group',
    playground: { kind: 'group', n: 2, c: 256, g: 32, eps: 1e-5, mode: 'train' },
    training: { preset: 'fair', dataset: 'spirals', batch: 2, variants: ['none', 'batch', 'group'] },
  },
  // The playground's feature vectors have one position, where InstanceNorm is undefined (it says so);
  // the simulation has no InstanceNorm, so it compares the batch-free GroupNorm on the digit images.
  style: {
    kind: 'instance',
    playground: { kind: 'instance', n: 4, c: 64, eps: 1e-5 },
    training: { preset: 'fair', dataset: 'digits', batch: 16, variants: ['none', 'batch', 'group'] },
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
