// The Transformer through loadTrainer(): createTrainer/step/evaluate/runToTarget with architecture
// "transformer" on dataset "sequence" (the core generates the sequences: no data crosses), bit-identical
// curves natively and in WebAssembly (the FNV-1a lines of `normlab_transformer --fingerprint`), and every
// invalid value or combination rejected by the core's validation, naming the field.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadTrainer, NormlabError } from '../../web/src/core.js';
import { runConfig } from '../../web/src/training/presets.js';
import { fnv1a } from './load.mjs';

const trainerCore = await loadTrainer();
const tool = fileURLToPath(new URL('../../build/native/normlab_transformer', import.meta.url));
const tfm = { architecture: 'transformer', dataset: 'sequence' };

test("the study config comes from the core with the Transformer's fields filled in", () => {
  const c = trainerCore.transformerStudyConfig('rms', 'post', 100);
  assert.equal(c.architecture, 'transformer');
  assert.equal(c.dataset, 'sequence');
  assert.equal(c.norm, 'rms');
  assert.equal(c.placement, 'post');
  assert.equal(c.warmupSteps, 100);
  assert.equal(c.sequenceTask, 'reverse');
  assert.equal(c.sequenceLength, 8);
  assert.equal(c.width % c.heads, 0);
  assert.throws(
    () => trainerCore.transformerStudyConfig('batch', 'pre', 0),
    (e) => e instanceof NormlabError && e.argument === 'norm',
  );
});

test('a transformer trainer needs no data, steps, evaluates per layer and trains', () => {
  const t = trainerCore.createTrainer({ ...trainerCore.transformerStudyConfig('layer', 'pre', 0), evalEvery: 50 });
  try {
    assert.equal(t.config.architecture, 'transformer');
    assert.equal(t.config.placement, 'pre');
    const before = t.evaluate();
    assert.equal(before.preactStd.length, t.config.depth);
    const r = t.step(150);
    assert.equal(r.loss.length, 150);
    assert.equal(r.evals.length, 3);
    const after = t.evaluate();
    assert.ok(after.train.loss < before.train.loss - 0.5, `${before.train.loss} -> ${after.train.loss}`);
    assert.equal(after.histogram.edges.length, after.histogram.counts.length + 1);
  } finally {
    t.dispose();
  }
});

test('native and WASM give bit-identical transformer curves for every norm and placement', () => {
  const native = execFileSync(tool, ['--fingerprint'], { encoding: 'utf8' }).trim().split('\n');
  const variants = ['none', 'layer', 'rms'].flatMap((norm) => ['pre', 'post'].map((p) => [norm, p]));
  assert.equal(native.length, variants.length);
  for (const [i, [norm, placement]] of variants.entries()) {
    // tools/transformer.cpp fingerprint(): the study's config with warm-up 20 at batch 8, 40 steps.
    const cfg = { ...trainerCore.transformerStudyConfig(norm, placement, 20), evalEvery: 20, batchSize: 8 };
    const t = trainerCore.createTrainer(cfg);
    try {
      const r = t.step(40);
      const evals = r.evals.flatMap((e) => [e.train.loss, e.heldout.loss, e.preactStd[1], e.gradNorm[0]]);
      const mine = `curve ${fnv1a(r.loss)}  evals ${fnv1a(evals)}`;
      assert.match(native[i], new RegExp(`^transformer ${norm} +${placement} `));
      assert.ok(native[i].endsWith(mine), `${norm} ${placement}: native "${native[i]}" vs wasm "${mine}"`);
    } finally {
      t.dispose();
    }
  }
});

test('runToTarget takes a transformer config', () => {
  const cfg = { ...trainerCore.transformerStudyConfig('rms', 'pre', 0), steps: 60, evalEvery: 20 };
  const run = trainerCore.runToTarget(cfg, 0.01, 1, 1.5);
  assert.equal(run.learningRate, 0.01);
  assert.ok(['reached', 'not reached', 'diverged'].includes(run.outcome), run.outcome);
  assert.ok(run.steps >= 1 && run.steps <= 60);
});

test('invalid transformer values and combinations throw errors naming the field', () => {
  const cases = [
    [{ placement: 'pre' }, 'placement'], // the MLP has no placement
    [{ architecture: 'conv', dataset: 'digits', placement: 'post' }, 'placement'],
    [{ ...tfm, placement: 'sideways' }, 'placement'],
    [{ architecture: 'transformer' }, 'dataset'], // spirals are no sequences
    [{ ...tfm, norm: 'batch' }, 'norm'],
    [{ ...tfm, heads: 3 }, 'heads'],
    [{ ...tfm, heads: 0 }, 'heads'],
    [{ ...tfm, warmupSteps: -1 }, 'warmupSteps'],
    [{ ...tfm, sequenceTask: 'copy' }, 'sequenceTask'],
    [{ ...tfm, sequenceLength: 13 }, 'sequenceLength'],
    [{ ...tfm, batchSize: 64, sequenceLength: 12 }, 'batchSize'],
    [{ ...tfm, heads: '4' }, 'heads'],
    [{ ...tfm, placement: 1 }, 'placement'],
    // The Transformer's own fields on another architecture would be ignored: refused, naming the field.
    [{ sequenceTask: 'copy' }, 'sequenceTask'],
    [{ sequenceTask: 'sort' }, 'sequenceTask'],
    [{ sequenceLength: 99 }, 'sequenceLength'],
    [{ heads: 3 }, 'heads'],
    [{ architecture: 'conv', dataset: 'digits', heads: 7 }, 'heads'],
    [{ architecture: 'conv', dataset: 'digits', sequenceLength: 50 }, 'sequenceLength'],
  ];
  for (const [cfg, argument] of cases) {
    assert.throws(
      () => trainerCore.createTrainer(cfg),
      (e) => e instanceof NormlabError && e.argument === argument,
      JSON.stringify(cfg),
    );
  }
  // The defaults of the new fields: Pre-LN, no warm-up, reversing 8 digits.
  const t = trainerCore.createTrainer({ ...tfm, norm: 'layer' });
  assert.equal(t.config.placement, '');
  assert.equal(t.config.warmupSteps, 0);
  t.dispose();
});

test("the Transformer preset runs the study's net, so the native claim tests run what the page runs", () => {
  const plan = trainerCore.defaultSweepPlan();
  const state = { preset: 'transformer', dataset: 'sequence', rate: 0.03, batch: 32 };
  for (const [key, norm, placement, warmup] of [
    ['pre-layer', 'layer', 'pre', 0],
    ['post-layer-warmup', 'layer', 'post', 100],
    ['post-rms', 'rms', 'post', 0],
  ]) {
    const page = runConfig(plan, state, key);
    const study = trainerCore.transformerStudyConfig(norm, placement, warmup);
    for (const key of Object.keys(study)) {
      if (key === 'steps') continue; // the sweeps' budget: a trainer has no cap
      assert.equal(page[key], study[key], `${norm} ${placement}: ${key}`);
    }
  }
});
