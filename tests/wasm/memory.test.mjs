// memory.test.mjs — WASM heap stress: 100,000 mixed calls of every core.js function, about half of them
// failing in the core (every function has its failing variants), must leave the WASM heap exactly the
// size it had after a warm-up. The heap only grows (core.heapBytes() is the memory's byte length), so any
// leak of the arrays core.js copies in and out, of the core's own allocations or of the exception objects
// thrown on the error paths shows up as growth once it exceeds the free heap left after the warm-up
// (about 15 MB of the initial 16 MB here: that is, leaks of roughly 150 bytes per call or more).
// Arrays are kept small so that the warm-up working set, and with it that free heap, stays small.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getCore } from './load.mjs';
import { DISTRIBUTIONS, KINDS, NormlabError } from '../../web/src/core.js';

const core = await getCore();

const N = 8,
  C = 16,
  L = 4;
const shape = [N, C, L];
const x = core.sample('normal', N * C * L, { seed: 3, mean: 2, std: 3 });
const g = core.sample('uniform', N * C * L, { seed: 4 });
const channelOnes = new Float32Array(C).fill(1);
const channelZeros = new Float32Array(C);
const elementOnes = new Float32Array(C * L).fill(1);
const runningMean = new Float32Array(C);
const runningVar = new Float32Array(C).fill(1);
const output = new Float32Array(N * C * L);
const withNaN = Float32Array.from(x, (v, i) => (i === 17 ? NaN : v));

// Each entry: [name, call, fails]. Failing calls must throw a NormlabError (the core's error object came
// back through the binding, or core.js rejected a type); every other outcome fails the test.
const CALLS = [
  [
    'normalize batch training + running stats',
    () =>
      core.normalize('batch', x, shape, {
        gamma: channelOnes,
        beta: channelZeros,
        runningMean,
        runningVar,
        momentum: 0.1,
      }),
    false,
  ],
  [
    'normalize batch eval',
    () => core.normalize('batch', x, shape, { training: false, runningMean, runningVar, output }),
    false,
  ],
  ['normalize layer', () => core.normalize('layer', x, shape, { gamma: elementOnes, beta: elementOnes }), false],
  ['normalize rms', () => core.normalize('rms', x, shape, { gamma: elementOnes }), false],
  ['normalize group', () => core.normalize('group', x, shape, { groups: 4, gamma: channelOnes }), false],
  ['normalize instance', () => core.normalize('instance', x, shape, { beta: channelZeros }), false],
  ['backward batch', () => core.backward('batch', x, g, shape, { gamma: channelOnes, beta: channelZeros }), false],
  [
    'backward batch eval',
    () => core.backward('batch', x, g, shape, { training: false, runningMean, runningVar }),
    false,
  ],
  ['backward layer', () => core.backward('layer', x, g, shape, { gamma: elementOnes }), false],
  ['backward rms', () => core.backward('rms', x, g, shape), false],
  ['backward group', () => core.backward('group', x, g, shape, { groups: 8, beta: channelZeros }), false],
  ['backward instance', () => core.backward('instance', x, g, shape), false],
  ['describe', () => core.describe(x, { bins: 30 }), false],
  ['describe with range', () => core.describe(x, { bins: 10, range: [-1, 1] }), false],
  ['sample', (i) => core.sample(DISTRIBUTIONS[i % DISTRIBUTIONS.length], 200, { seed: i, mean: 1, std: 2 }), false],
  ['statCount', () => core.statCount('group', shape, { groups: 2 }), false],
  ['groupIds', () => core.groupIds('group', [2, 8, 3], { groups: 4 }), false],
  ['groupMoments', () => core.groupMoments('instance', x, shape), false],
  ['improvement', () => core.improvement({ mean: 3, std: 2 }, { mean: 0.1, std: 1.1 }), false],
  [
    'batchSpread',
    // A few kinds suffice here: the stress is on the allocations, not on every kind's statistic.
    (i) =>
      core.batchSpread(['batch', 'layer', 'group'][i % 3], 'skewed', {
        batch: 8,
        features: 4,
        repeats: 4,
        groups: 2,
        seed: i,
      }),
    false,
  ],
  ['runningTrace', (i) => core.runningTrace('bimodal', { batch: 8, features: 3, steps: 4, seed: i }), false],
  [
    'explainElement',
    (i) =>
      core.explainElement(KINDS[i % KINDS.length], x, shape, i % (N * C * L), {
        groups: 4,
        gamma: i % 5 < 1 || i % 5 > 2 ? channelOnes : elementOnes,
      }),
    false,
  ],
  ['maxAbsDifference', () => core.maxAbsDifference(x, g), false],

  // Failing calls: rejected by the core (they cross into WASM and come back as { error }) ...
  ['normalize: bad groups', () => core.normalize('group', x, shape, { groups: 5 }), true],
  ['normalize: eps <= 0', () => core.normalize('layer', x, shape, { eps: -1 }), true],
  ['normalize: length mismatch', () => core.normalize('rms', x, [N, C, L + 1]), true],
  [
    'normalize: NaN gamma',
    () => core.normalize('batch', x, shape, { gamma: Float32Array.from(channelOnes, (v, i) => (i ? v : NaN)) }),
    true,
  ],
  ['normalize: eval without running stats', () => core.normalize('batch', x, shape, { training: false }), true],
  ['normalize: unknown kind', () => core.normalize('weight', x, shape), true],
  ['normalize: zero dimension', () => core.normalize('layer', x, [0, C, L]), true],
  ['normalize: huge shape', () => core.normalize('layer', x, [2 ** 20, 2 ** 20, 1]), true],
  ['backward: gradOutput length', () => core.backward('layer', x, g.subarray(1), shape), true],
  ['backward: beta for rms', () => core.backward('rms', x, g, shape, { beta: elementOnes }), true],
  ['backward: instance with L = 1', () => core.backward('instance', x, g, [N, C * L, 1]), true],
  ['describe: NaN', () => core.describe(withNaN), true],
  ['describe: empty', () => core.describe(new Float32Array(0)), true],
  ['describe: bins', () => core.describe(x, { bins: 0 }), true],
  ['describe: range', () => core.describe(x, { range: [2, 1] }), true],
  ['sample: scale < 0', () => core.sample('normal', 100, { std: -1 }), true],
  ['sample: df', () => core.sample('heavy', 100, { df: 0 }), true],
  ['sample: weight', () => core.sample('bimodal', 100, { weight: 2 }), true],
  ['sample: unknown distribution', () => core.sample('cauchy', 100), true],
  ['statCount: unknown kind', () => core.statCount('none', shape), true],
  ['groupIds: groups', () => core.groupIds('group', [2, 8, 3], { groups: 3 }), true],
  ['groupIds: zero dimension', () => core.groupIds('layer', [2, 0, 3]), true],
  ['explainElement: index out of range', () => core.explainElement('layer', x, shape, N * C * L), true],
  ['explainElement: groups', () => core.explainElement('group', x, shape, 0, { groups: 3 }), true],
  ['maxAbsDifference: lengths', () => core.maxAbsDifference(x, g.subarray(1)), true],
  ['groupMoments: length', () => core.groupMoments('layer', x.subarray(3), shape), true],
  ['batchSpread: repeats', () => core.batchSpread('batch', 'normal', { batch: 8, features: 4, repeats: 1 }), true],
  ['batchSpread: batch 1', () => core.batchSpread('batch', 'normal', { batch: 1, features: 4, repeats: 3 }), true],
  ['batchSpread: distribution', () => core.batchSpread('layer', 'zipf', { batch: 8, features: 4 }), true],
  ['runningTrace: steps', () => core.runningTrace('normal', { batch: 8, features: 3, steps: 0 }), true],
  ['runningTrace: momentum', () => core.runningTrace('normal', { batch: 8, features: 3, momentum: 2 }), true],
  [
    'runningTrace: batch 0, many features',
    () => core.runningTrace('normal', { batch: 0, features: 50000, steps: 3 }),
    true,
  ],
  // ... and by core.js before the WASM call (types), which must not leave an allocation behind either.
  ['normalize: shape type', () => core.normalize('layer', x, [N, C]), true],
  ['backward: unknown option', () => core.backward('layer', x, g, shape, { output }), true],
  ['improvement: not an object', () => core.improvement(3, { mean: 0, std: 1 }), true],
  ['sample: count', () => core.sample('normal', 0), true],
];

function once(i) {
  const [name, call, fails] = CALLS[i % CALLS.length];
  let error = null;
  try {
    call(i);
  } catch (e) {
    error = e;
  }
  if (fails && !(error instanceof NormlabError)) {
    throw new Error(`${name}: expected a NormlabError, got ${error ? `${error.name}: ${error.message}` : 'a result'}`);
  }
  if (!fails && error) throw new Error(`${name}: unexpected ${error.name}: ${error.message}`);
}

test('100,000 mixed calls of every function, failing ones included, leave the WASM heap unchanged', () => {
  const failing = CALLS.filter((c) => c[2]).length;
  assert.ok(failing * 3 > CALLS.length, 'a good share of the calls must fail');
  for (let i = 0; i < 5 * CALLS.length; i++) once(i); // warm-up: the allocator reaches its working size
  const before = core.heapBytes();
  for (let i = 0; i < 100000; i++) once(i);
  assert.equal(core.heapBytes(), before, `the heap grew from ${before} to ${core.heapBytes()} bytes`);
  // The module still computes correctly afterwards.
  const r = core.normalize('layer', new Float32Array([1, 2, 3, 4]), [1, 4, 1]);
  assert.ok(Math.abs(r.mean[0] - 2.5) < 1e-7);
});
