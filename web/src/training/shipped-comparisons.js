// shipped-comparisons.js — the precomputed default comparisons (data/comparisons-default.json, docs/training.md
// "The shipped comparisons"): how the page finds the shipped runs of its settings and checks a live run against
// them. Which runs are shipped is figures/training/default-comparisons.js; every run is found by its whole config
// (runConfig()'s, what Start sends) and its steps, so a file made from other presets finds nothing.
//
//   indexShipped(shipped) -> lookup       shippedRuns(lookup, plan, state) -> { [variant]: run } | null
//   seriesOf(run) -> the views' series    firstDifference(run, liveSeries) -> step | null
import { runConfig } from './presets.js';
import { thin } from './thin.js';

/** One run's identity: its steps and its whole config, fields in name order. */
export const runKey = (steps, config) =>
  JSON.stringify([
    steps,
    ...Object.keys(config)
      .sort()
      .map((k) => [k, config[k]]),
  ]);

/** The shipped runs by runKey (an empty lookup for a missing or malformed file). */
export function indexShipped(shipped) {
  const runs = Array.isArray(shipped?.runs) ? shipped.runs : [];
  return new Map(runs.map((run) => [runKey(run.steps, run.config), run]));
}

/** The precomputed run of every variant of `state`, or null unless all of them were shipped. */
export function shippedRuns(lookup, plan, state) {
  if (!lookup.size || !state.variants.length) return null;
  const out = {};
  for (const key of state.variants) {
    const run = lookup.get(runKey(state.steps, runConfig(plan, state, key)));
    if (!run) return null;
    out[key] = run;
  }
  return out;
}

/**
 * A shipped run as the series the views draw ({ loss, evalSteps, evalLoss, evals, stepsDone, diverged,
 * divergence }): its loss holds the shipped points at the indices the chart draws (thin.js) and nothing else.
 */
export function seriesOf(run) {
  const loss = new Array(run.lossCount);
  thin(run.lossCount).forEach((i, j) => {
    loss[i] = run.loss[j];
  });
  const { stepsDone, diverged, divergence } = run;
  // The histogram's edges are shipped once per run (the config's fixed range), as the trainer reports them.
  const evals = run.evals.map((e) => ({ ...e, histogram: { ...e.histogram, edges: run.histEdges } }));
  return {
    loss,
    evals,
    evalSteps: evals.map((e) => e.step),
    evalLoss: evals.map((e) => e.train.loss),
    stepsDone,
    diverged,
    divergence,
  };
}

// The numbers of an evaluation that the check compares: all the trainer reports but the fixed histogram edges.
const numbersOf = (e) => [
  e.step,
  e.train.loss,
  e.train.accuracy,
  e.heldout.loss,
  e.heldout.accuracy,
  e.watchLayer,
  e.histogram.below,
  e.histogram.above,
  ...e.preactMean,
  ...e.preactStd,
  ...e.gradNorm,
  ...e.histogram.counts,
];
const sameBits = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * The first step at which a live series ({ loss, evals, stepsDone, diverged }) differs from the shipped run of
 * the same config — in a drawn loss point or an evaluation — or null when it is the same. Compares bits
 * (Object.is), not within a tolerance: the core gives the same bits natively and in WebAssembly.
 */
export function firstDifference(shipped, live) {
  const steps = [];
  const idx = thin(shipped.lossCount);
  const j = idx.findIndex((i, k) => !Object.is(live.loss[i], shipped.loss[k]));
  if (j >= 0) steps.push(idx[j] + 1);
  const n = Math.max(shipped.evals.length, live.evals.length);
  for (let k = 0; k < n; k++) {
    const [a, b] = [shipped.evals[k], live.evals[k]];
    if (!a || !b || !sameBits(numbersOf(a), numbersOf(b))) {
      steps.push((a || b).step);
      break;
    }
  }
  if (live.loss.length !== shipped.lossCount || live.diverged !== shipped.diverged)
    steps.push(Math.min(live.loss.length, shipped.lossCount) + 1);
  return steps.length ? Math.min(...steps) : null;
}
