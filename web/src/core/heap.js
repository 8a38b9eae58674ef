// heap.js — a call's arrays in a module's heap: one allocation for all of them (16-byte aligned for
// SIMD loads), freed whatever happens, and copies in and out (one each way, no per-element JS work).
import { NormlabError } from './module.js';

// Beyond this a byte offset no longer fits the 32-bit addresses the heap uses.
const MAX_BYTES = 2 ** 31;

export function createHeap(M) {
  /** Runs fn(addresses) with room for sizes[i] floats at addresses[i]; frees it afterwards. */
  function withHeap(sizes, fn) {
    const offsets = [];
    let total = 0;
    for (const n of sizes) {
      offsets.push(total);
      total += Math.ceil(n / 4) * 4;
    }
    const base = total * 4 < MAX_BYTES ? M._malloc(Math.max(16, total * 4)) : 0;
    if (!base) throw new NormlabError('out of memory: the arrays are too large for this page');
    try {
      return fn(offsets.map((o) => base + o * 4));
    } finally {
      M._free(base);
    }
  }

  const put = (ptr, array) => M.HEAPF32.set(array, ptr >> 2);
  // new + set is several times faster than TypedArray.prototype.slice on V8 for large arrays.
  const take = (ptr, n, into = new Float32Array(n)) => {
    into.set(M.HEAPF32.subarray(ptr >> 2, (ptr >> 2) + n));
    return into;
  };
  return { withHeap, put, take };
}
