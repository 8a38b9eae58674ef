// The shipped default comparisons (web/public/data/comparisons-default.json, written by tools/comparisons.mjs with
// the native build): every default comparison the page has today (its presets' and the model map's) is in the
// file, computed from the config the page sends now; and a WebAssembly run of the Fair preset's variants gives
// the shipped numbers bit for bit (the browser test runs the Transformer's and the conv net's).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadTrainer } from '../../web/src/core.js';
import { defaultComparisons } from '../../web/src/figures/training/default-comparisons.js';
import { firstDifference, indexShipped, runKey, shippedRuns } from '../../web/src/training/shipped-comparisons.js';

const trainer = await loadTrainer();
const raw = trainer.defaultSweepPlan();
const plan = { ...raw, learningRates: [...raw.learningRates], seeds: [...raw.seeds], norms: [...raw.norms] };
const shipped = JSON.parse(
  readFileSync(new URL('../../web/public/data/comparisons-default.json', import.meta.url), 'utf8'),
);
const current = defaultComparisons(plan);

test('every default comparison of the page is shipped, computed from its current config', () => {
  assert.match(shipped.generator, /normlab_compare /);
  assert.deepEqual(Object.keys(shipped.comparisons).sort(), current.map((c) => c.id).sort());
  for (const { id, state, runs } of current) {
    const entry = shipped.comparisons[id];
    assert.deepEqual(entry.state, state, id);
    assert.deepEqual(Object.keys(entry.runs), state.variants, id);
    for (const { key, config } of runs) {
      const run = shipped.runs[entry.runs[key]];
      assert.equal(run.steps, state.steps, `${id} ${key}`);
      // Field by field first, so a drifted preset names the field.
      for (const field of Object.keys(config)) assert.equal(run.config[field], config[field], `${id} ${key} ${field}`);
      assert.equal(runKey(run.steps, run.config), runKey(state.steps, config), `${id} ${key}`);
      assert.equal(run.evals.length, Math.floor(run.stepsDone / config.evalEvery), `${id} ${key}`);
    }
  }
});

test('the page finds the shipped runs of a default and none after a change', () => {
  const lookup = indexShipped(shipped);
  for (const { id, state } of current) assert.ok(shippedRuns(lookup, plan, state), id);
  const fair = current.find((c) => c.id === 'fair').state;
  assert.equal(shippedRuns(lookup, plan, { ...fair, rate: 0.1 }), null);
  assert.equal(shippedRuns(lookup, plan, { ...fair, steps: 500 }), null);
  assert.equal(shippedRuns(lookup, plan, { ...fair, variants: [...fair.variants, 'group'] }), null);
  assert.ok(shippedRuns(lookup, plan, { ...fair, variants: ['batch'] }), 'a subset of shipped variants');
  assert.equal(shippedRuns(indexShipped(null), plan, fair), null);
});

test("WebAssembly reproduces the Fair preset's shipped runs bit for bit", () => {
  const { state, runs } = current.find((c) => c.id === 'fair');
  const expected = shippedRuns(indexShipped(shipped), plan, state);
  for (const { key, config } of runs) {
    const t = trainer.createTrainer(config);
    try {
      const r = t.step(state.steps);
      const live = { loss: Array.from(r.loss), evals: r.evals, diverged: r.diverged };
      assert.equal(firstDifference(expected[key], live), null, key);
      // A changed bit is found.
      live.loss[live.loss.length - 1] = -1;
      assert.equal(firstDifference(expected[key], live), state.steps, key);
    } finally {
      t.dispose();
    }
  }
});
