// sampling.js — the figures' seeded draws over the raw module: sample, and the two experiments that draw
// fresh batches (BatchNorm's batch noise, running statistics over training steps).
import { distributionName, kindName, number } from './args.js';
import { check, fail, NormlabError } from './module.js';

// The core names shift/scale; a caller who wrote mean/std should see the name they used. The core's error
// carries the argument but not the constraint on its own: its message is "<argument>: <constraint>" (fail's
// form), so the constraint is what follows that prefix.
function withAliases(opts, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NormlabError) {
      const alias = { shift: 'mean', scale: 'std' }[e.argument];
      const prefix = `${e.argument}: `;
      if (alias && opts?.[alias] !== undefined && e.message.startsWith(prefix)) {
        fail(alias, e.message.slice(prefix.length));
      }
    }
    throw e;
  }
}

export function samplingCalls(M) {
  return {
    /** count draws from a seeded distribution (normal, uniform, skewed, bimodal, heavy). */
    sample(distribution, count, opts = {}) {
      const n = number(count, 'count', NaN);
      return withAliases(opts, () => check(M.sample(distributionName(distribution), n, opts)));
    },

    /** Per-repeat statistics of the group holding element [0,0,0] for fresh batches: BatchNorm's noise. */
    batchSpread(kind, distribution, opts = {}) {
      return withAliases(opts, () => check(M.batchSpread(kindName(kind), distributionName(distribution), opts)));
    },

    /** BatchNorm running statistics of channel 0 over training steps, against the batch statistics. */
    runningTrace(distribution, opts = {}) {
      return withAliases(opts, () => check(M.runningTrace(distributionName(distribution), opts)));
    },
  };
}
