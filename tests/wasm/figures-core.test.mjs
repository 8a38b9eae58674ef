// The core APIs the live figures draw from (web/src/core.js): group ids against what normalize() actually
// does, the improvement figures on known inputs, BatchNorm's batch-size noise, the sampler's prefix property
// the playground relies on, and the playground's pipeline (web/src/figures/playground/compute.js) against
// direct core calls. Run: node --test tests/wasm/figures-core.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, KINDS } from '../../web/src/core.js';
import { createEngine } from '../../web/src/figures/playground/compute.js';
import { INPUT_PRESETS } from '../../web/src/figures/inputs.js';
import { cleanState } from '../../web/src/figures/playground/hash.js';
import { playgroundExpected } from '../shared/expected.mjs';

const core = await loadCore();

const SHAPES = [
  [4, 6, 4],
  [2, 8, 3],
  [5, 4, 1],
  [1, 12, 5],
  [3, 16, 2],
];
const groupsFor = (kind, c) =>
  kind === 'group' ? [1, 2, c].filter((g, i, a) => c % g === 0 && a.indexOf(g) === i) : [0];
const valid = (kind, [n, , l]) => !(kind === 'instance' && l === 1) && !(kind === 'batch' && n * l === 1);
const close = (a, b, tol, what) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('groupIds: every element is normalized with the mean/rstd of its group id', () => {
  for (const kind of KINDS) {
    for (const shape of SHAPES) {
      if (!valid(kind, shape)) continue;
      for (const groups of groupsFor(kind, shape[1])) {
        const size = shape[0] * shape[1] * shape[2];
        const x = core.sample('skewed', size, { seed: 11, shift: 3, scale: 2 });
        const ids = core.groupIds(kind, shape, { groups });
        const count = core.statCount(kind, shape, { groups });
        const { output, mean, rstd } = core.normalize(kind, x, shape, { groups });
        assert.equal(ids.length, size);
        assert.equal(mean.length, count);
        // Every id is used, and all groups have the same size.
        const sizes = new Array(count).fill(0);
        for (const id of ids) sizes[id]++;
        assert.ok(
          sizes.every((s) => s === size / count),
          `${kind} ${shape} groups=${groups}: sizes ${sizes}`,
        );
        for (let i = 0; i < size; i++) {
          const g = ids[i];
          const expected = kind === 'rms' ? x[i] * rstd[g] : (x[i] - mean[g]) * rstd[g];
          close(output[i], expected, 1e-4, `${kind} ${shape} groups=${groups} element ${i}`);
        }
        // The per-group means (recomputed by groupMoments, which the playground shows) match normalize's.
        const moments = core.groupMoments(kind, x, shape, { groups });
        assert.equal(moments.mean.length, count);
        if (kind !== 'rms')
          for (let g = 0; g < count; g++) close(moments.mean[g], mean[g], 1e-5, `${kind} group ${g} mean`);
        // And a plain-JS mean over each id's elements (test-side reference) agrees too.
        const sums = new Float64Array(count);
        for (let i = 0; i < size; i++) sums[ids[i]] += x[i];
        for (let g = 0; g < count; g++)
          close(sums[g] / sizes[g], moments.mean[g], 1e-6, `${kind} group ${g} reference mean`);
      }
    }
  }
});

test('groupIds: the reduction axes of each kind on a [2, 4, 3] block', () => {
  const shape = [2, 4, 3];
  const id = (kind, n, c, l, groups = 0) => core.groupIds(kind, shape, { groups })[(n * 4 + c) * 3 + l];
  // BatchNorm: one group per channel, shared across samples and positions.
  assert.equal(id('batch', 0, 2, 0), id('batch', 1, 2, 2));
  assert.notEqual(id('batch', 0, 1, 0), id('batch', 0, 2, 0));
  // LayerNorm / RMSNorm: one group per sample.
  for (const kind of ['layer', 'rms']) {
    assert.equal(id(kind, 1, 0, 0), id(kind, 1, 3, 2));
    assert.notEqual(id(kind, 0, 0, 0), id(kind, 1, 0, 0));
  }
  // InstanceNorm: one group per (sample, channel).
  assert.equal(id('instance', 1, 2, 0), id('instance', 1, 2, 2));
  assert.notEqual(id('instance', 1, 2, 0), id('instance', 1, 3, 0));
  assert.notEqual(id('instance', 0, 2, 0), id('instance', 1, 2, 0));
  // GroupNorm(2): channels {0,1} and {2,3} of each sample.
  assert.equal(id('group', 0, 0, 0, 2), id('group', 0, 1, 2, 2));
  assert.notEqual(id('group', 0, 1, 0, 2), id('group', 0, 2, 0, 2));
  assert.notEqual(id('group', 0, 0, 0, 2), id('group', 1, 0, 0, 2));
  assert.equal(core.statCount('group', shape, { groups: 2 }), 4);
});

test('groupIds: invalid groups are an error naming the argument', () => {
  assert.throws(
    () => core.groupIds('group', [2, 6, 4], { groups: 4 }),
    (e) => e.name === 'NormlabError' && e.argument === 'groups',
  );
});

test('improvement: percent closer to mean 0 and std 1, on known inputs', () => {
  const cases = [
    [
      { mean: 5, std: 3 },
      { mean: 0.1, std: 1 },
      { mean: 98, std: 100 },
    ],
    [
      { mean: -4, std: 0.5 },
      { mean: 0, std: 0.9 },
      { mean: 100, std: 80 },
    ],
    [
      { mean: 1, std: 3 },
      { mean: 2, std: 2 },
      { mean: -100, std: 50 },
    ],
    [
      { mean: 10, std: 11 },
      { mean: -1, std: 0 },
      { mean: 90, std: 90 },
    ],
  ];
  for (const [raw, norm, expected] of cases) {
    const got = core.improvement(raw, norm);
    close(got.mean, expected.mean, 1e-9, `mean of ${JSON.stringify([raw, norm])}`);
    close(got.std, expected.std, 1e-9, `std of ${JSON.stringify([raw, norm])}`);
  }
  // Nothing to improve when the raw statistic is already on target.
  const none = core.improvement({ mean: 0, std: 1 }, { mean: 0, std: 1 });
  assert.ok(Number.isNaN(none.mean) && Number.isNaN(none.std));
  // On a real batch: normalization reaches the targets (std slightly below 1 because of eps).
  const x = core.sample('normal', 64 * 32, { seed: 5, shift: 5, scale: 3 });
  const y = core.normalize('batch', x, [64, 32, 1]).output;
  const got = core.improvement(core.describe(x), core.describe(y));
  assert.ok(got.mean > 99.99 && got.std > 99.99, JSON.stringify(got));
});

test('batchSpread: BatchNorm statistics are noisier at batch 2 than at 256; LayerNorm is unaffected', () => {
  const opts = { features: 16, repeats: 200, seed: 3 };
  const bn2 = core.batchSpread('batch', 'normal', { ...opts, batch: 2 });
  const bn256 = core.batchSpread('batch', 'normal', { ...opts, batch: 256 });
  assert.ok(bn2.meanSd > 5 * bn256.meanSd, `mean sd ${bn2.meanSd} vs ${bn256.meanSd}`);
  assert.ok(bn2.varSd > 5 * bn256.varSd, `var sd ${bn2.varSd} vs ${bn256.varSd}`);
  const ln2 = core.batchSpread('layer', 'normal', { ...opts, batch: 2 });
  const ln256 = core.batchSpread('layer', 'normal', { ...opts, batch: 256 });
  close(ln2.meanSd, ln256.meanSd, 1e-12, 'layer mean sd');
  close(ln2.varSd, ln256.varSd, 1e-12, 'layer var sd');
  for (const kind of ['rms']) {
    const a = core.batchSpread(kind, 'normal', { ...opts, batch: 2 });
    const b = core.batchSpread(kind, 'normal', { ...opts, batch: 256 });
    close(a.meanSd, b.meanSd, 1e-12, `${kind} mean sd`);
  }
  assert.throws(
    () => core.batchSpread('batch', 'normal', { ...opts, batch: 1 }),
    (e) => e.argument === 'shape',
  );
});

test('batchSpread: channel 0 of BatchNorm needs only channel 0 (features 1 gives the same spread, statistically)', () => {
  // The playground asks for features: 1 to keep the largest settings fast; the spread must not depend on it.
  for (const batch of [2, 32]) {
    const one = core.batchSpread('batch', 'skewed', { batch, features: 1, repeats: 2000, seed: 9 });
    const many = core.batchSpread('batch', 'skewed', { batch, features: 8, repeats: 2000, seed: 9 });
    close(one.meanSd, many.meanSd, 0.1, `batch ${batch} mean sd`);
  }
});

test('sample: a shorter draw is a prefix of a longer one with the same seed (the playground slices batches)', () => {
  for (const d of Object.keys(INPUT_PRESETS)) {
    const long = core.sample(d, 5000, { seed: 4, ...INPUT_PRESETS[d] });
    const short = core.sample(d, 1234, { seed: 4, ...INPUT_PRESETS[d] });
    assert.deepEqual(short, long.subarray(0, 1234), d);
  }
});

test('playground engine: every number equals a direct core call; errors come from the core', () => {
  const engine = createEngine(core);
  const states = [
    cleanState({ kind: 'batch', n: 32, c: 64, dist: 'skewed', gamma: 1.5, beta: 0.5 }),
    cleanState({ kind: 'layer', n: 8, c: 128, dist: 'bimodal', eps: 1e-3 }),
    cleanState({ kind: 'group', n: 4, c: 64, g: 8, dist: 'heavy', seed: 7 }),
    cleanState({ kind: 'rms', n: 2, c: 32, dist: 'uniform', gamma: 2 }),
  ];
  for (const s of states) {
    const r = engine.run(s);
    const { y, opts, raw, norm, improvement } = playgroundExpected(core, s);
    for (const key of ['mean', 'std', 'min', 'max', 'skewness']) {
      assert.equal(r.raw[key], raw[key], `${s.kind} raw ${key}`);
      assert.equal(r.norm[key], norm[key], `${s.kind} normalized ${key}`);
    }
    assert.deepEqual(r.improvement, improvement);
    const gm = core.groupMoments(s.kind, y, [s.n, s.c, 1], { groups: opts.groups });
    assert.equal(r.normGroups.count, core.statCount(s.kind, [s.n, s.c, 1], { groups: opts.groups }));
    assert.equal(r.normGroups.std.max, core.describe(gm.std).max);
  }
  // Settings the core rejects: the error is returned with the raw side still filled in.
  const bn1 = engine.run(cleanState({ kind: 'batch', n: 1 }));
  assert.equal(bn1.error?.name, 'NormlabError');
  assert.equal(bn1.error.argument, 'shape');
  assert.equal(bn1.norm, null);
  assert.equal(bn1.raw.mean, core.describe(core.sample('normal', 256, { seed: 1, ...INPUT_PRESETS.normal })).mean);
  assert.equal(bn1.noise.batchError?.argument, 'shape');
  const in1 = engine.run(cleanState({ kind: 'instance' }));
  assert.equal(in1.error?.name, 'NormlabError');
  assert.match(in1.error.message, /InstanceNorm/);
});

test('playground engine: growing and shrinking the batch slices the same seeded stream', () => {
  const engine = createEngine(core);
  for (const n of [8, 96, 512, 2, 384]) {
    const s = cleanState({ kind: 'layer', n, c: 64, dist: 'heavy', seed: 3 });
    const x = core.sample(s.dist, n * s.c, { seed: s.seed, ...INPUT_PRESETS[s.dist] });
    const want = core.describe(x);
    const got = engine.run(s).raw;
    assert.equal(got.mean, want.mean, `n = ${n}`);
    assert.equal(got.max, want.max, `n = ${n}`);
  }
});

test('playground engine: eval mode uses running statistics whose channel 0 follows core.runningTrace', () => {
  const engine = createEngine(core);
  const s = cleanState({ kind: 'batch', mode: 'eval', n: 1, c: 16, dist: 'skewed' });
  const r = engine.run(s); // batch size 1 is fine in eval mode
  const trace = r.running.trace;
  const last = trace.runningMean.length - 1;
  close(r.running.mean[0], trace.runningMean[last], 1e-6, 'running mean channel 0');
  close(r.running.var[0], trace.runningVar[last], 1e-6, 'running var channel 0');
  assert.equal(trace.populationMean, INPUT_PRESETS.skewed.shift);
});

test('the figures leave the WASM heap alone after warming up', () => {
  const engine = createEngine(core);
  const s = cleanState({ kind: 'group', n: 64, c: 256, g: 32 });
  engine.run(s);
  const before = core.heapBytes();
  for (let i = 0; i < 20; i++) engine.run({ ...s, gamma: (i % 10) / 5 });
  assert.equal(core.heapBytes(), before);
});
