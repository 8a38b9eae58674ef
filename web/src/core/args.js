// args.js — the checks only JavaScript can make: an argument's JS type, before it is copied into the heap
// or handed to a binding that would otherwise throw a TypeError without the argument's name. Every rule
// about a value is the core's.
import { HeapArray } from './heap.js';
import { fail } from './module.js';
import { DISTRIBUTIONS, KINDS } from '../vocabulary.js';

export { DISTRIBUTIONS, KINDS };

/** value as a Float32Array (copied from an array or another typed array), or the HeapArray it is. */
export function float32(value, argument) {
  if (value instanceof Float32Array || value instanceof HeapArray) return value;
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    return Float32Array.from(value);
  }
  return fail(argument, 'must be a Float32Array (or an array of numbers, or a core.heapArray)');
}

export function number(value, argument, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') fail(argument, 'must be a number');
  return value;
}

export function checkKeys(opts, allowed, argument = 'opts') {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) fail(argument, 'must be an object');
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) fail(argument, `unknown option "${key}" (expected ${allowed.join(', ')})`);
  }
  return opts;
}

export function toShape(shape) {
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((d) => typeof d === 'number')) {
    fail('shape', 'must be an array of three numbers [N, C, L]');
  }
  return { n: shape[0], c: shape[1], l: shape[2] };
}

export function kindName(kind) {
  if (typeof kind !== 'string') fail('kind', `must be one of ${KINDS.join(', ')}`);
  return kind;
}

export function distributionName(distribution) {
  if (typeof distribution !== 'string') fail('distribution', `must be one of ${DISTRIBUTIONS.join(', ')}`);
  return distribution;
}

/** A caller's array for a result of `length` floats: a Float32Array or a HeapArray of that length. */
export function resultArray(value, argument, length) {
  if (value === undefined) return undefined;
  if (!(value instanceof Float32Array || value instanceof HeapArray) || value.length !== length) {
    fail(argument, `must be a Float32Array (or a core.heapArray) of the input's length (${length})`);
  }
  return value;
}
