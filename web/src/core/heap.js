// heap.js — a call's arrays in a module's heap: one allocation for all of them (16-byte aligned for
// SIMD loads), freed whatever happens, and copies in and out (one each way, no per-element JS work).
// A HeapArray skips both copies: it lives in the heap between calls, and calls read and write it in place.
import { fail, NormlabError } from './module.js';

// Beyond this a byte offset no longer fits the 32-bit addresses the heap uses.
const MAX_BYTES = 2 ** 31;

function allocate(M, floats) {
  const base = floats * 4 < MAX_BYTES ? M._malloc(Math.max(16, floats * 4)) : 0;
  if (!base) throw new NormlabError('out of memory: the arrays are too large for this page');
  return base;
}

/** `length` floats kept in module M's heap until dispose(); array() views them (a Float32Array). */
export class HeapArray {
  #M;
  #address;
  #view = null;
  constructor(M, length) {
    this.#M = M;
    this.length = length;
    this.#address = allocate(M, length);
  }
  /** The heap address (throws once disposed). */
  get address() {
    if (!this.#address) fail('array', 'has been disposed');
    return this.#address;
  }
  /** A Float32Array over the floats, valid until the heap grows (take a new one after each core call). */
  array() {
    const heap = this.#M.HEAPF32;
    if (this.#view?.buffer !== heap.buffer)
      this.#view = heap.subarray(this.address >> 2, (this.address >> 2) + this.length);
    return this.#view;
  }
  /** Copies values (of this length) in. */
  set(values) {
    if (values.length !== this.length) fail('values', `must have the array's length (${this.length})`);
    this.array().set(values);
    return this;
  }
  dispose() {
    if (this.#address) this.#M._free(this.#address);
    this.#address = 0;
    this.#view = null;
  }
}

/** What withHeap needs for an array argument: room for its floats, or the HeapArray itself. */
export const room = (array) => (array instanceof HeapArray ? array : array.length);

export function createHeap(M) {
  /**
   * Runs fn(addresses) with room for sizes[i] floats at addresses[i] (or, for a HeapArray, its own
   * address); frees the room afterwards.
   */
  function withHeap(sizes, fn) {
    const offsets = [];
    let total = 0;
    for (const n of sizes) {
      if (n instanceof HeapArray) {
        offsets.push(n);
        continue;
      }
      offsets.push(total);
      total += Math.ceil(n / 4) * 4;
    }
    const base = allocate(M, total);
    try {
      return fn(offsets.map((o) => (o instanceof HeapArray ? o.address : base + o * 4)));
    } finally {
      M._free(base);
    }
  }

  // A HeapArray is already at its address: nothing to copy either way.
  const put = (ptr, array) => array instanceof HeapArray || M.HEAPF32.set(array, ptr >> 2);
  // new + set is several times faster than TypedArray.prototype.slice on V8 for large arrays.
  const take = (ptr, n, into = new Float32Array(n)) => {
    if (!(into instanceof HeapArray)) into.set(M.HEAPF32.subarray(ptr >> 2, (ptr >> 2) + n));
    return into;
  };
  return { withHeap, put, take };
}
