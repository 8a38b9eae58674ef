// figures.js — the figures' core object over the raw module (normlab.wasm): idiomatic names and
// defaults, arrays copied into the heap and back, the core's errors thrown. It never computes a statistic.
import { distributionName, float32, kindName, number, toShape } from './args.js';
import { createHeap } from './heap.js';
import { check, fail, NormlabError } from './module.js';
import { createNormOptions } from './norm-options.js';

// The core names shift/scale; a caller who wrote mean/std should see the name they used.
function withAliases(opts, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NormlabError) {
      const alias = { shift: 'mean', scale: 'std' }[e.argument];
      if (alias && opts?.[alias] !== undefined) throw new NormlabError(e.message.replace(e.argument, alias), alias);
    }
    throw e;
  }
}

export function createCore(M) {
  const heap = createHeap(M);
  const { withHeap, put, take } = heap;
  const normOptions = createNormOptions(M, heap);

  return Object.freeze({
    version: M.version(),

    /**
     * Forward pass: { output, mean, rstd } (one mean/rstd per normalization group).
     * opts.output (a Float32Array of N*C*L) is filled and returned as output instead of a new array:
     * live figures reuse one buffer and skip an allocation per redraw.
     */
    normalize(kind, input, shape, opts = {}) {
      const x = float32(input, 'input');
      const s = toShape(shape);
      const p = normOptions.prepare(opts, true);
      const into = opts?.output;
      if (into !== undefined && (!(into instanceof Float32Array) || into.length !== x.length)) {
        fail('output', `must be a Float32Array of the input's length (${x.length})`);
      }
      // Room for the largest statistics count any kind can need; the binding reports the real one.
      const maxCount = Math.max(s.c, s.n * s.c);
      return withHeap([x.length, x.length, maxCount, maxCount, ...p.sizes], ([xp, yp, mp, rp, ...pp]) => {
        put(xp, x);
        const count = check(M.normalize(kindName(kind), xp, x.length, s.n, s.c, s.l, p.fill(pp), yp, mp, rp));
        p.copyBack(pp);
        return { output: take(yp, x.length, into), mean: take(mp, count), rstd: take(rp, count) };
      });
    },

    /** Gradients of the forward pass: { gradInput, gradGamma?, gradBeta? }. */
    backward(kind, input, gradOutput, shape, opts = {}) {
      const x = float32(input, 'input');
      const g = float32(gradOutput, 'gradOutput');
      const s = toShape(shape);
      if (opts?.output !== undefined) fail('opts', 'unknown option "output" (backward returns new arrays)');
      const p = normOptions.prepare(opts);
      const ng = p.values.gamma?.length ?? 0;
      const nb = p.values.beta?.length ?? 0;
      return withHeap([x.length, g.length, x.length, ng, nb, ...p.sizes], ([xp, gp, dxp, dgp, dbp, ...pp]) => {
        put(xp, x);
        put(gp, g);
        check(M.backward(kindName(kind), xp, gp, x.length, g.length, s.n, s.c, s.l, p.fill(pp), dxp, dgp, dbp));
        const result = { gradInput: take(dxp, x.length) };
        if (ng) result.gradGamma = take(dgp, ng);
        if (nb) result.gradBeta = take(dbp, nb);
        return result;
      });
    },

    /**
     * count, mean, std (population), min, max, median, skewness and a numpy-style histogram.
     * opts.bins (40), opts.range [lo, hi], opts.median (true; false skips the partial sort: median NaN).
     */
    describe(values, opts = {}) {
      const v = float32(values, 'values');
      return withHeap([v.length], ([vp]) => {
        put(vp, v);
        return check(M.describe(vp, v.length, opts));
      });
    },

    /** count draws from a seeded distribution (normal, uniform, skewed, bimodal, heavy). */
    sample(distribution, count, opts = {}) {
      const n = number(count, 'count', NaN);
      return withAliases(opts, () => check(M.sample(distributionName(distribution), n, opts)));
    },

    /** How many statistics normalize returns. */
    statCount(kind, shape, opts = {}) {
      return check(M.statCount(kindName(kind), shape, opts));
    },

    /**
     * Element `index` of normalize(kind, input, shape, opts), step by step: { x, group, groupSize, mean, rstd,
     * centered, normalized, param, gamma, beta, output }, with output/mean/rstd exactly normalize()'s.
     * Running statistics are read (BatchNorm eval) but never updated; opts.output is not accepted.
     */
    explainElement(kind, input, shape, index, opts = {}) {
      const x = float32(input, 'input');
      const s = toShape(shape);
      if (opts?.output !== undefined) fail('opts', 'unknown option "output" (explainElement returns one element)');
      const i = number(index, 'index');
      const p = normOptions.prepare(opts);
      return withHeap([x.length, ...p.sizes], ([xp, ...pp]) => {
        put(xp, x);
        return check(M.explainElement(kindName(kind), xp, x.length, s.n, s.c, s.l, i, p.fill(pp)));
      });
    },

    /** max |a[i] − b[i]| (NaN when an element is NaN): how far two outputs are apart. */
    maxAbsDifference(a, b) {
      const x = float32(a, 'a');
      const y = float32(b, 'b');
      return withHeap([x.length, y.length], ([ap, bp]) => {
        put(ap, x);
        put(bp, y);
        return check(M.maxAbsDifference(ap, x.length, bp, y.length));
      });
    },

    /** For every element, the index of the normalization group whose mean/rstd it uses. */
    groupIds(kind, shape, opts = {}) {
      return check(M.groupIds(kindName(kind), shape, opts));
    },

    /** Mean, std and skewness within each normalization group of values. */
    groupMoments(kind, values, shape, opts = {}) {
      const v = float32(values, 'values');
      return withHeap([v.length], ([vp]) => {
        put(vp, v);
        return check(M.groupMoments(kindName(kind), vp, v.length, shape, opts));
      });
    },

    /** Percent closer to mean 0 and to std 1 after normalization (NaN where nothing could improve). */
    improvement(raw, normalized) {
      return check(M.improvement(raw, normalized));
    },

    /** Per-repeat statistics of the group holding element [0,0,0] for fresh batches: BatchNorm's noise. */
    batchSpread(kind, distribution, opts = {}) {
      return withAliases(opts, () => check(M.batchSpread(kindName(kind), distributionName(distribution), opts)));
    },

    /** BatchNorm running statistics of channel 0 over training steps, against the batch statistics. */
    runningTrace(distribution, opts = {}) {
      return withAliases(opts, () => check(M.runningTrace(distributionName(distribution), opts)));
    },

    /** Current size of the WASM heap in bytes (it only grows; tests use it to prove nothing leaks). */
    heapBytes() {
      return M.HEAPU8.buffer.byteLength;
    },
  });
}
