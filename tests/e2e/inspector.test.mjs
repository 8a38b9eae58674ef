// Browser test of "Paste a tensor" (web/src/figures/inspector/index.js) in the built lesson, headless Chromium,
// strict CSP: pasted numbers, nested JSON and seeded samples; the output grid, the per-group mean/rstd table and
// the selected element's arithmetic checked against the WASM core run here in Node (explainElement, normalize,
// groupIds); element selection and every control by keyboard; each malformed input's catalogue message in the
// alert region (and recovery), no page error, and axe-core (WCAG 2.x A/AA) in each state.
// Run: NORMLAB_DIST=/tmp/<you>/web node --test tests/e2e/inspector.test.mjs
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { useLesson } from './harness.mjs';
import { axeCheck as axeCheckOn, noErrors as noPageErrors } from './checks.mjs';
import { loadCore } from '../../web/src/core.js';
import { setLocale, t } from '../../web/src/i18n/i18n.js';

const HOST = 'section#playground .figure-host[data-figure="inspector"]';
const DEFAULT_NUMBERS = [1, 2, 3, 4, 2, 4, 6, 8, 0, 0, 1, 1, 5, 5, 5, 9, -1, 0, 1, 2, 3, 1, 4, 1];

// "Paste a tensor" is an optional part of the lesson, folded away under "Go deeper": open it as a learner would.
const lesson = useLesson({ openParts: true, figure: HOST });
const core = await loadCore();
setLocale('en');

let page;
let host;
before(async () => ({ page, host } = await lesson.ready()));

const fig = () => host.locator('.fig-inspector');
const control = (name) => host.locator(`[data-control="${name}"]`);
const alertText = () => host.locator('[data-readout="error"]').textContent();
const numbersOf = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.value)));

// Types into a field by keyboard and leaves it with Tab (which commits it: a change event).
async function typeInto(name, value) {
  await control(name).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (value.length > 200)
    await control(name).fill(value); // a long paste, not 1,000 key presses
  else await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

async function chooseKind(kind) {
  await control('kind').focus();
  await control('kind').selectOption(kind); // the select's own keyboard handling varies by platform
  await page.keyboard.press('Tab');
}

const axeCheck = (label) => axeCheckOn(page, label, HOST);
// Errors of the other figure on the page (the training panel) are its own tests' business.
const noErrors = () => noPageErrors(lesson.report, { except: 'figure "training"' });

// The grid, the statistics table and the selected element's terms against the core.
async function checkAgainstCore(kind, x, shape, opts = {}) {
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'ready', `${HOST} .fig-inspector`);
  const r = core.normalize(kind, x, shape, opts);
  assert.deepEqual(await numbersOf(host.locator('.insp-cell')), [...r.output], `${kind} output grid`);
  assert.deepEqual(await numbersOf(host.locator('.insp-stats tbody td:nth-child(3)')), [...r.mean], 'means');
  assert.deepEqual(await numbersOf(host.locator('.insp-stats tbody td:nth-child(4)')), [...r.rstd], 'rstds');
  const index = Number(await fig().getAttribute('data-selected'));
  const e = core.explainElement(kind, x, shape, index, opts);
  const terms = Object.fromEntries(
    await host
      .locator('.insp-terms dd')
      .evaluateAll((nodes) => nodes.map((n) => [n.dataset.term, Number(n.dataset.value)])),
  );
  assert.equal(terms.termX, e.x);
  assert.equal(terms.termRstd, e.rstd);
  assert.equal(terms.termNormalized, e.normalized);
  assert.equal(terms.termGamma, e.gamma);
  assert.equal(terms.termOutput, e.output);
  if (kind !== 'rms') {
    assert.equal(terms.termMean, e.mean);
    assert.equal(terms.termCentered, e.centered);
    assert.equal(terms.termBeta, e.beta);
  }
  // The highlighted cells are exactly the selected element's group.
  const ids = core.groupIds(kind, shape, { groups: opts.groups ?? 0 });
  const highlighted = await host
    .locator('.insp-cell')
    .evaluateAll((n) => n.map((c) => c.classList.contains('is-group')));
  assert.deepEqual(
    highlighted,
    [...ids].map((id) => id === e.group),
    'the group is highlighted',
  );
  assert.equal(highlighted.filter(Boolean).length, e.groupSize);
  assert.equal(await host.locator('.insp-stats tr.is-current').getAttribute('data-group'), String(e.group));
  return { index, e };
}

test('the default pasted tensor: grid, per-group statistics and the arithmetic match the core', async () => {
  await checkAgainstCore('layer', DEFAULT_NUMBERS, [2, 3, 4], { eps: 1e-5 });
  assert.equal(await host.locator('[data-parity="torch"]').count(), 1, 'the "matches PyTorch" note');
  await axeCheck('default');
  noErrors();
});

test('selecting elements by keyboard in the grid: arrows, PageDown, Home/End', async () => {
  const grid = host.locator('.insp-grid');
  await grid.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  let { index } = await checkAgainstCore('layer', DEFAULT_NUMBERS, [2, 3, 4]);
  assert.equal(index, 1 * 4 + 2, 'sample 1, channel 2, position 3');
  assert.equal(
    await grid.getAttribute('aria-activedescendant'),
    await host.locator('.insp-cell.is-focus').getAttribute('id'),
  );
  await page.keyboard.press('PageDown');
  await page.keyboard.press('End');
  ({ index } = await checkAgainstCore('layer', DEFAULT_NUMBERS, [2, 3, 4]));
  assert.equal(index, 12 + 4 + 3, 'sample 2, channel 2, position 4');
  assert.match(
    await host.locator('[data-readout="arithmetic"]').textContent(),
    /^y = \(2 − 2\.91667\) · 0\.371568 · 1 \+ 0 = −0\.340604$/,
  );
  noErrors();
});

test('every kind, with γ and β, and GroupNorm with G', async () => {
  const x = DEFAULT_NUMBERS;
  await typeInto('gamma', '1, 2, 0.5');
  await typeInto('beta', '0, 1, -1');
  await chooseKind('batch');
  await checkAgainstCore('batch', x, [2, 3, 4], { gamma: [1, 2, 0.5], beta: [0, 1, -1] });
  await chooseKind('instance');
  await checkAgainstCore('instance', x, [2, 3, 4], { gamma: [1, 2, 0.5], beta: [0, 1, -1] });
  await chooseKind('group');
  await typeInto('groups', '3');
  await checkAgainstCore('group', x, [2, 3, 4], { groups: 3, gamma: [1, 2, 0.5], beta: [0, 1, -1] });
  await typeInto('beta', '');
  await typeInto('gamma', '');
  await chooseKind('rms');
  const { e } = await checkAgainstCore('rms', x, [2, 3, 4]);
  assert.equal(e.centered, e.x);
  assert.match(await host.locator('[data-readout="formula"]').textContent(), /^y = x · rstd · γ/);
  await axeCheck('rms');
  noErrors();
});

test('nested JSON sets the shape; a seeded sample of a chosen shape', async () => {
  await chooseKind('layer');
  await typeInto('numbers', '[[[1, 2], [3, 5]], [[0, 0.5], [−2, 8]], [[1, 1], [1, 2]]]');
  assert.equal(await control('n').inputValue(), '3');
  assert.equal(await control('c').inputValue(), '2');
  assert.equal(await control('l').inputValue(), '2');
  await checkAgainstCore('layer', [1, 2, 3, 5, 0, 0.5, -2, 8, 1, 1, 1, 2], [3, 2, 2]);

  await control('source-sample').focus();
  await page.keyboard.press('Space');
  await typeInto('n', '4');
  await typeInto('c', '6');
  await typeInto('l', '5');
  await typeInto('seed', '7');
  await chooseKind('batch');
  const x = core.sample('normal', 4 * 6 * 5, { seed: 7 });
  await checkAgainstCore('batch', x, [4, 6, 5]);
  await axeCheck('sample');
  await control('source-paste').focus();
  await page.keyboard.press('Space');
  noErrors();
});

// One case per message the inspector can show: the inputs that break one thing, and the message expected.
function malformedInputs() {
  const big = Array.from({ length: 1025 }, (_, i) => String(i % 7)).join(' ');
  return [
    { set: { numbers: '1, 2, x3' }, message: t('inspector.errors.notNumber', { token: 'x3', position: 3 }) },
    { set: { numbers: '1 NaN 3' }, message: t('inspector.errors.nonFinite', { token: 'NaN', position: 2 }) },
    { set: { numbers: '1 2 1e999' }, message: t('inspector.errors.nonFinite', { token: '1e999', position: 3 }) },
    { set: { numbers: big }, message: t('inspector.errors.tooMany', { count: 1025, max: 1024 }) },
    { set: { numbers: '[1, 2' }, message: t('inspector.errors.json') },
    { set: { numbers: '[[1, 2], [3]]' }, message: t('inspector.errors.ragged') },
    { set: { numbers: '' }, message: t('inspector.errors.empty') },
    {
      set: { numbers: DEFAULT_NUMBERS.slice(1).join(' ') },
      message: t('inspector.errors.count', { count: 23, n: 2, c: 3, l: 4, expected: 24 }),
    },
    { set: { n: '0' }, message: t('inspector.errors.dim', { name: 'N', value: '0', max: 1024 }) },
    { set: { c: '2.5' }, message: t('inspector.errors.dim', { name: 'C', value: '2.5', max: 1024 }) },
    { set: { eps: '0' }, message: t('inspector.errors.eps', { value: '0' }) },
    { set: { eps: '-1e-5' }, message: t('inspector.errors.eps', { value: '-1e-5' }) },
    { set: { eps: 'small' }, message: t('inspector.errors.epsNotNumber', { value: 'small' }) },
    { set: { gamma: '1, 2' }, message: t('inspector.errors.paramPerElement', { name: 'γ', count: 12, c: 3, l: 4 }) },
    { set: { gamma: '1, two, 3' }, message: t('inspector.errors.paramNotNumber', { name: 'γ', token: 'two' }) },
    {
      kind: 'batch',
      set: { beta: '1, 2' },
      message: t('inspector.errors.paramPerChannel', { name: 'β', count: 3, c: 3, l: 4 }),
    },
    { kind: 'rms', set: { beta: '0, 0, 0' }, message: t('inspector.errors.rmsBeta') },
    { kind: 'group', set: { groups: '2' }, message: t('inspector.errors.groups', { c: 3, g: 2 }) },
    { kind: 'group', set: { groups: 'x' }, message: t('inspector.errors.dim', { name: 'G', value: 'x', max: 1024 }) },
    { kind: 'batch', set: { numbers: '1 2 3', n: '1', l: '1' }, message: t('inspector.errors.batchOne') },
    { kind: 'instance', set: { numbers: '1 2 3 4 5 6', l: '1' }, message: t('inspector.errors.instanceOne') },
    { set: { n: '64', c: '64', l: '1' }, message: t('inspector.errors.shapeTooLarge', { expected: 4096, max: 1024 }) },
  ];
}

test('every malformed input gets its own message in the alert region, and a valid input recovers', async () => {
  const cases = malformedInputs();
  const valid = {
    numbers: DEFAULT_NUMBERS.join(', '),
    n: '2',
    c: '3',
    l: '4',
    eps: '1e-5',
    gamma: '',
    beta: '',
    groups: '3',
  };
  let first = true;
  for (const c of cases) {
    // Back to a valid set-up, then break one thing.
    for (const [name, value] of Object.entries(valid)) {
      if ((await control(name).inputValue()) !== value) await typeInto(name, value);
    }
    await chooseKind(c.kind ?? 'layer');
    await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'ready', `${HOST} .fig-inspector`);
    for (const [name, value] of Object.entries(c.set)) await typeInto(name, value);
    await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'error', `${HOST} .fig-inspector`);
    assert.equal(await alertText(), c.message, JSON.stringify(c.set));
    assert.equal(await host.locator('[role="alert"][data-readout="error"]').isVisible(), true);
    assert.equal(await host.locator('.insp-output').isVisible(), false, 'no stale output next to an error');
    if (first) await axeCheck('error');
    first = false;
  }
  for (const [name, value] of Object.entries(valid)) await typeInto(name, value);
  await chooseKind('layer');
  await checkAgainstCore('layer', DEFAULT_NUMBERS, [2, 3, 4]);
  assert.equal(await host.locator('[data-readout="error"]').isVisible(), false);
  noErrors();
});
