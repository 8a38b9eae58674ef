// Every invalid argument becomes an Error naming it; the module keeps working; nothing leaks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getCore } from './load.mjs';
import { NormlabError } from '../../web/src/core.js';

const core = await getCore();
const x12 = new Float32Array(12).fill(1);

function throwsArg(fn, argument, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error && e instanceof NormlabError, `not a NormlabError: ${e}`);
    assert.equal(e.argument, argument, e.message);
    assert.ok(e.message.startsWith(`${argument}: `), e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

test('each invalid argument names itself and the constraint', () => {
  throwsArg(() => core.normalize('batchnorm', x12, [2, 3, 2]), 'kind', /unknown normalization/);
  throwsArg(() => core.normalize('layer', new Float32Array(11), [2, 3, 2]), 'input', /does not match shape/);
  throwsArg(() => core.normalize('layer', new Float32Array(0), [0, 3, 2]), 'shape', /at least 1/);
  throwsArg(() => core.normalize('layer', x12, [2, 3]), 'shape');
  throwsArg(() => core.normalize('layer', x12, [2, 3, 2.5]), 'shape');
  throwsArg(() => core.normalize('layer', 'abc', [2, 3, 2]), 'input', /Float32Array/);
  throwsArg(() => core.normalize('layer', x12, [2, 3, 2], { eps: 0 }), 'eps', /> 0/);
  throwsArg(() => core.normalize('layer', x12, [2, 3, 2], { eps: NaN }), 'eps');
  throwsArg(() => core.normalize('layer', x12, [2, 3, 2], { epsilon: 1e-3 }), 'opts', /unknown option "epsilon"/);
  throwsArg(() => core.normalize('group', x12, [2, 3, 2], { groups: 2 }), 'groups', /divisible/);
  throwsArg(() => core.normalize('group', x12, [2, 3, 2]), 'groups', /required/);
  throwsArg(() => core.normalize('batch', new Float32Array(3), [1, 3, 1]), 'shape', /more than one value/);
  throwsArg(() => core.normalize('instance', new Float32Array(6), [2, 3, 1]), 'shape', /InstanceNorm/);
  throwsArg(
    () => core.normalize('batch', x12, [2, 3, 2], { gamma: new Float32Array(2) }),
    'gamma',
    /length 2 must be 3/,
  );
  throwsArg(() => core.normalize('batch', x12, [2, 3, 2], { gamma: new Float32Array([1, NaN, 1]) }), 'gamma', /finite/);
  throwsArg(() => core.normalize('rms', x12, [2, 3, 2], { beta: new Float32Array(6) }), 'beta', /RMSNorm/);
  throwsArg(() => core.normalize('batch', x12, [2, 3, 2], { training: false }), 'runningMean', /required/);
  throwsArg(() => core.normalize('batch', x12, [2, 3, 2], { runningMean: new Float32Array(3) }), 'runningVar');
  throwsArg(
    () => core.normalize('batch', x12, [2, 3, 2], { runningMean: [0, 0, 0], runningVar: [1, 1, 1] }),
    'runningMean',
    /in place/,
  );
  throwsArg(
    () =>
      core.normalize('batch', x12, [2, 3, 2], {
        training: false,
        runningMean: new Float32Array(3),
        runningVar: new Float32Array([1, -1, 1]),
      }),
    'runningVar',
  );
  throwsArg(() => core.normalize('batch', x12, [2, 3, 2], { momentum: 2 }), 'momentum');
  throwsArg(() => core.backward('layer', x12, new Float32Array(5), [2, 3, 2]), 'gradOutput');
  throwsArg(() => core.describe([]), 'values', /empty/);
  throwsArg(() => core.describe([1, NaN]), 'values', /finite/);
  throwsArg(() => core.describe([1], { bins: 0 }), 'bins');
  throwsArg(() => core.describe([1], { range: [2, 1] }), 'range');
  throwsArg(() => core.sample('gaussian', 3), 'distribution');
  throwsArg(() => core.sample('normal', 0), 'count');
  throwsArg(() => core.sample('normal', 3, { seed: -1 }), 'seed');
  throwsArg(() => core.sample('normal', 3, { seed: 1.5 }), 'seed');
  throwsArg(() => core.sample('normal', 3, { std: -1 }), 'std');
  throwsArg(() => core.sample('heavy', 3, { df: 0 }), 'df');
  throwsArg(() => core.sample('normal', 3, { mean: 1, shift: 1 }), 'mean');
  throwsArg(() => core.groupIds('group', [2, 4, 1], { groups: 3 }), 'groups');
});

test('the module still works after errors', () => {
  for (let i = 0; i < 50; i++) {
    assert.throws(() => core.normalize('group', x12, [2, 3, 2], { groups: 5 }));
  }
  const r = core.normalize('layer', new Float32Array([1, 2, 3, 4]), [1, 4, 1]);
  assert.ok(Math.abs(r.mean[0] - 2.5) < 1e-7);
});

test('a failed BatchNorm call leaves the running statistics untouched', () => {
  const runningMean = new Float32Array([5, 5, 5]);
  const runningVar = new Float32Array([2, 2, 2]);
  assert.throws(() => core.normalize('batch', x12, [2, 3, 2], { runningMean, runningVar, eps: -1 }));
  assert.deepEqual(Array.from(runningMean), [5, 5, 5]);
});

test('100,000 calls, failing ones included, do not grow the WASM heap', () => {
  const x = core.sample('normal', 64 * 32, { seed: 1 });
  const gamma = new Float32Array(32).fill(1);
  const runningMean = new Float32Array(32);
  const runningVar = new Float32Array(32).fill(1);
  const once = (i) => {
    switch (i % 5) {
      case 0:
        return core.normalize('batch', x, [64, 32, 1], { gamma, runningMean, runningVar });
      case 1:
        return core.backward('layer', x, x, [64, 32, 1]);
      case 2:
        return core.describe(x, { bins: 20 });
      case 3:
        return core.sample('skewed', 256, { seed: i });
      default:
        try {
          core.normalize('group', x, [64, 32, 1], { groups: 5 });
        } catch {
          /* expected */
        }
        return null;
    }
  };
  for (let i = 0; i < 1000; i++) once(i); // let the allocator reach its working size
  const before = core.heapBytes();
  for (let i = 0; i < 100000; i++) once(i);
  assert.equal(core.heapBytes(), before);
});
