// Browser test of "One tensor, every norm" (web/src/figures/every-norm/index.js) in the built lesson, headless
// Chromium, strict CSP: driven by keyboard only (the groups and offset sliders, the distribution select, the
// seed field), every number shown (data-value) checked against the WASM core run here in Node with the same
// seed, G = 1 equal to LayerNorm and G = C equal to InstanceNorm (max |difference| 0), LayerNorm centred and
// RMSNorm not at a large offset, no page error, and axe-core (WCAG 2.x A/AA) in each state.
// Run: NORMLAB_DIST=/tmp/<you>/web node --test tests/e2e/every-norm.test.mjs
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrames, useLesson } from './harness.mjs';
import { axeCheck as axeCheckOn, noErrors as noPageErrors } from './checks.mjs';
import { KINDS, loadCore } from '../../web/src/core.js';

const HOST = 'section#techniques .figure-host[data-figure="every-norm"]';
const SHAPE = [8, 16, 16];

const lesson = useLesson({ figure: HOST });
const core = await loadCore();

// The figure's numbers for a state, computed independently with the core.
function expected({ distribution, seed, offset, groups }) {
  const x = core.sample(distribution, 8 * 16 * 16, { seed, mean: offset, std: 1 });
  const out = Object.fromEntries(
    KINDS.map((k) => [k, core.normalize(k, x, SHAPE, k === 'group' ? { groups } : {}).output]),
  );
  const stats = Object.fromEntries(KINDS.map((k) => [k, core.describe(out[k], { bins: 32, range: [-4, 4] })]));
  stats.input = core.describe(x, { bins: 32 });
  return {
    stats,
    layer: core.maxAbsDifference(out.group, out.layer),
    instance: core.maxAbsDifference(out.group, out.instance),
    g1: core.maxAbsDifference(core.normalize('group', x, SHAPE, { groups: 1 }).output, out.layer),
    gc: core.maxAbsDifference(core.normalize('group', x, SHAPE, { groups: 16 }).output, out.instance),
  };
}

let page;
let host;
before(async () => ({ page, host } = await lesson.ready()));

const settle = () => nextFrames(page);
const figureState = () =>
  host.locator('.fig-every-norm').evaluate((e) => ({
    distribution: e.dataset.distribution,
    seed: Number(e.dataset.seed),
    offset: Number(e.dataset.offset),
    groups: Number(e.dataset.groups),
  }));
const cell = (kind, stat) =>
  host.locator(`.en-stats tr[data-kind="${kind}"] td[data-stat="${stat}"]`).evaluate((e) => Number(e.dataset.value));
const readout = (name, key = 'value') =>
  host.locator(`[data-readout="${name}"]`).evaluate((e, k) => Number(e.dataset[k]), key);

const axeCheck = (label) => axeCheckOn(page, label, HOST);
// Errors of the other figure on the page (the training panel) are its own tests' business.
const noErrors = () => noPageErrors(lesson.report, { except: 'figure "training"' });

// Every number of the table and the read-outs against the core, for the state the figure reports.
async function checkNumbers() {
  const state = await figureState();
  const want = expected(state);
  for (const kind of ['input', ...KINDS]) {
    for (const stat of ['mean', 'std', 'skewness']) {
      const got = await cell(kind, stat);
      assert.ok(
        Math.abs(got - want.stats[kind][stat]) <= 1e-12 * Math.max(1, Math.abs(want.stats[kind][stat])),
        `${kind} ${stat}: page ${got}, core ${want.stats[kind][stat]} (${JSON.stringify(state)})`,
      );
    }
  }
  assert.equal(await readout('groups', 'layer'), want.layer);
  assert.equal(await readout('groups', 'instance'), want.instance);
  assert.equal(await readout('g1'), want.g1);
  assert.equal(await readout('gc'), want.gc);
  return { state, want };
}

test('the default state: five outputs and the input, every number from the core; G = 1 and G = C are exact', async () => {
  const { state, want } = await checkNumbers();
  assert.deepEqual(state, { distribution: 'normal', seed: 1, offset: 0, groups: 4 });
  assert.equal(want.g1, 0, 'G = 1 is LayerNorm');
  assert.equal(want.gc, 0, 'G = C is InstanceNorm');
  assert.equal(await host.locator('canvas[role="img"]').count(), 6, 'six histograms');
  for (const summary of await host.locator('.fig-chart + p.visually-hidden').allTextContents()) {
    assert.match(summary, /mean .* standard deviation .* skewness/, 'each histogram has a text alternative');
  }
  assert.equal(await host.locator('[data-parity="torch"]').count(), 1, 'the "matches PyTorch" note');
  await axeCheck('default');
  noErrors();
});

/** Press `key` where the focus is, wait for the redraw, then check every number against the core. */
async function press(key) {
  await page.keyboard.press(key);
  await settle();
  return checkNumbers();
}

test('the groups slider by keyboard: G = 1 equals LayerNorm, G = C equals InstanceNorm, in between neither', async () => {
  const slider = host.locator('input[data-control="groups"]');
  await slider.focus();
  let { state } = await press('Home');
  assert.equal(state.groups, 1);
  assert.equal(await readout('groups', 'layer'), 0);
  assert.match(await slider.getAttribute('aria-valuetext'), /G = 1 \(16 channels per group\)/);
  assert.match(await host.locator('[data-readout="g1"]').getAttribute('class'), /is-current/);
  ({ state } = await press('End'));
  assert.equal(state.groups, 16);
  assert.equal(await readout('groups', 'instance'), 0);
  await axeCheck('G = C');
  ({ state } = await press('ArrowLeft'));
  assert.equal(state.groups, 8);
  assert.ok((await readout('groups', 'layer')) > 0.01 && (await readout('groups', 'instance')) > 0.01);
  noErrors();
});

test('the offset slider by keyboard: LayerNorm stays centred, RMSNorm keeps the offset', async () => {
  await host.locator('input[data-control="offset"]').focus();
  const { state, want } = await press('End');
  assert.equal(state.offset, 10);
  assert.ok(Math.abs(want.stats.layer.mean) < 1e-3 && Math.abs(want.stats.layer.std - 1) < 1e-3);
  assert.ok(want.stats.rms.mean > 0.98 && want.stats.rms.std < 0.15, `RMSNorm mean ${want.stats.rms.mean}`);
  const line = await host.locator('[data-readout="offset"]').textContent();
  assert.match(line, /offset 10\.0/);
  assert.ok(line.includes(want.stats.rms.mean.toFixed(3)), `${line} shows RMSNorm's mean ${want.stats.rms.mean}`);
  await axeCheck('offset 10');
  noErrors();
});

test('the distribution select and the seed field by keyboard; an invalid seed is put back', async () => {
  await host.locator('select').focus();
  let { state } = await press('ArrowDown'); // normal -> skewed
  assert.equal(state.distribution, 'skewed');
  const seed = host.locator('input[data-control="seed"]');
  // Types into the seed field and leaves it with Tab (which commits it: a change event).
  const typeSeed = async (text) => {
    await seed.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    return press('Tab');
  };
  ({ state } = await typeSeed('42'));
  assert.equal(state.seed, 42);
  ({ state } = await typeSeed('0'));
  assert.equal(state.seed, 42, 'seed 0 is not allowed: the last valid seed stays');
  assert.equal(await seed.inputValue(), '42');
  await axeCheck('skewed, seed 42');
  noErrors();
});
