// core.explainElement and core.maxAbsDifference through loadCore(): one element's arithmetic equals
// normalize()'s output, mean and rstd bit for bit (every kind, random shapes and indices, with and without
// γ/β, BatchNorm eval), errors name the argument, and GroupNorm's ends equal LayerNorm and InstanceNorm.
// Run: node --test tests/wasm/explain.test.mjs
import test from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, NormlabError } from '../../web/src/core.js';
import { getCore } from './load.mjs';

const core = await getCore();

// A small deterministic generator for shapes and indices (the values themselves come from core.sample).
function lcg(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const bits = (v) => new Uint32Array(Float32Array.of(v).buffer)[0];
const sameBits = (a, b, what) => assert.equal(bits(a), bits(b), `${what}: ${a} vs ${b}`);

test('explainElement equals normalize() bit for bit, for every kind, random shapes and indices', () => {
  const rand = lcg(7);
  for (let trial = 0; trial < 30; trial++) {
    const shape = [1 + rand(5), 1 + rand(8), 2 + rand(6)];
    const [n, c, l] = shape;
    const x = core.sample(trial % 2 ? 'skewed' : 'heavy', n * c * l, {
      seed: trial + 1,
      mean: trial % 3 ? 4 : 1000,
      std: 2,
    });
    for (const kind of KINDS) {
      const opts = kind === 'group' ? { groups: c % 2 === 0 ? 2 : 1 } : {};
      if (trial % 2) {
        const len = kind === 'layer' || kind === 'rms' ? c * l : c;
        opts.gamma = core.sample('normal', len, { seed: 50 + trial, mean: 1, std: 0.5 });
        if (kind !== 'rms') opts.beta = core.sample('normal', len, { seed: 90 + trial });
      }
      const r = core.normalize(kind, x, shape, opts);
      const ids = core.groupIds(kind, shape, { groups: opts.groups ?? 0 });
      for (let probe = 0; probe < 5; probe++) {
        const i = rand(x.length);
        const e = core.explainElement(kind, x, shape, i, opts);
        const what = `${kind} [${shape}] element ${i}`;
        sameBits(e.output, r.output[i], `${what} output`);
        assert.equal(e.group, ids[i], `${what} group`);
        sameBits(e.mean, r.mean[e.group], `${what} mean`);
        sameBits(e.rstd, r.rstd[e.group], `${what} rstd`);
        sameBits(e.x, x[i], `${what} x`);
        assert.equal(e.groupSize * r.mean.length, x.length, `${what} groupSize`);
        const ci = Math.floor(i / l) % c;
        const param = kind === 'layer' || kind === 'rms' ? ci * l + (i % l) : ci;
        assert.equal(e.param, param, `${what} param`);
        if (opts.gamma) sameBits(e.gamma, opts.gamma[param], `${what} gamma`);
        else assert.equal(e.gamma, 1);
        if (opts.beta) sameBits(e.beta, opts.beta[param], `${what} beta`);
        else assert.equal(e.beta, 0);
        if (kind === 'rms') assert.equal(e.centered, e.x, `${what}: RMSNorm does not centre`);
      }
    }
  }
});

test('explainElement: BatchNorm eval uses the running statistics and leaves them unchanged', () => {
  const x = Float32Array.of(1, 2, 3, 4, 5, 6);
  const runningMean = Float32Array.of(1, 2, 3);
  const runningVar = Float32Array.of(4, 1, 0.25);
  const opts = { training: false, runningMean, runningVar };
  const e = core.explainElement('batch', x, [2, 3, 1], 4, opts);
  assert.equal(e.mean, 2);
  sameBits(e.output, core.normalize('batch', x, [2, 3, 1], opts).output[4], 'eval output');
  core.explainElement('batch', x, [2, 3, 1], 0, { runningMean, runningVar });
  assert.deepEqual([...runningMean], [1, 2, 3], 'training: running mean untouched');
  assert.deepEqual([...runningVar], [4, 1, 0.25]);
});

test('explainElement: errors name the argument, and the core stays usable', () => {
  const x = core.sample('normal', 24, { seed: 3 });
  const cases = [
    [() => core.explainElement('layer', x, [2, 4, 3], 24), 'index'],
    [() => core.explainElement('layer', x, [2, 4, 3], -1), 'index'],
    [() => core.explainElement('layer', x, [2, 4, 3], 1.5), 'index'],
    [() => core.explainElement('layer', x, [2, 4, 3], '2'), 'index'],
    [() => core.explainElement('layer', x, [2, 4, 4], 0), 'input'],
    [() => core.explainElement('group', x, [2, 4, 3], 0, { groups: 3 }), 'groups'],
    [() => core.explainElement('instance', x, [6, 4, 1], 0), 'shape'],
    [() => core.explainElement('batch', x.subarray(0, 4), [1, 4, 1], 0), 'shape'],
    [() => core.explainElement('layer', x, [2, 4, 3], 0, { eps: 0 }), 'eps'],
    [() => core.explainElement('rms', x, [2, 4, 3], 0, { beta: new Float32Array(12) }), 'beta'],
    [() => core.explainElement('norm', x, [2, 4, 3], 0), 'kind'],
    [() => core.explainElement('layer', x, [2, 4, 3], 0, { output: new Float32Array(24) }), 'opts'],
  ];
  for (const [call, argument] of cases) {
    assert.throws(
      call,
      (e) => e instanceof NormlabError && e.argument === argument,
      `expected an error on ${argument}`,
    );
  }
  assert.equal(core.explainElement('layer', x, [2, 4, 3], 23).group, 1);
});

test('maxAbsDifference: known values, NaN, length errors; GroupNorm G = 1 and G = C', () => {
  assert.equal(core.maxAbsDifference([1, 2, 3], [1, 2.5, 1]), 2);
  assert.equal(core.maxAbsDifference([1, 2, 3], [1, 2, 3]), 0);
  assert.ok(Number.isNaN(core.maxAbsDifference([1, NaN], [1, 2])));
  assert.throws(
    () => core.maxAbsDifference([], []),
    (e) => e.argument === 'a',
  );
  assert.throws(
    () => core.maxAbsDifference([1, 2], [1]),
    (e) => e.argument === 'b',
  );
  assert.throws(
    () => core.maxAbsDifference('1,2', [1]),
    (e) => e.argument === 'a',
  );

  const shape = [8, 16, 16];
  const x = core.sample('skewed', 8 * 16 * 16, { seed: 5, mean: 4, std: 2 });
  const out = (kind, groups) => core.normalize(kind, x, shape, groups ? { groups } : {}).output;
  assert.equal(core.maxAbsDifference(out('group', 1), out('layer')), 0);
  assert.equal(core.maxAbsDifference(out('group', 16), out('instance')), 0);
  assert.ok(core.maxAbsDifference(out('group', 4), out('layer')) > 0.01);
});

test('100 explainElement calls leave the heap size unchanged', () => {
  const x = core.sample('normal', 4 * 16 * 16, { seed: 9 });
  core.explainElement('group', x, [4, 16, 16], 0, { groups: 4 });
  const before = core.heapBytes();
  for (let i = 0; i < 100; i++) core.explainElement('group', x, [4, 16, 16], i, { groups: 4 });
  assert.equal(core.heapBytes(), before);
});
