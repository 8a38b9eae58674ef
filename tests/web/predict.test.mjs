// The predict-check generators (web/src/predict/): over many seeds, the option each instance marks correct
// agrees with the core's numbers (recomputed here through loadCore(), with the documented thresholds and
// with what the concept says must happen), every instance is unambiguous and reproducible from its seed,
// "Try another" never repeats the parameters on screen, and the lesson's templates fill completely.
// Run: node --test tests/web/predict.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadCore } from '../../web/src/core.js';
import { GENERATORS } from '../../web/src/predict/generators/index.js';
import { statisticSpread } from '../../web/src/predict/generators/small-batch.js';
import { PREDICT_GENERATORS } from '../../web/src/predict/catalog.js';
import { makeInstance, paramsKey } from '../../web/src/predict/instance.js';
import { fill } from '../../web/src/predict/fill.js';
import { setLocale } from '../../web/src/i18n/i18n.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lesson = JSON.parse(readFileSync(path.join(root, 'web/content/lesson.json'), 'utf8'));
const blocks = lesson.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'predict');
const blockOf = (generator) => blocks.find((b) => b.generator === generator);
const SEEDS = Array.from({ length: 60 }, (_, i) => (i * 2654435761 + 12345) >>> 0);

let core;
before(async () => {
  core = await loadCore();
  setLocale('en');
});

/** The instances of `generator` for the 60 seeds. */
const instances = (generator) =>
  SEEDS.map((seed) => makeInstance(GENERATORS[generator], core, blockOf(generator), seed));

test('the lesson has a predict block for every generator, and each generator one module', () => {
  assert.deepEqual(Object.keys(GENERATORS).sort(), Object.keys(PREDICT_GENERATORS).sort());
  for (const name of Object.keys(GENERATORS)) assert.ok(blockOf(name), `a predict block uses ${name}`);
  assert.ok(
    Object.keys(GENERATORS).filter((n) => n !== 'where-used').length >= 4,
    'at least four core-driven generators',
  );
});

test("small-batch: only BatchNorm's statistic gets noisier at a small batch, by the core's batchSpread", () => {
  // The measurement is the generator's own (statisticSpread); the thresholds and the concept are checked here.
  for (const inst of instances('small-batch')) {
    const p = inst.params;
    const ratio = (kind) => statisticSpread(core, p, kind, p.batch) / statisticSpread(core, p, kind, 64);
    const noisy = (kind) => {
      const r = ratio(kind);
      assert.ok(r > 1.5 || Math.abs(r - 1) < 0.1, `unambiguous ratio ${r} for ${kind} (seed ${inst.seed})`);
      return r > 1.5;
    };
    const [a, b] = [noisy(p.first), noisy(p.second)];
    // The concept: exactly the batch-pooling norm reacts.
    assert.equal(a, p.first === 'batch');
    assert.equal(b, p.second === 'batch');
    const expected = a && b ? 'both' : a ? 'first-only' : b ? 'second-only' : 'neither';
    assert.equal(inst.correct, expected, `seed ${inst.seed}`);
    assert.equal(inst.values.firstRatio, ratio(p.first));
  }
});

test("eval-shift: the eval output's mean, recomputed through the core, decides the option", () => {
  for (const inst of instances('eval-shift')) {
    const p = inst.params;
    const runningMean = new Float32Array(4);
    const runningVar = new Float32Array(4).fill(1);
    for (let i = 0; i < p.steps; i++) {
      const x = core.sample('normal', 128, { seed: p.dataSeed + i, mean: p.mean, std: p.std });
      core.normalize('batch', x, [32, 4, 1], { runningMean, runningVar, momentum: p.momentum });
    }
    const fresh = core.sample('normal', 128, { seed: p.dataSeed + p.steps + 1000, mean: p.mean, std: p.std });
    const m = core.describe(
      core.normalize('batch', fresh, [32, 4, 1], { training: false, runningMean, runningVar }).output,
    ).mean;
    assert.equal(inst.values.evalMean, m);
    assert.ok(Math.abs(m) < 0.1 || Math.abs(m) > 0.3, `unambiguous mean ${m}`);
    const expected = Math.abs(m) < 0.1 ? 'near-zero' : m > 0 ? 'positive' : 'negative';
    assert.equal(inst.correct, expected, `seed ${inst.seed}`);
    // The concept: a lag of the running mean shifts the output towards the data's sign, never against it.
    if (expected !== 'near-zero') assert.equal(Math.sign(m), Math.sign(p.mean));
    assert.ok(Math.abs(inst.values.trainMean) < 1e-4, 'training mode centres the batch');
  }
});

test("centring: LayerNorm's output mean is 0; RMSNorm keeps the sign of an offset", () => {
  for (const inst of instances('centring')) {
    const p = inst.params;
    const shape = [4, p.features, 1];
    const x = core.sample(p.distribution, 4 * p.features, { seed: p.dataSeed, mean: p.mean, std: p.std });
    const ln = core.groupMoments('layer', core.normalize('layer', x, shape).output, shape).mean[0];
    const rms = core.groupMoments('layer', core.normalize('rms', x, shape).output, shape).mean[0];
    assert.ok(Math.abs(ln) < 1e-4);
    assert.equal(inst.values.rmsMean, rms);
    assert.ok(Math.abs(rms) < 0.25 || Math.abs(rms) > 0.5, `unambiguous ${rms}`);
    const expected = Math.abs(rms) < 0.25 ? 'both-zero' : rms > 0 ? 'rms-positive' : 'rms-negative';
    assert.equal(inst.correct, expected, `seed ${inst.seed}`);
    if (p.mean !== 0) assert.equal(Math.sign(rms), Math.sign(p.mean));
  }
});

test('affine: the output has mean β and standard deviation |γ| by the core, and only that option is close', () => {
  for (const inst of instances('affine')) {
    const { values: v } = inst;
    assert.ok(Math.abs(v.outMean - v.beta) < 0.05, `${v.outMean} vs β ${v.beta}`);
    assert.ok(Math.abs(v.outStd - v.absGamma) < 0.05, `${v.outStd} vs |γ| ${v.absGamma}`);
    assert.equal(inst.correct, 'beta-gamma');
    assert.deepEqual(
      [...inst.order].sort(),
      [...PREDICT_GENERATORS.affine.options].sort(),
      'the options are shuffled, all present',
    );
  }
  const orders = new Set(instances('affine').map((i) => i.order.join()));
  assert.ok(orders.size > 4, 'the correct option is not always in the same place');
});

test("axes: the count comes from core.statCount and names the kind's reduction", () => {
  const expected = {
    batch: 'per-channel',
    layer: 'per-sample',
    rms: 'per-sample',
    instance: 'per-sample-channel',
    group: 'per-sample-group',
  };
  const seen = new Set();
  for (const inst of instances('axes')) {
    const p = inst.params;
    const count = core.statCount(p.kind, [p.n, p.c, p.l], p.kind === 'group' ? { groups: p.g } : {});
    assert.equal(inst.values.count, count);
    assert.equal(inst.correct, expected[p.kind], `seed ${inst.seed}`);
    const counts = [p.c, p.n, p.n * p.c, p.n * p.g];
    assert.equal(new Set(counts).size, 4, 'every option has a different count');
    seen.add(p.kind);
  }
  assert.equal(seen.size, 5, 'all five kinds come up');
});

test("where-used: the answer is the drawn scenario's, from the content", () => {
  const block = blockOf('where-used');
  for (const inst of instances('where-used')) {
    assert.equal(inst.correct, block.scenarios[inst.params.scenario].answer);
  }
});

test('an instance is reproducible from its seed; "Try another" always shows other parameters', () => {
  for (const name of Object.keys(GENERATORS)) {
    const block = blockOf(name);
    let inst = makeInstance(GENERATORS[name], core, block, 7);
    const again = makeInstance(GENERATORS[name], core, block, inst.seed);
    assert.equal(again.key, inst.key);
    assert.deepEqual(again.values, inst.values);
    for (let i = 0; i < 25; i++) {
      const next = makeInstance(GENERATORS[name], core, block, (inst.seed * 31 + i) >>> 0, { avoid: inst.key });
      assert.notEqual(next.key, inst.key, name);
      assert.notEqual(paramsKey(next.params), paramsKey(inst.params));
      inst = next;
    }
  }
});

test("the lesson's templates fill completely for every instance", () => {
  for (const block of blocks) {
    for (const inst of instances(block.generator).slice(0, 20)) {
      const texts = [
        block.scenario,
        block.question,
        block.result,
        ...block.options.flatMap((o) => [o.text, o.explanation]),
      ];
      for (const text of texts) {
        const out = fill(text, inst.values, lesson.figureText);
        assert.ok(!/\{\w+\}/.test(out), `${block.id}: ${out}`);
        assert.ok(!/NaN|undefined|null/.test(out), `${block.id}: ${out}`);
      }
      for (const [name, value] of Object.entries(inst.values)) {
        if (typeof value === 'number') assert.ok(Number.isFinite(value), `${block.id}: ${name} = ${value}`);
      }
    }
  }
});

test('the content schema rejects broken predict, review and mastery blocks with a clear message', async () => {
  const { validateContent } = await import('../../web/src/content/schema.js');
  const caught = (mutate, pattern) => {
    const copy = structuredClone(lesson);
    mutate(
      copy.sections.flatMap((s) => s.blocks),
      copy,
    );
    const errors = validateContent(copy);
    assert.ok(
      errors.some((e) => pattern.test(e)),
      `expected ${pattern}, got:\n${errors.join('\n')}`,
    );
  };
  const predict = (all, gen = 'affine') => all.find((b) => b.type === 'predict' && b.generator === gen);
  assert.deepEqual(validateContent(lesson), []);
  caught((all) => {
    predict(all).generator = 'vibes';
  }, /unknown generator "vibes"/);
  caught((all) => {
    predict(all).result += ' {nope}';
  }, /unknown placeholder \{nope\} for generator affine/);
  caught((all) => {
    predict(all).options.pop();
  }, /must have exactly the options of generator affine/);
  caught((all) => {
    predict(all).options[0].correct = true;
  }, /unknown option field \(the core decides/);
  caught((all) => {
    delete predict(all).concepts;
  }, /concepts: required for a predict block/);
  caught((all) => {
    predict(all).concepts = ['optimization'];
  }, /unknown concept "optimization"/);
  caught((all) => {
    all.find((b) => b.type === 'quiz').concepts = [];
  }, /must be an array of 1–3 concept tags/);
  caught((all) => {
    predict(all, 'where-used').scenarios[0].answer = 'dropout';
  }, /answer: must be one of batch, layer/);
  caught((all) => {
    predict(all, 'where-used').scenarios.length = 2;
  }, /needs at least 4 scenarios/);
  caught((all) => {
    predict(all).scenarios = [];
  }, /takes no scenarios/);
  caught((all) => {
    delete all.find((b) => b.type === 'mastery').text;
  }, /text: required for a mastery block/);
  caught((all, c) => {
    c.sections
      .find((s) => s.id === 'deep-dives')
      .blocks.find((b) => b.type === 'deepdive')
      .blocks.push({ type: 'review', text: 'x' });
  }, /a deepdive may not contain a review block/);
});
