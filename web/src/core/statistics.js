// statistics.js — the figures' statistics calls over the raw module: describe, group moments and the
// comparisons. A HeapArray argument is read in place (no copy); the core computes every number.
import { float32, kindName } from './args.js';
import { room } from './heap.js';
import { check } from './module.js';

export function statisticsCalls(M, heap) {
  const { withHeap, put } = heap;
  // Runs fn(addresses) with each array in the heap (copied in, or a HeapArray where it is).
  const inHeap = (arrays, fn) =>
    withHeap(arrays.map(room), (addresses) => {
      arrays.forEach((a, i) => put(addresses[i], a));
      return fn(addresses);
    });

  return {
    /**
     * count, mean, std (population), min, max, median, skewness and a numpy-style histogram.
     * opts.bins (40), opts.range [lo, hi], opts.median (true; false skips the partial sort: median NaN).
     */
    describe(values, opts = {}) {
      const v = float32(values, 'values');
      return inHeap([v], ([vp]) => check(M.describe(vp, v.length, opts)));
    },

    /** How many statistics normalize returns. */
    statCount(kind, shape, opts = {}) {
      return check(M.statCount(kindName(kind), shape, opts));
    },

    /** max |a[i] − b[i]| (NaN when an element is NaN): how far two outputs are apart. */
    maxAbsDifference(a, b) {
      const x = float32(a, 'a');
      const y = float32(b, 'b');
      return inHeap([x, y], ([ap, bp]) => check(M.maxAbsDifference(ap, x.length, bp, y.length)));
    },

    /** For every element, the index of the normalization group whose mean/rstd it uses. */
    groupIds(kind, shape, opts = {}) {
      return check(M.groupIds(kindName(kind), shape, opts));
    },

    /** Mean, std and skewness within each normalization group of values. */
    groupMoments(kind, values, shape, opts = {}) {
      const v = float32(values, 'values');
      return inHeap([v], ([vp]) => check(M.groupMoments(kindName(kind), vp, v.length, shape, opts)));
    },

    /** Percent closer to mean 0 and to std 1 after normalization (NaN where nothing could improve). */
    improvement(raw, normalized) {
      return check(M.improvement(raw, normalized));
    },
  };
}
