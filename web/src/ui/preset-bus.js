// preset-bus.js — one page-wide channel for "load this set-up into the figures": the model map (and the
// teacher panel) publish a preset; the playground and the training figure apply their part of it. A figure
// mounted after the publication (they load lazily) still receives the latest one.
//
//   publishPreset({ id, label, playground?: partial playground state, training?: partial training state })
//   subscribePreset(handler) -> unsubscribe      handler(preset) is called at once with the latest preset, if any
//
// What the figures accept (each field optional; a field left out keeps the figure's current value; a value
// the figure does not offer falls back to its default, so a preset can never break a figure):
//   playground (figures/playground/hash.js cleanState):
//     kind   'batch' | 'layer' | 'rms' | 'group' | 'instance'
//     n      batch size, one of BATCH_SIZES (1 … 512)        c     features, one of FEATURES (8 … 4096)
//     g      GroupNorm groups, a divisor of c (else the default for c: 32 or the largest divisor below)
//     eps    one of EPSILONS (1e-8 … 1)                      gamma 0 … 3 in steps of 0.05   beta −3 … 3, steps of 0.1
//     dist   'normal' | 'skewed' | 'bimodal' | 'heavy' | 'uniform'
//     mode   'train' | 'eval' (BatchNorm)                    seed  integer ≥ 1
//   training (training/presets.js cleanerFor):
//     preset   'fair' | 'hard' | 'transformer'; switching preset without `variants`/`rate` takes the preset's own
//     variants array of 'none' | 'batch' | 'layer' | 'rms' | 'group' (the runs to compare)
//     rate     one of the sweep's learning rates (0.001 … 3)  batch  1 | 2 | 4 | … | 128
//     dataset  'spirals' | 'digits'                          steps  250 | 500 | 750 | 1000 | 2000 | 3000
//     log      boolean (logarithmic loss axis)

const handlers = new Set();
let latest = null;

/** Send `preset` to every subscriber (figures apply the part named after them). */
export function publishPreset(preset) {
  latest = preset;
  for (const handler of [...handlers]) {
    try { handler(preset); } catch (error) { console.error(error); }
  }
}

/** Receive presets; the latest one (if any) arrives at once. Returns a function that unsubscribes. */
export function subscribePreset(handler) {
  handlers.add(handler);
  if (latest) {
    try { handler(latest); } catch (error) { console.error(error); }
  }
  return () => handlers.delete(handler);
}

/** Forget the latest preset (tests). */
export function resetPresetBus() {
  latest = null;
  handlers.clear();
}
