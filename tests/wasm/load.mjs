// One loaded core per test file, through the public API the page uses.
import { loadCore } from '../../web/src/core.js';

let corePromise;
export function getCore() {
  corePromise ??= loadCore();
  return corePromise;
}

export function assertClose(actual, expected, tol, message = '') {
  if (actual.length !== expected.length) throw new Error(`${message} length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
      throw new Error(`${message} [${i}]: ${actual[i]} vs ${expected[i]} (tol ${tol})`);
    }
  }
}

/** 64-bit FNV-1a over the bytes of each double, in order, as hex: tools/sweep.cpp and tools/conv.cpp print it. */
export function fnv1a(values) {
  let h = 0xcbf29ce484222325n;
  const bytes = new Uint8Array(new Float64Array(values).buffer);
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}
