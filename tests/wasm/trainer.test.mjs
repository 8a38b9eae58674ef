// The training simulation through loadTrainer(): the API, its errors, and bit-identical loss curves
// natively and in WebAssembly (same FNV-1a fingerprints as `normlab_sweep --fingerprint`).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTrainer, NormlabError } from '../../web/src/core.js';
import { summarizeShipped } from '../shared/expected.mjs';
import { fnv1a } from './load.mjs';

const trainerCore = await loadTrainer();
const sweepTool = fileURLToPath(new URL('../../build/native/normlab_sweep', import.meta.url));
const digits = new Uint8Array(readFileSync(new URL('../../data/digits/digits.bin', import.meta.url)));

test('a trainer trains: the loss falls and evaluations arrive every evalEvery steps', () => {
  const t = trainerCore.createTrainer({ norm: 'batch', learningRate: 0.01, evalEvery: 50 });
  try {
    const r = t.step(200);
    assert.equal(r.firstStep, 1);
    assert.equal(r.loss.length, 200);
    assert.equal(r.evals.length, 4);
    assert.ok(r.loss[199] < r.loss[0] * 0.7, `loss ${r.loss[0]} -> ${r.loss[199]}`);
    const e = t.evaluate();
    assert.equal(e.step, 200);
    assert.equal(e.preactStd.length, 8);
    assert.equal(e.histogram.edges.length, e.histogram.counts.length + 1);
    assert.deepEqual(t.status(), { stepsDone: 200, diverged: false, reason: '', divergence: null });
    const grid = t.predictGrid(16);
    assert.equal(grid.classes.length, 256);
  } finally {
    t.dispose();
  }
});

test('digits train from the bytes the page ships', () => {
  const t = trainerCore.createTrainer({ dataset: 'digits', depth: 2, width: 32, learningRate: 0.03 }, { digits });
  try {
    const before = t.evaluate().heldout.accuracy;
    t.run(300);
    const after = t.evaluate().heldout.accuracy;
    assert.ok(after > 0.8 && after > before, `held-out accuracy ${before} -> ${after}`);
    assert.equal(t.data().inputs, 64);
  } finally {
    t.dispose();
  }
});

test('divergence is reported, never shown as a number', () => {
  const t = trainerCore.createTrainer({ learningRate: 3, activation: 'relu', norm: 'none' });
  try {
    const r = t.step(300);
    assert.equal(r.diverged, true);
    assert.match(r.reason, /diverged|NaN|exceeded/);
    // The structured form: the step is the last one run (its loss is not reported), the cause is the
    // reason's text after the step.
    const { step, cause } = r.divergence;
    assert.equal(step, r.firstStep + r.loss.length);
    assert.equal(step, t.status().stepsDone);
    assert.equal(r.reason, `diverged at step ${step}: ${cause}`);
    assert.deepEqual(t.status().divergence, r.divergence);
    assert.ok(Array.from(r.loss).every(Number.isFinite));
    assert.equal(t.step(5).loss.length, 0);
  } finally {
    t.dispose();
  }
});

test('invalid configurations throw errors naming the field', () => {
  const cases = [
    [{ learningRate: 9 }, 'learningRate'],
    [{ depth: 1 }, 'depth'],
    [{ norm: 'weight' }, 'norm'],
    [{ norm: 'batch', batchSize: 1 }, 'batchSize'],
    [{ norm: 'group', width: 30, groups: 4 }, 'groups'],
    [{ dataset: 'digits' }, 'digits'],
    [{ lr: 0.1 }, 'config'],
    [{ depth: 2.5 }, 'depth'],
  ];
  for (const [cfg, argument] of cases) {
    assert.throws(
      () => trainerCore.createTrainer(cfg),
      (e) => e instanceof NormlabError && e.argument === argument,
      JSON.stringify(cfg),
    );
  }
  const t = trainerCore.createTrainer({});
  t.dispose();
  assert.throws(() => t.step(1), /disposed/);
});

test('native and WASM give bit-identical loss curves for one configuration', () => {
  const native = execFileSync(sweepTool, ['--fingerprint'], { encoding: 'utf8' }).trim().split('\n');
  let checked = 0;
  for (const line of native) {
    const [arch, activation, norm] = line.trim().split(/\s+/);
    if (activation !== 'relu' && norm !== 'batch') continue; // a representative third keeps this quick
    const cfg = {
      architecture: arch,
      activation,
      norm,
      depth: 4,
      evalEvery: 50,
      optimizer: activation === 'sigmoid' ? 'adam' : 'sgd',
      learningRate: activation === 'sigmoid' ? 0.003 : 0.03,
    };
    const t = trainerCore.createTrainer(cfg);
    try {
      const r = t.step(200);
      const evals = [];
      for (const e of r.evals)
        evals.push(e.train.loss, e.heldout.loss, e.train.accuracy, ...e.preactStd, ...e.gradNorm);
      const mine = `curve ${fnv1a(r.loss)}  evals ${fnv1a(evals)}`;
      assert.ok(line.includes(mine), `${arch}/${activation}/${norm}: native "${line}" vs wasm "${mine}"`);
      checked++;
    } finally {
      t.dispose();
    }
  }
  assert.ok(checked >= 8);
});

test('a live re-run of shipped sweep cells reproduces them exactly', () => {
  const shipped = JSON.parse(
    readFileSync(new URL('../../web/public/data/sweep-default.json', import.meta.url), 'utf8'),
  );
  const plan = trainerCore.defaultSweepPlan();
  assert.deepEqual(Array.from(plan.learningRates), shipped.learningRates);
  // A few quick cells from different variants (the full sweep runs in the browser test).
  const picks = shipped.runs.filter((r) => r.learningRate === 0.03 && r.seed === 1);
  for (const run of picks) {
    const live = trainerCore.runToTarget(
      { ...plan.config, norm: run.norm },
      run.learningRate,
      run.seed,
      plan.targetLoss,
    );
    assert.deepEqual({ ...live, norm: run.norm }, run);
  }
  const summary = summarizeShipped(trainerCore, shipped);
  for (const [i, v] of summary.entries()) {
    assert.equal(v.speedupStatus, shipped.summary[i].speedupStatus);
    assert.equal(v.bestRate, shipped.summary[i].bestRate);
    assert.deepEqual(Array.from(v.stableRates), shipped.summary[i].stableRates);
  }
});

test('trainers do not leak: create, train and dispose 200 times', () => {
  const once = () => {
    const t = trainerCore.createTrainer({ depth: 2, width: 16 });
    t.step(5);
    t.dispose();
  };
  for (let i = 0; i < 20; i++) once();
  const before = trainerCore.heapBytes();
  for (let i = 0; i < 200; i++) once();
  assert.equal(trainerCore.heapBytes(), before);
});
