// core.heapArray: arrays kept in the WASM heap between calls, read and written in place. Every call gives
// bit for bit what it gives on the same values as a Float32Array; errors leave the arrays usable.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getCore } from './load.mjs';
import { KINDS } from '../../web/src/core.js';

const core = await getCore();
const shape = [8, 12, 1];
const x = core.sample('skewed', 96, { seed: 4, mean: 3, std: 2 });
const gamma = new Float32Array(12).fill(1.5);

test('normalize, backward, describe and groupMoments read and write heap arrays in place', () => {
  const xh = core.heapArray(96).set(x);
  const yh = core.heapArray(96);
  const gh = core.heapArray(96).set(core.sample('normal', 96, { seed: 5 }));
  const dh = core.heapArray(96);
  for (const kind of KINDS) {
    const l = kind === 'instance' ? [8, 4, 3] : shape;
    const opts = { gamma: kind === 'instance' ? gamma.subarray(0, 4) : gamma, groups: 4 };
    const want = core.normalize(kind, x, l, opts);
    const got = core.normalize(kind, xh, l, { ...opts, output: yh });
    assert.equal(got.output, yh, kind);
    assert.deepEqual(yh.array(), want.output, kind);
    assert.deepEqual(got.mean, want.mean, kind);
    assert.deepEqual(core.describe(yh, { bins: 7 }), core.describe(want.output, { bins: 7 }), kind);
    assert.deepEqual(
      core.groupMoments(kind, yh, l, { groups: 4 }),
      core.groupMoments(kind, want.output, l, { groups: 4 }),
    );
    const g = gh.array().slice();
    const back = core.backward(kind, x, g, l, opts);
    const inPlace = core.backward(kind, xh, gh, l, { ...opts, gradInput: dh });
    assert.equal(inPlace.gradInput, dh, kind);
    assert.deepEqual(dh.array(), back.gradInput, kind);
    assert.deepEqual(inPlace.gradGamma, back.gradGamma, kind);
  }
  for (const a of [xh, yh, gh, dh]) a.dispose();
});

test('a plain Float32Array still works as backward opts.gradInput; output stays rejected', () => {
  const g = core.sample('normal', 96, { seed: 6 });
  const into = new Float32Array(96);
  const r = core.backward('layer', x, g, shape, { gradInput: into });
  assert.equal(r.gradInput, into);
  assert.deepEqual(into, core.backward('layer', x, g, shape).gradInput);
  assert.throws(() => core.backward('layer', x, g, shape, { output: into }), {
    name: 'NormlabError',
    argument: 'opts',
  });
  assert.throws(() => core.backward('layer', x, g, shape, { gradInput: new Float32Array(3) }), {
    name: 'NormlabError',
    argument: 'gradInput',
  });
});

test('errors: wrong lengths, disposed arrays, the core rejecting a call (the arrays stay usable)', () => {
  const xh = core.heapArray(96).set(x);
  assert.throws(() => core.normalize('layer', xh, shape, { output: core.heapArray(5) }), { argument: 'output' });
  assert.throws(() => xh.set(new Float32Array(3)), { name: 'NormlabError', argument: 'values' });
  assert.throws(() => core.heapArray(-1), { name: 'NormlabError', argument: 'length' });
  assert.throws(() => core.normalize('batchnorm', xh, shape), { name: 'NormlabError', argument: 'kind' });
  assert.throws(() => core.normalize('group', xh, shape, { groups: 5 }), { name: 'NormlabError', argument: 'groups' });
  assert.deepEqual(core.normalize('layer', xh, shape).output, core.normalize('layer', x, shape).output);
  xh.dispose();
  xh.dispose();
  assert.throws(() => core.describe(xh), { name: 'NormlabError', argument: 'array' });
});

test('heap arrays are freed by dispose: the heap does not grow over many of them', () => {
  const before = core.heapBytes();
  for (let i = 0; i < 2000; i++) core.heapArray(65536).dispose();
  assert.equal(core.heapBytes(), before);
});
