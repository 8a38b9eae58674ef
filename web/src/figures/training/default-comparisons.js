// default-comparisons.js — which comparisons of the training figure are precomputed at build time
// (tools/comparisons.mjs; docs/training.md, "The shipped comparisons"): each preset's default state and each
// model-map entry's, cleaned as the figure cleans them, with every variant's config as runConfig() gives it — the
// configs Start sends to the workers. Here, beside the figure, because it reads both the training presets and the
// model map's (web/src/training/ does not import the figures).
//
//   defaultComparisons(plan) -> [{ id, state, runs: [{ key, config }] }]   ids: preset ids, "model-map:<entry>"
import { MODEL_ORDER, MODEL_PRESETS } from '../model-map/presets.js';
import { cleanerFor, PRESET_ORDER, runConfig } from '../../training/presets.js';

/** Every default comparison of the figure: the presets' (by id) and the model map's ("model-map:<id>"). */
export function defaultComparisons(plan) {
  const clean = cleanerFor(plan.learningRates);
  const states = [
    ...PRESET_ORDER.map((id) => [id, clean({ preset: id })]),
    ...MODEL_ORDER.map((id) => [`model-map:${id}`, clean(MODEL_PRESETS[id].training)]),
  ];
  return states.map(([id, state]) => ({
    id,
    state,
    runs: state.variants.map((key) => ({ key, config: runConfig(plan, state, key) })),
  }));
}
