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
