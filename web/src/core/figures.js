// figures.js — the figures' core object over the raw module (normlab.wasm): idiomatic names and
// defaults, arrays copied into the heap and back (or kept there in HeapArrays), the core's errors thrown.
// It never computes a statistic. The calls live by purpose in normalization.js, statistics.js and
// sampling.js.
import { number } from './args.js';
import { createHeap, HeapArray } from './heap.js';
import { fail } from './module.js';
import { createNormOptions } from './norm-options.js';
import { normalizationCalls } from './normalization.js';
import { samplingCalls } from './sampling.js';
import { statisticsCalls } from './statistics.js';

export function createCore(M) {
  const heap = createHeap(M);
  return Object.freeze({
    version: M.version(),
    ...normalizationCalls(M, heap, createNormOptions(M, heap)),
    ...statisticsCalls(M, heap),
    ...samplingCalls(M),

    /**
     * `length` floats that stay in the WASM heap until dispose(): normalize, backward, describe and
     * groupMoments read them (and normalize's opts.output, backward's opts.gradInput write them) in place,
     * with no copy. array() views them as a Float32Array (take a new view after a call: the heap may grow).
     */
    heapArray(length) {
      const n = number(length, 'length', NaN);
      if (!Number.isInteger(n) || n < 0) fail('length', 'must be an integer >= 0');
      return new HeapArray(M, n);
    },

    /** Current size of the WASM heap in bytes (it only grows; tests use it to prove nothing leaks). */
    heapBytes() {
      return M.HEAPU8.buffer.byteLength;
    },
  });
}
