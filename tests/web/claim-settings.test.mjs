// The settings each claim is recomputed with (tests/core/test_claims_*.cpp) against the runs the learner sees.
// The C++ claims cannot read the page's presets, so their settings are written there too; this test is the
// tripwire between the two: change a preset's default run (web/src/training/presets.js) or a model-map card's
// (web/src/figures/model-map/presets.js) and it fails, naming the claims whose sentences describe that run —
// recompute them (ctest -R claim) with the new settings and update the sentences and the C++ settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STEPS, defaultState, PRESETS } from '../../web/src/training/presets.js';
import { MODEL_PRESETS } from '../../web/src/figures/model-map/presets.js';

// What each claim file runs: rate, batch and steps of the comparison, and its variants where they matter.
const CLAIMED = [
  {
    claims: 'mlp-fair-default-rate, mlp-fair-shared-rate (test_claims_mlp.cpp: fair_run)',
    expected: { preset: 'fair', rate: 0.3, batch: 64, steps: 750 },
    actual: () => {
      const s = defaultState();
      return { preset: s.preset, rate: s.rate, batch: s.batch, steps: s.steps };
    },
  },
  {
    claims: "mlp-fair-shared-rate (the other rate, 0.03: one of the sweep plan's rates)",
    expected: { steps: 750 },
    actual: () => ({ steps: DEFAULT_STEPS }),
  },
  {
    claims: 'mlp-hard, mlp-hard-range, mlp-hard-ln (test_claims_mlp.cpp: hard_config)',
    expected: { activation: 'sigmoid', init: 'xavier', sweepNorms: ['none', 'batch', 'layer', 'rms'] },
    actual: () => ({ ...PRESETS.hard.patch, sweepNorms: [...PRESETS.hard.sweepNorms] }),
  },
  {
    claims: 'tfm-preset-post-rms and the Transformer preset (test_claims_transformer.cpp: comparison)',
    expected: { rate: 0.03, batch: 32, steps: 250, variants: ['pre-layer', 'post-layer', 'pre-rms', 'post-rms'] },
    actual: () => ({
      rate: PRESETS.transformer.rate,
      batch: PRESETS.transformer.state.batch,
      steps: PRESETS.transformer.state.steps,
      variants: [...PRESETS.transformer.variants],
    }),
  },
  {
    claims: 'conv-preset-batch1 (test_claims_conv.cpp: comparison(norm, 1, 0.003, 3000))',
    expected: { rate: 0.003, batch: 1, steps: 3000, variants: ['none', 'batch', 'group'] },
    actual: () => ({
      rate: PRESETS.conv.rate,
      batch: PRESETS.conv.state.batch,
      steps: PRESETS.conv.state.steps,
      variants: [...PRESETS.conv.variants],
    }),
  },
  ...[
    ['resnet', 'conv-resnet-rate: comparison(norm, 32, 1.0, 750)', { rate: 1, batch: 32, steps: 750 }],
    ['detection', 'conv-preset-batch1: comparison(norm, 1, 0.003, 3000)', { rate: 0.003, batch: 1, steps: 3000 }],
    ['style', 'conv-style-instance: comparison(norm, 16, 0.03, 750)', { rate: 0.03, batch: 16, steps: 750 }],
    [
      'transformer',
      'tfm-preset-postln, tfm-preset-warmup: rate 0.03, 250 steps',
      { rate: 0.03, batch: 32, steps: 250 },
    ],
    ['llama', 'tfm-preset-rms: rate 0.03, 250 steps', { rate: 0.03, batch: 32, steps: 250 }],
  ].map(([card, claims, expected]) => ({
    claims: `${claims} (model-map card ${card})`,
    expected,
    actual: () => {
      const { rate, batch, steps } = MODEL_PRESETS[card].training;
      return { rate, batch, steps };
    },
  })),
];

for (const { claims, expected, actual } of CLAIMED) {
  test(`the run behind ${claims} is the one the learner sees`, () => {
    assert.deepEqual(actual(), expected, `recompute ${claims} before changing this run`);
  });
}
