// Browser tests of the three live figures ("What gets normalized?", activation distributions, playground)
// in the built lesson (dist/web), headless Chromium, strict CSP. Every expected number is computed here in
// Node by the same WASM core (web/src/core.js) with the same seed and compared with what the page shows
// (the table cells carry the exact value in data-value). Also: keyboard control of every slider and of the
// cell selection, the playground's URL fragment (round trip, garbage, other fragment parts kept), inline
// core errors, hover without rebuilding, axe-core (WCAG 2.x A/AA) on each figure, and screenshots of each
// figure in test-results/ (1100 px and 360 px).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, useSite, nextFrames, mountEveryFigure } from './harness.mjs';
import { axeCheck, noErrors as noPageErrors, screenshot } from './checks.mjs';
import { loadCore } from '../../web/src/core.js';
import { playgroundExpected } from '../shared/expected.mjs';
import { DIST_SHAPE, INPUT_PRESETS } from '../../web/src/figures/inputs.js';
import { DEFAULTS, readHash } from '../../web/src/figures/playground/hash.js';

const text = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8')).figureText;
const HOST = {
  grouping: 'section#techniques .figure-host[data-figure="grouping"]',
  distributions: 'section#activations .figure-host[data-figure="distributions"]',
  playground: 'section#playground .figure-host[data-figure="playground"]',
};

// NORMLAB_DIST: serve another build folder (default dist/web).
const site = useSite();
const core = await loadCore();

const openFigure = (name, { hash = '', ...options } = {}) => site.open(hash, { figure: HOST[name], ...options });

/** Wait until the figure has drawn the next animation frame (its updates are coalesced per frame). */
const settle = (page) => nextFrames(page);
const shown = (host, selector) => host.locator(selector).evaluate((e) => Number(e.dataset.value));
// Errors of the other figure on the page (the training panel) are its own tests' business.
const noErrors = (report) => noPageErrors(report, { except: 'figure "training"' });

/** Screenshot one figure; every lazily mounted figure is mounted first, so nothing shifts the layout meanwhile. */
async function screenshotFigure(page, name, file) {
  await mountEveryFigure(page);
  await screenshot(page, page.locator(HOST[name]), file);
}

// ---- "What gets normalized?" ---------------------------------------------------------------------

describe('grouping figure', () => {
  const SHAPE = [4, 6, 4];
  /** The colour classes of the cells (same hue ⇔ same group) as a canonical partition. */
  const partition = (ids) => {
    const first = new Map();
    return Array.from(ids, (id) => {
      if (!first.has(id)) first.set(id, first.size);
      return first.get(id);
    });
  };
  const shownPartition = async (host) =>
    partition(
      await host.locator('.fig-cell').evaluateAll((cells) => cells.map((c) => c.style.getPropertyValue('--cell-hue'))),
    );

  test('colours follow core.groupIds for every kind; the status names the axes and the group size', async () => {
    const { context, page, host, report } = await openFigure('grouping');
    for (const kind of ['batch', 'layer', 'instance', 'group', 'rms']) {
      await host.getByRole('radio', { name: text.kinds[kind].label }).check();
      await settle(page);
      const groups = kind === 'group' ? 2 : 0;
      assert.deepEqual(await shownPartition(host), partition(core.groupIds(kind, SHAPE, { groups })), kind);
      const size = (4 * 6 * 4) / core.statCount(kind, SHAPE, { groups });
      const status = await host.locator('.fig-status').textContent();
      assert.ok(status.startsWith(text.kinds[kind].label), status);
      assert.ok(status.includes(text.kinds[kind].axes), status);
      assert.ok(status.includes(`this group: ${size} cells`), status);
      assert.equal(await host.locator('.fig-cell.is-group').count(), size, kind);
    }
    // GroupNorm offers only divisors of C = 6, and the picture follows the choice.
    await host.getByRole('radio', { name: text.kinds.group.label }).check();
    const select = host.getByLabel('Groups (G)');
    assert.deepEqual(await select.locator('option').allTextContents(), ['1', '2', '3', '6']);
    await select.selectOption('3');
    await settle(page);
    assert.deepEqual(await shownPartition(host), partition(core.groupIds('group', SHAPE, { groups: 3 })));
    assert.match(await host.locator('.fig-status').textContent(), /this group: 8 cells/);
    await host.getByRole('radio', { name: text.kinds.batch.label }).check();
    assert.equal(await select.isVisible(), false, 'the groups control is only shown for GroupNorm');
    noErrors(report);
    await context.close();
  });

  test('keyboard: arrow keys move the selection (aria-activedescendant) and highlight its group', async () => {
    const { context, page, host, report } = await openFigure('grouping');
    const grid = host.getByRole('grid');
    await grid.focus();
    const active = () =>
      grid.evaluate((g) => document.getElementById(g.getAttribute('aria-activedescendant')).dataset.index);
    assert.equal(await active(), '0');
    await page.keyboard.press('ArrowRight');
    assert.equal(await active(), '1');
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), String(1 * 4 + 1)); // channel 2, position 2
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight'); // on to the next sample
    assert.equal(await active(), String((1 * 6 + 1) * 4 + 0));
    await page.keyboard.press('ArrowUp');
    assert.equal(await active(), String((1 * 6 + 0) * 4 + 0));
    assert.equal(await host.locator('[aria-selected="true"]').count(), 1);
    // BatchNorm: the selected cell's group is channel 1 in every sample and position.
    const inGroup = await host
      .locator('.fig-cell.is-group')
      .evaluateAll((cells) => cells.map((c) => Number(c.dataset.index)));
    assert.deepEqual(inGroup, [0, 1, 2, 3, 24, 25, 26, 27, 48, 49, 50, 51, 72, 73, 74, 75]);
    assert.match(await host.locator('.fig-status').textContent(), /sample 2, channel 1, position 1/);
    const live = await host.locator('[aria-live="polite"]').textContent();
    assert.match(live, /group has 16 cells/);
    noErrors(report);
    await context.close();
  });

  test('hover highlights a group without rebuilding any node', async () => {
    const { context, page, host, report } = await openFigure('grouping');
    await host.getByRole('radio', { name: text.kinds.instance.label }).check();
    await settle(page);
    await page.evaluate((sel) => {
      const grid = document.querySelector(`${sel} .fig-cells`);
      window.__cells = [...grid.querySelectorAll('.fig-cell')];
      window.__mutations = 0;
      new MutationObserver((list) => {
        for (const m of list) if (m.type === 'childList') window.__mutations++;
      }).observe(grid, { childList: true, subtree: true });
    }, HOST.grouping);
    const cell = host.locator('.fig-cell').nth(30);
    await cell.hover();
    assert.equal(await host.locator('.fig-cell.is-group').count(), 4); // InstanceNorm: L = 4 cells
    assert.equal(await cell.evaluate((c) => c.classList.contains('is-group')), true);
    await host.locator('.fig-cell').nth(70).hover();
    await page.mouse.move(0, 0);
    const same = await page.evaluate((sel) => {
      const now = [...document.querySelectorAll(`${sel} .fig-cell`)];
      return (
        now.length === window.__cells.length && now.every((c, i) => c === window.__cells[i]) && window.__mutations === 0
      );
    }, HOST.grouping);
    assert.equal(same, true, 'cells were replaced while hovering');
    noErrors(report);
    await context.close();
  });
});

// ---- activation distributions -----------------------------------------------------------------------

describe('distribution figure', () => {
  const size = DIST_SHAPE[0] * DIST_SHAPE[1] * DIST_SHAPE[2];
  const affine = (kind) => (kind === 'layer' || kind === 'rms' ? DIST_SHAPE[1] * DIST_SHAPE[2] : DIST_SHAPE[1]);
  function expected({ distribution, kind, gamma, beta, seed }) {
    const x = core.sample(distribution, size, { seed, ...INPUT_PRESETS[distribution] });
    const opts = { gamma: new Float32Array(affine(kind)).fill(gamma) };
    if (kind !== 'rms') opts.beta = new Float32Array(affine(kind)).fill(beta);
    if (kind === 'group') opts.groups = 4;
    const y = core.normalize(kind, x, DIST_SHAPE, opts).output;
    return { raw: core.describe(x), norm: core.describe(y, { bins: 64, range: [-8, 8] }) };
  }
  async function check(host, state, label) {
    const want = expected(state);
    for (const key of ['mean', 'std', 'min', 'max', 'median', 'skewness']) {
      assert.equal(await shown(host, `td[data-stat="${key}"][data-side="raw"]`), want.raw[key], `${label}: raw ${key}`);
      assert.equal(
        await shown(host, `td[data-stat="${key}"][data-side="normalized"]`),
        want.norm[key],
        `${label}: normalized ${key}`,
      );
    }
  }

  test('the statistics are core.describe of the seeded batch, for every control', async () => {
    const { context, page, host, report } = await openFigure('distributions');
    const state = { distribution: 'normal', kind: 'batch', gamma: 1, beta: 0, seed: 1 };
    await check(host, state, 'initial');
    await host.getByLabel('Raw activations', { exact: true }).selectOption('skewed');
    await settle(page);
    state.distribution = 'skewed';
    await check(host, state, 'skewed');
    assert.equal(await host.locator('.fig-caption').textContent(), text.distributions.skewed.caption);
    await host.getByLabel('Normalization').selectOption('layer');
    await settle(page);
    state.kind = 'layer';
    await check(host, state, 'layer');
    await host.getByRole('button', { name: 'Resample' }).click();
    await settle(page);
    state.seed = 2;
    assert.match(await host.locator('.fig-seed').textContent(), /Seed 2/);
    await check(host, state, 'resampled');
    // Keyboard on both sliders: γ 1 → 1.2 (four steps of 0.05), β 0 → 3 (End).
    await host.locator('input[data-control="gamma"]').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await host.locator('input[data-control="beta"]').focus();
    await page.keyboard.press('End');
    await settle(page);
    Object.assign(state, { gamma: 1.2, beta: 3 });
    assert.equal(await host.locator('input[data-control="gamma"]').getAttribute('aria-valuetext'), '1.20');
    assert.equal(await host.locator('input[data-control="beta"]').getAttribute('aria-valuetext'), '3.00');
    await check(host, state, 'γ 1.2, β 3');
    // Shape is kept: the skewness of LayerNorm's output equals the raw skewness (one scale and shift per sample
    // pooled over many samples changes it only a little; here we check the figure shows both from the core).
    const skewRaw = await shown(host, 'td[data-stat="skewness"][data-side="raw"]');
    assert.ok(skewRaw > 0.5, 'the skewed input is visibly skewed');
    // RMSNorm has no β: the slider is disabled.
    await host.getByLabel('Normalization').selectOption('rms');
    await settle(page);
    assert.equal(await host.locator('input[data-control="beta"]').isDisabled(), true);
    await check(host, { ...state, kind: 'rms' }, 'rms');
    noErrors(report);
    await context.close();
  });
});

// ---- playground -----------------------------------------------------------------------------------

describe('playground', () => {
  async function check(host, s, label) {
    const want = playgroundExpected(core, s);
    for (const key of ['mean', 'std', 'min', 'max', 'skewness']) {
      assert.equal(await shown(host, `td[data-stat="${key}"][data-side="raw"]`), want.raw[key], `${label}: raw ${key}`);
      assert.equal(
        await shown(host, `td[data-stat="${key}"][data-side="normalized"]`),
        want.norm[key],
        `${label}: normalized ${key}`,
      );
    }
    assert.equal(
      await shown(host, 'td[data-stat="mean"][data-side="improvement"]'),
      want.improvement.mean,
      `${label}: improvement`,
    );
  }
  const hashState = (page) => page.evaluate(() => location.hash).then(readHash);

  test('every slider works from the keyboard, and the table follows the core', async () => {
    const { context, page, host, report } = await openFigure('playground');
    const s = { ...DEFAULTS };
    await check(host, s, 'defaults');
    const steps = [
      ['batch', 'ArrowLeft', { n: 48 }],
      ['features', 'ArrowRight', { c: 384 }],
      ['eps', 'End', { eps: 1 }],
      ['gamma', 'ArrowRight', { gamma: 1.05 }],
      ['beta', 'ArrowLeft', { beta: -0.1 }],
    ];
    for (const [control, key, patch] of steps) {
      await host.locator(`input[data-control="${control}"]`).focus();
      await page.keyboard.press(key);
      await settle(page);
      Object.assign(s, patch);
      await check(host, s, `${control} ${key}`);
      const inHash = await hashState(page);
      for (const [k, v] of Object.entries(patch)) assert.equal(inHash[k], v, `hash ${k}`);
    }
    // Kind, groups (divisors of C only) and distribution.
    await host.getByLabel('Normalization').selectOption('group');
    await settle(page);
    const options = await host.getByLabel('Groups').locator('option').allTextContents();
    assert.ok(options.every((g) => 384 % Number(g) === 0) && options.includes('32'), options.join());
    await host.getByLabel('Groups').selectOption('12');
    await host.getByLabel('Input distribution').selectOption('bimodal');
    await settle(page);
    Object.assign(s, { kind: 'group', g: 12, dist: 'bimodal' });
    await check(host, s, 'group 12, bimodal');
    assert.deepEqual(await hashState(page), s);
    // The About text and the per-group statistics follow the kind.
    assert.match(await host.locator('.pg-about').textContent(), /Splits the channels into groups/);
    assert.match(await host.locator('.pg-groups caption').textContent(), new RegExp(`${48 * 12} groups`));
    noErrors(report);
    await context.close();
  });

  test('the URL fragment round-trips and keeps other fragment parts', async () => {
    const hash = '#intro&pg=kind:rms,n:8,c:1024,g:32,eps:1e-3,gamma:1.5,beta:0,dist:heavy,mode:train,seed:5';
    const { context, page, host, report } = await openFigure('playground', { hash });
    const s = readHash(hash);
    assert.equal(await host.getByLabel('Normalization').inputValue(), 'rms');
    assert.equal(await host.locator('input[data-control="batch"]').getAttribute('aria-valuetext'), '8');
    assert.equal(await host.locator('input[data-control="eps"]').getAttribute('aria-valuetext'), '1e−3');
    assert.match(await host.locator('.fig-seed').textContent(), /Seed 5/);
    await check(host, s, 'from the link');
    await host.getByRole('button', { name: 'Resample' }).click();
    await settle(page);
    const now = await page.evaluate(() => location.hash);
    assert.ok(now.startsWith('#intro&pg='), now);
    assert.equal(readHash(now).seed, 6);
    // The "link to this view" reproduces it in a fresh page.
    const href = await host.getByRole('link', { name: 'Link to this view' }).getAttribute('href');
    const again = await openFigure('playground', { hash: href });
    await check(again.host, { ...s, seed: 6 }, 'reopened');
    noErrors(again.report);
    await again.context.close();
    noErrors(report);
    await context.close();
  });

  test('garbage in the fragment falls back to the defaults without an error', async () => {
    const hash = '#pg=kind:%3Cscript%3E,n:-4,c:abc,g:7,eps:NaN,gamma:9,beta:,dist:nope,mode:x,seed:1.5,zzz:1';
    const { context, host, report } = await openFigure('playground', { hash });
    await check(host, DEFAULTS, 'garbage');
    assert.equal(await host.locator('.fig-error').isVisible(), false);
    noErrors(report);
    await context.close();
  });

  // A malformed percent-escape in the fragment must neither stop the page from booting (main.js follows
  // the fragment) nor break the playground: both fall back.
  test('an undecodable fragment falls back to the defaults', async () => {
    const { context, host, report } = await openFigure('playground', { hash: '#pg=kind:%E0%A4%A' });
    await check(host, DEFAULTS, 'undecodable');
    noErrors(report);
    await context.close();
  });

  test('core errors are inline alerts; BatchNorm eval mode works at batch 1', async () => {
    const { context, page, host, report } = await openFigure('playground');
    await host.locator('input[data-control="batch"]').focus();
    await page.keyboard.press('Home');
    await settle(page);
    const alert = host.getByRole('alert');
    assert.equal(await alert.isVisible(), true);
    assert.match(await alert.textContent(), /Expected more than 1 value per channel when training/);
    // The raw side is still shown (from the core); the normalized side is empty.
    assert.equal(
      await shown(host, 'td[data-stat="mean"][data-side="raw"]'),
      core.describe(core.sample('normal', 256, { seed: 1, ...INPUT_PRESETS.normal })).mean,
    );
    assert.equal(await host.locator('td[data-stat="mean"][data-side="normalized"]').textContent(), '—');
    await screenshotFigure(page, 'playground', 'figure-playground-error.png');
    await host.getByRole('radio', { name: 'Eval' }).check();
    await settle(page);
    assert.equal(await host.locator('.fig-error').isVisible(), false);
    assert.equal(await host.locator('.pg-running').isVisible(), true);
    assert.match(await host.locator('[data-running="summary"]').textContent(), /After 30 steps: running mean/);
    await host.getByLabel('Normalization').selectOption('instance');
    await settle(page);
    assert.match(await host.getByRole('alert').textContent(), /InstanceNorm/);
    noErrors(report);
    await context.close();
  });

  test('batch size: BatchNorm statistics noisier at 2 than at 512; LayerNorm the same', async () => {
    const { context, page, host, report } = await openFigure('playground', { hash: '#pg=n:2' });
    const bn2 = Number((await host.locator('[data-noise="batch-mean"]').textContent()).replace('−', '-'));
    const ln2 = await host.locator('[data-noise="layer-mean"]').textContent();
    await host.locator('input[data-control="batch"]').focus();
    await page.keyboard.press('End');
    await settle(page);
    const bn512 = Number((await host.locator('[data-noise="batch-mean"]').textContent()).replace('−', '-'));
    assert.ok(bn2 > 5 * bn512, `${bn2} vs ${bn512}`);
    assert.equal(await host.locator('[data-noise="layer-mean"]').textContent(), ln2);
    noErrors(report);
    await context.close();
  });
});

// ---- accessibility and screenshots ---------------------------------------------------------------------

describe('accessibility and screenshots', () => {
  test('axe-core finds no WCAG 2.x A/AA violations in any figure (several states, both themes)', async () => {
    for (const name of ['grouping', 'distributions', 'playground']) {
      const { context, page, host } = await openFigure(name, { bypassCSP: true });
      await axeCheck(page, `${name}, initial`, HOST[name]);
      if (name === 'grouping') {
        await host.getByRole('radio', { name: text.kinds.group.label }).check();
        await host.getByRole('grid').focus();
        await page.keyboard.press('ArrowDown');
        await axeCheck(page, `${name}, GroupNorm, cell selected`, HOST[name]);
      } else if (name === 'playground') {
        await host.locator('input[data-control="batch"]').focus();
        await page.keyboard.press('Home');
        await settle(page);
        await axeCheck(page, `${name}, error shown`, HOST[name]);
        await host.getByRole('radio', { name: 'Eval' }).check();
        await host.getByRole('button', { name: 'What does improvement mean?' }).click();
        await settle(page);
        await axeCheck(page, `${name}, eval mode, definition open`, HOST[name]);
      }
      await page.evaluate(() => {
        document.documentElement.dataset.theme = 'dark';
      });
      await settle(page);
      await axeCheck(page, `${name}, dark theme`, HOST[name]);
      await context.close();
    }
  });

  test('screenshots of each figure (1100 px and 360 px, light and dark)', async () => {
    for (const width of [1100, 360]) {
      for (const name of ['grouping', 'distributions', 'playground']) {
        const hash = name === 'playground' ? '#pg=kind:batch,n:16,c:256,dist:skewed,mode:eval' : '';
        const { context, page, host, report } = await openFigure(name, { width, hash });
        if (name === 'grouping') await host.locator('.fig-cell').nth(29).click();
        await screenshotFigure(page, name, `figure-${name}-${width}.png`);
        if (width === 1100) {
          await page.evaluate(() => {
            document.documentElement.dataset.theme = 'dark';
          });
          await screenshotFigure(page, name, `figure-${name}-${width}-dark.png`);
        }
        noErrors(report);
        await context.close();
      }
    }
  });
});
