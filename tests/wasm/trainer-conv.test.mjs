// The conv net through loadTrainer(): createTrainer/step/evaluate/runToTarget with architecture "conv",
// bit-identical curves natively and in WebAssembly (the FNV-1a lines of `normlab_conv --fingerprint`),
// and every invalid value or combination rejected by the core's validation, naming the field.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTrainer, NormlabError } from '../../web/src/core.js';
import { runConfig } from '../../web/src/training/presets.js';
import { fnv1a } from './load.mjs';

const trainerCore = await loadTrainer();
const digitsPath = fileURLToPath(new URL('../../data/digits/digits.bin', import.meta.url));
const convTool = fileURLToPath(new URL('../../build/native/normlab_conv', import.meta.url));
const digits = new Uint8Array(readFileSync(digitsPath));
const NORMS = ['none', 'batch', 'group', 'instance', 'layer'];

test('the batch-size study config comes from the core, defaults filled in', () => {
  const c = trainerCore.convStudyConfig('group', 8);
  assert.equal(c.architecture, 'conv');
  assert.equal(c.dataset, 'digits');
  assert.equal(c.norm, 'group');
  assert.equal(c.batchSize, 8);
  assert.equal(c.width % c.groups, 0);
  assert.throws(
    () => trainerCore.convStudyConfig('rms', 8),
    (e) => e instanceof NormlabError && e.argument === 'norm',
  );
});

test("the Conv net preset runs the study's net, so the native claim tests run what the page runs", () => {
  const plan = trainerCore.defaultSweepPlan();
  const state = { preset: 'conv', dataset: 'digits', rate: 0.003, batch: 1, steps: 3000 };
  const page = runConfig(plan, state, 'group');
  const study = trainerCore.convStudyConfig('group', 1);
  for (const key of Object.keys(study)) {
    if (key === 'steps') continue; // the sweeps' budget: a trainer has no cap
    // The page evaluates ten times per run (an evaluation trains nothing: the claims evaluate once, at the end).
    if (key === 'evalEvery') assert.equal(page.evalEvery, 300);
    else assert.equal(page[key], key === 'learningRate' ? 0.003 : study[key], key);
  }
});

test('a conv trainer steps, evaluates per block and trains', () => {
  const cfg = { ...trainerCore.convStudyConfig('batch', 16), evalEvery: 50 };
  const t = trainerCore.createTrainer(cfg, { digits });
  try {
    assert.equal(t.config.architecture, 'conv');
    const before = t.evaluate();
    assert.equal(before.preactStd.length, cfg.depth);
    const r = t.step(150);
    assert.equal(r.loss.length, 150);
    assert.equal(r.evals.length, 3);
    const after = t.evaluate();
    assert.ok(
      after.train.accuracy > before.train.accuracy + 0.3,
      `${before.train.accuracy} -> ${after.train.accuracy}`,
    );
    assert.equal(after.histogram.edges.length, after.histogram.counts.length + 1);
  } finally {
    t.dispose();
  }
});

test('native and WASM give bit-identical conv curves for every norm', () => {
  const native = execFileSync(convTool, [digitsPath, '--fingerprint'], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(native.length, NORMS.length);
  for (const [i, norm] of NORMS.entries()) {
    // tools/conv.cpp fingerprint(): the study's config at batch 8, evaluations every 20 of 60 steps.
    const t = trainerCore.createTrainer({ ...trainerCore.convStudyConfig(norm, 8), evalEvery: 20 }, { digits });
    try {
      const r = t.step(60);
      const evals = r.evals.flatMap((e) => [e.train.loss, e.heldout.loss, e.preactStd[1]]);
      const mine = `curve ${fnv1a(r.loss)}  evals ${fnv1a(evals)}`;
      assert.ok(native[i].startsWith(`conv ${norm} `), native[i]);
      assert.ok(native[i].endsWith(mine), `${norm}: native "${native[i]}" vs wasm "${mine}"`);
    } finally {
      t.dispose();
    }
  }
});

test('runToTarget takes a conv config', () => {
  const cfg = { ...trainerCore.convStudyConfig('group', 32), steps: 60, evalEvery: 20 };
  const run = trainerCore.runToTarget(cfg, 0.1, 1, 1.5, { digits });
  assert.equal(run.learningRate, 0.1);
  assert.ok(['reached', 'not reached', 'diverged'].includes(run.outcome), run.outcome);
  assert.ok(run.steps >= 1 && run.steps <= 60);
});

test('invalid conv values and combinations throw errors naming the field', () => {
  const conv = { architecture: 'conv', dataset: 'digits' };
  const cases = [
    [{ architecture: 'conv' }, 'dataset'], // spirals have no images
    [{ architecture: 'conv', dataset: 'spirals' }, 'dataset'],
    [{ ...conv, norm: 'group', width: 16, groups: 3 }, 'groups'],
    [{ ...conv, norm: 'rms' }, 'norm'],
    [{ ...conv, depth: 9 }, 'depth'],
    [{ ...conv, depth: 0 }, 'depth'],
    [{ ...conv, width: 64 }, 'width'],
    [{ ...conv, batchSize: 129 }, 'batchSize'],
    [{ ...conv, watchLayer: 3, depth: 3 }, 'watchLayer'],
    [{ architecture: 'sideways' }, 'architecture'],
    [{ ...conv, width: '16' }, 'width'],
    [{ ...conv, architecture: 3 }, 'architecture'],
  ];
  for (const [cfg, argument] of cases) {
    assert.throws(
      () => trainerCore.createTrainer(cfg, { digits }),
      (e) => e instanceof NormlabError && e.argument === argument,
      JSON.stringify(cfg),
    );
  }
  // BatchNorm2d at batch 1 pools the one image's 64 positions: valid for the conv net (not for the MLP).
  trainerCore.createTrainer({ ...conv, norm: 'batch', batchSize: 1 }, { digits }).dispose();
});

test('evaluating trains nothing: the same run evaluated every 10 or every 40 steps ends with the same numbers', () => {
  const ends = [10, 40].map((evalEvery) => {
    const t = trainerCore.createTrainer({ ...trainerCore.convStudyConfig('batch', 2), evalEvery }, { digits });
    t.step(80);
    return JSON.stringify(t.evaluate());
  });
  assert.equal(ends[0], ends[1]);
});
