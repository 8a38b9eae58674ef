// Expected values that the browser tests (tests/e2e) and the API tests (tests/wasm) both check against,
// computed in Node by direct calls of the same WebAssembly core the page loads (never through figure code),
// written once so that the two suites cannot come to expect different things.
import { INPUT_PRESETS } from '../../web/src/figures/inputs.js';

/** summarizeSweep of a shipped sweep file (web/public/data/sweep-default.json), one variant per norm. */
export const summarizeShipped = (trainer, shipped) =>
  trainer.summarizeSweep(
    shipped.norms.map((norm) => ({
      norm,
      targetLoss: shipped.targetLoss,
      learningRates: shipped.learningRates,
      seeds: shipped.seeds,
      runs: shipped.runs.filter((r) => r.norm === norm),
    })),
  );

/**
 * The playground's numbers for state `s` (training mode): its input x, the normalize() options and output y,
 * the summaries of both and the improvement between them.
 */
export function playgroundExpected(core, s) {
  const x = core.sample(s.dist, s.n * s.c, { seed: s.seed, ...INPUT_PRESETS[s.dist] });
  const opts = { eps: s.eps, gamma: new Float32Array(s.c).fill(s.gamma), groups: s.kind === 'group' ? s.g : 0 };
  if (s.kind !== 'rms') opts.beta = new Float32Array(s.c).fill(s.beta);
  const y = core.normalize(s.kind, x, [s.n, s.c, 1], opts).output;
  const raw = core.describe(x);
  const norm = core.describe(y);
  return { x, y, opts, raw, norm, improvement: core.improvement(raw, norm) };
}
