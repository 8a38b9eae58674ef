// The JS contract of web/src/core.js, through loadCore(), for every kind.
import test from 'node:test';
import assert from 'node:assert/strict';
import { getCore, assertClose } from './load.mjs';
import { DISTRIBUTIONS, KINDS } from '../../web/src/core.js';

const core = await getCore();

test('version is a string', () => {
  assert.match(core.version, /^\d+\.\d+\.\d+/);
});

test('layer: per sample over (C, L), biased variance, eps inside the sqrt', () => {
  const r = core.normalize('layer', new Float32Array([1, 2, 3, 4]), [1, 2, 2]);
  const rstd = 1 / Math.sqrt(1.25 + 1e-5);
  assertClose(r.output, [-1.5 * rstd, -0.5 * rstd, 0.5 * rstd, 1.5 * rstd], 1e-6);
  assert.ok(r.output instanceof Float32Array);
  assertClose(r.mean, [2.5], 0);
  assertClose(r.rstd, [rstd], 1e-7);
});

test('batch: running statistics updated in place with the unbiased variance and momentum 0.1', () => {
  const runningMean = new Float32Array([0, 0]);
  const runningVar = new Float32Array([1, 1]);
  const r = core.normalize('batch', new Float32Array([1, 2, 3, 6]), [2, 2, 1], { runningMean, runningVar });
  assertClose(r.mean, [2, 4], 1e-6);
  assertClose(runningMean, [0.2, 0.4], 1e-6);
  assertClose(runningVar, [1.1, 1.7], 1e-6);
  const evalOut = core.normalize('batch', new Float32Array([1, 2, 3, 6]), [2, 2, 1], {
    training: false,
    runningMean,
    runningVar,
  });
  assertClose(
    evalOut.output,
    [
      (1 - 0.2) / Math.sqrt(1.1 + 1e-5),
      (2 - 0.4) / Math.sqrt(1.7 + 1e-5),
      (3 - 0.2) / Math.sqrt(1.1 + 1e-5),
      (6 - 0.4) / Math.sqrt(1.7 + 1e-5),
    ],
    1e-5,
  );
  assertClose(runningMean, [0.2, 0.4], 1e-6); // eval leaves them alone
  const m = core.normalize('batch', new Float32Array([1, 2, 3, 6]), [2, 2, 1], {
    runningMean,
    runningVar,
    momentum: 1,
  });
  assert.ok(m.output.length === 4);
  assertClose(runningMean, [2, 4], 1e-6);
});

test('rms: x / sqrt(mean(x^2) + eps) * gamma; mean is zeros', () => {
  const r = core.normalize('rms', new Float32Array([3, 4]), [1, 2, 1], { gamma: new Float32Array([2, 1]) });
  const rstd = 1 / Math.sqrt(12.5 + 1e-5);
  assertClose(r.output, [6 * rstd, 4 * rstd], 1e-6);
  assertClose(r.mean, [0], 0);
});

test('statistics counts: batch C, layer/rms N, group N*G, instance N*C', () => {
  const x = core.sample('normal', 2 * 4 * 3, { seed: 1 });
  const shape = [2, 4, 3];
  const counts = { batch: 4, layer: 2, rms: 2, group: 4, instance: 8 };
  for (const [kind, count] of Object.entries(counts)) {
    const r = core.normalize(kind, x, shape, { groups: 2 });
    assert.equal(r.mean.length, count, kind);
    assert.equal(r.rstd.length, count, kind);
    assert.equal(core.statCount(kind, shape, { groups: 2 }), count);
  }
});

test('group and instance: per-channel gamma/beta of length C', () => {
  const x = core.sample('uniform', 2 * 4 * 3, { seed: 2 });
  const gamma = new Float32Array([1, 2, 3, 4]);
  const beta = new Float32Array([0, 1, 0, -1]);
  const plain = core.normalize('group', x, [2, 4, 3], { groups: 2 });
  const affine = core.normalize('group', x, [2, 4, 3], { groups: 2, gamma, beta });
  for (let i = 0; i < x.length; i++) {
    const c = Math.floor(i / 3) % 4;
    assert.ok(Math.abs(affine.output[i] - (plain.output[i] * gamma[c] + beta[c])) < 1e-5);
  }
  const inst = core.normalize('instance', x, [2, 4, 3], { gamma, beta });
  assert.equal(inst.mean.length, 8);
});

test('backward: gradients match finite differences of the forward (every kind)', () => {
  const shape = [2, 3, 4];
  const x = core.sample('normal', 24, { seed: 5, mean: 0.3, std: 1.5 });
  const w = core.sample('normal', 24, { seed: 6 });
  for (const kind of KINDS) {
    const opts = { groups: 3, eps: 1e-3 };
    const { gradInput } = core.backward(kind, x, w, shape, opts);
    // loss = sum(w * y); check a few coordinates with central differences in float (loose tolerance)
    const loss = (v) => core.normalize(kind, v, shape, opts).output.reduce((s, y, i) => s + y * w[i], 0);
    for (const i of [0, 7, 13, 23]) {
      const h = 1e-2;
      const up = Float32Array.from(x);
      up[i] += h;
      const down = Float32Array.from(x);
      down[i] -= h;
      const numeric = (loss(up) - loss(down)) / (2 * h);
      assert.ok(
        Math.abs(numeric - gradInput[i]) < 2e-2 * Math.max(1, Math.abs(numeric)),
        `${kind}[${i}]: ${gradInput[i]} vs ${numeric}`,
      );
    }
  }
  const withAffine = core.backward('layer', x, w, shape, {
    gamma: new Float32Array(12).fill(1),
    beta: new Float32Array(12),
  });
  assert.equal(withAffine.gradGamma.length, 12);
  assert.equal(withAffine.gradBeta.length, 12);
  assert.equal(core.backward('layer', x, w, shape).gradGamma, undefined);
});

test('describe: numpy semantics', () => {
  const s = core.describe(new Float32Array([4, 1, 3, 2]), { bins: 3 });
  assert.equal(s.count, 4);
  assert.equal(s.mean, 2.5);
  assert.ok(Math.abs(s.std - Math.sqrt(1.25)) < 1e-12);
  assert.equal(s.median, 2.5);
  assert.equal(s.min, 1);
  assert.equal(s.max, 4);
  assert.deepEqual(Array.from(s.histogram.edges), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(s.histogram.counts), [1, 1, 2]);
  assert.equal(core.describe([1, 2, 3]).histogram.counts.length, 40);
  const ranged = core.describe([0, 1, 2, 3], { bins: 2, range: [0.5, 2.5] });
  assert.deepEqual(Array.from(ranged.histogram.counts), [1, 1]);
});

test('sample: seeded, standardized, mean/std aliases', () => {
  const a = core.sample('skewed', 1000, { seed: 9, shift: 5, scale: 2 });
  const b = core.sample('skewed', 1000, { seed: 9, mean: 5, std: 2 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, core.sample('skewed', 1000, { seed: 10, mean: 5, std: 2 }));
  const s = core.describe(core.sample('bimodal', 100000, { seed: 1, mean: -3, std: 0.5 }));
  assert.ok(Math.abs(s.mean + 3) < 0.01 && Math.abs(s.std - 0.5) < 0.01);
});

test('mean 1000, std 0.01 normalizes to mean 0, std 1', () => {
  const x = core.sample('normal', 64 * 32, { seed: 4, mean: 1000, std: 0.01 });
  // One batch-wise and one per-sample kind: both centre and scale, which is what the extreme input tests.
  for (const kind of ['batch', 'layer']) {
    const y = core.normalize(kind, x, [64, 32, 1], { eps: 1e-12 }).output;
    const s = core.describe(y);
    assert.ok(Math.abs(s.mean) < 1e-4, `${kind} mean ${s.mean}`);
    assert.ok(Math.abs(s.std - 1) < 1e-3, `${kind} std ${s.std}`);
  }
});

test('groupIds matches the groups normalize uses', () => {
  const shape = [3, 4, 2];
  const x = core.sample('uniform', 24, { seed: 3 });
  for (const kind of KINDS) {
    const ids = core.groupIds(kind, shape, { groups: 2 });
    const r = core.normalize(kind, x, shape, { groups: 2 });
    const sums = new Float64Array(r.mean.length);
    const counts = new Float64Array(r.mean.length);
    ids.forEach((g, i) => {
      sums[g] += x[i];
      counts[g] += 1;
    });
    if (kind !== 'rms')
      assertClose(
        r.mean,
        Array.from(sums, (s, g) => s / counts[g]),
        1e-6,
        kind,
      );
  }
});

// The lists every other test iterates over: their content and order are the core's (core/src/kind.cpp,
// core/src/sample.cpp), checked here against literals on purpose.
test("core.js exports the kinds and distributions in the core's order", () => {
  assert.deepEqual(KINDS, ['batch', 'layer', 'rms', 'group', 'instance']);
  assert.deepEqual(DISTRIBUTIONS, ['normal', 'uniform', 'skewed', 'bimodal', 'heavy']);
});
