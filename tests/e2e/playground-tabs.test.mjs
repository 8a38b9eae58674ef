// Browser tests of the playground's result tabs in the built lesson, headless
// Chromium, strict CSP: the tabs by keyboard (arrows, Home, End), the gradient tab's statistics against
// core.backward + core.describe computed here in Node for the same seed and settings (every upstream
// gradient, training and eval mode), the PyTorch code for each kind and mode (against torchCode(), and its
// key arguments spelled out), the Copy button with and without clipboard permission, the "matches PyTorch"
// note, a preset-like state arriving through the URL fragment, and axe-core on every new state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, nextFrames } from './harness.mjs';
import { axeCheck as axeCheckOn, noErrors as noPageErrors } from './checks.mjs';
import { loadCore } from '../../web/src/core.js';
import { setLocale } from '../../web/src/i18n/i18n.js';
import { INPUT_PRESETS } from '../../web/src/figures/inputs.js';
import { DEFAULTS, readHash } from '../../web/src/figures/playground/hash.js';
import {
  createEngine,
  normOptions,
  UPSTREAM,
  UPSTREAM_SEED_OFFSET,
  WARMUP_BATCH,
  WARMUP_STEPS,
  MOMENTUM,
} from '../../web/src/figures/playground/compute.js';
import { torchCode } from '../../web/src/figures/playground/torch-code.js';

const HOST = 'section#playground .figure-host[data-figure="playground"]';
const site = useSite();
setLocale('en');
const core = await loadCore();

const open = ({ hash = '', ...options } = {}) => site.open(hash, { figure: HOST, ...options });
const settle = (page) => nextFrames(page);
const noErrors = (report) => noPageErrors(report, { except: 'figure "training"' });
const axeCheck = (page, label) => axeCheckOn(page, label, HOST);

/** The playground's state (from the fragment the figure writes). */
const stateOf = async (page) => readHash(await page.evaluate(() => location.hash)) || { ...DEFAULTS };

/**
 * The running statistics the playground's eval mode uses: the figure's own warm-up, whose channel 0 the API
 * tests check against core.runningTrace (tests/wasm/figures-core.test.mjs). The gradient is computed here.
 */
const engine = createEngine(core);
const runningStats = (s) => engine.run(s).running;

/** ∂L/∂y and ∂L/∂x for state s and upstream gradient `which`, straight from the core. */
function expectedGradient(s, which) {
  const shape = [s.n, s.c, 1];
  const x = core.sample(s.dist, s.n * s.c, { seed: s.seed, ...INPUT_PRESETS[s.dist] });
  const opts = normOptions(s, new Map(), s.kind === 'batch' && s.mode === 'eval' ? runningStats(s) : null);
  let g;
  if (which === 'ones') g = new Float32Array(x.length).fill(1);
  else if (which === 'random') g = core.sample('normal', x.length, { seed: s.seed + UPSTREAM_SEED_OFFSET });
  else if (which === 'one') {
    g = new Float32Array(x.length);
    g[0] = 1;
  } else g = core.normalize(s.kind, x, shape, opts).output;
  const dx = core.backward(s.kind, x, g, shape, opts).gradInput;
  return {
    upstream: core.describe(g, { median: false }),
    input: core.describe(dx, { median: false }),
    groups: core.describe(core.groupMoments(s.kind, dx, shape, { groups: s.kind === 'group' ? s.g : 0 }).mean, {
      median: false,
    }),
  };
}

async function checkGradient(host, page, label) {
  const s = await stateOf(page);
  const which = await host.locator('select[data-control="upstream"]').inputValue();
  const want = expectedGradient(s, which);
  const value = (stat, side) =>
    host.locator(`td[data-grad-stat="${stat}"][data-side="${side}"]`).evaluate((e) => Number(e.dataset.value));
  for (const stat of ['mean', 'std', 'min', 'max']) {
    assert.equal(await value(stat, 'upstream'), want.upstream[stat], `${label}: ∂L/∂y ${stat}`);
    assert.equal(await value(stat, 'input'), want.input[stat], `${label}: ∂L/∂x ${stat}`);
  }
  const group = host.locator('td[data-grad-stat="group-mean"]');
  assert.equal(Number(await group.getAttribute('data-min')), want.groups.min, `${label}: group means min`);
  assert.equal(Number(await group.getAttribute('data-max')), want.groups.max, `${label}: group means max`);
  return want;
}

describe('playground tabs', () => {
  test('tabs by keyboard; gradient statistics follow core.backward for every upstream gradient and mode', async () => {
    const { context, page, host, report } = await open({ hash: '#pg=kind:layer,n:16,c:64,seed:3', bypassCSP: true });
    const tabs = host.getByRole('tab');
    assert.deepEqual(await tabs.allTextContents(), ['Statistics', 'Gradients', 'PyTorch code']);
    await host.getByRole('tab', { name: 'Statistics' }).focus();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const gradTab = host.getByRole('tab', { name: 'Gradients' });
    assert.equal(await gradTab.getAttribute('aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Gradients');
    assert.equal(await host.locator('.pg-gradient').isVisible(), true);
    assert.equal(await host.locator('.pg-stats').isVisible(), false);
    await axeCheck(page, 'gradient tab');

    // All ones through LayerNorm: zero up to rounding (centring removes a constant gradient).
    let want = await checkGradient(host, page, 'layer, ones');
    assert.ok(Math.abs(want.input.max) < 1e-4, `ones through LayerNorm: ${want.input.max}`);
    assert.match(
      await host.locator('[data-grad="explanation"]').textContent(),
      /Centring removes a constant upstream gradient/,
    );
    // Each upstream gradient, chosen by keyboard.
    const upstream = host.locator('select[data-control="upstream"]');
    for (const which of UPSTREAM.slice(1)) {
      await upstream.focus();
      await page.keyboard.press('ArrowDown');
      await settle(page);
      assert.equal(await upstream.inputValue(), which);
      await checkGradient(host, page, `layer, ${which}`);
    }
    // RMSNorm lets a constant gradient through; eval-mode BatchNorm only scales it.
    await upstream.selectOption('ones');
    await host.getByLabel('Normalization').selectOption('rms');
    await settle(page);
    want = await checkGradient(host, page, 'rms, ones');
    assert.ok(want.input.std > 1e-3, `ones through RMSNorm: ${want.input.std}`);
    await host.getByLabel('Normalization').selectOption('batch');
    await host.getByRole('radio', { name: 'Eval' }).check();
    await settle(page);
    want = await checkGradient(host, page, 'batch eval, ones');
    assert.ok(want.input.min > 0, 'eval-mode BatchNorm scales a positive gradient');
    assert.match(await host.locator('[data-grad="explanation"]').textContent(), /fixed affine map/);
    await host.getByRole('radio', { name: 'Training' }).check();
    await host.getByLabel('Normalization').selectOption('group');
    await settle(page);
    await checkGradient(host, page, 'group, ones');
    // A setting the core rejects: a clear message in the tab, never a crash.
    await host.locator('input[data-control="batch"]').focus();
    await page.keyboard.press('Home');
    await host.getByLabel('Normalization').selectOption('batch');
    await settle(page);
    assert.match(await host.locator('[data-grad="error"]').textContent(), /No gradient for these settings/);
    assert.equal(await host.locator('td[data-grad-stat="mean"][data-side="input"]').textContent(), '—');
    await axeCheck(page, 'gradient error');
    // Home / End on the tab list.
    await gradTab.focus();
    await page.keyboard.press('End');
    assert.equal(await host.getByRole('tab', { name: 'PyTorch code' }).getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Home');
    assert.equal(await host.getByRole('tab', { name: 'Statistics' }).getAttribute('aria-selected'), 'true');
    assert.equal(await host.locator('.pg-stats').isVisible(), true);
    noErrors(report);
    await context.close();
  });

  test('PyTorch code for each kind and mode; Copy by keyboard; parity note', async () => {
    const { context, page, host, report } = await open({
      hash: '#pg=kind:batch,n:32,c:128,g:16,eps:1e-3,gamma:1.5,beta:-0.2',
      permissions: ['clipboard-read', 'clipboard-write'],
      bypassCSP: true,
    });
    assert.match(await host.locator('[data-parity="torch"]').textContent(), /Matches PyTorch.*1\.13\.1/s);
    await host.getByRole('tab', { name: 'Statistics' }).focus();
    await page.keyboard.press('End');
    await settle(page);
    const code = host.locator('[data-code="torch"]');
    const expectations = {
      batch: /nn\.BatchNorm1d\(128, eps=0\.001, momentum=0\.1\)[\s\S]*norm\.train\(\)/,
      layer: /nn\.LayerNorm\(\[128, 1\], eps=0\.001\)/,
      instance: /nn\.InstanceNorm1d\(128, eps=0\.001, affine=True\)/,
      group: /nn\.GroupNorm\(16, 128, eps=0\.001\)/,
      rms: /PyTorch ≥ 2\.4[\s\S]*nn\.RMSNorm\(\[128, 1\], eps=0\.001\)/,
    };
    for (const [kind, pattern] of Object.entries(expectations)) {
      await host.getByLabel('Normalization').selectOption(kind);
      await settle(page);
      const text = await code.textContent();
      assert.equal(
        text,
        torchCode(await stateOf(page), { steps: WARMUP_STEPS, batch: WARMUP_BATCH, momentum: MOMENTUM }),
        kind,
      );
      assert.match(text, pattern, kind);
      assert.match(text, /reshape\(32, 128, 1\)/, kind);
      assert.match(text, /weight\.fill_\(1\.5\)/, kind);
      if (kind === 'rms') assert.doesNotMatch(text, /bias/);
      else assert.match(text, /bias\.fill_\(-0\.2\)/, kind);
    }
    await host.getByLabel('Normalization').selectOption('batch');
    await host.getByRole('radio', { name: 'Eval' }).check();
    await settle(page);
    assert.match(
      await code.textContent(),
      /norm\.train\(\)\nfor batch in warmup_batches:.*\n {4}norm\(batch\).*\nnorm\.eval\(\)/,
    );
    await axeCheck(page, 'code tab');
    // Copy by keyboard: the clipboard holds the code, the status says so.
    await host.getByRole('button', { name: 'Copy code' }).focus();
    await page.keyboard.press('Enter');
    const status = host.locator('.pg-copy-status');
    await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.copy, `${HOST} .pg-copy-status`);
    assert.equal(await status.getAttribute('data-copy'), 'copied');
    assert.equal(await status.textContent(), 'Copied to the clipboard.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.textContent());
    noErrors(report);
    await context.close();
  });

  test('without clipboard access, Copy selects the code and says how to copy it', async () => {
    const second = await open({ hash: '#pg=kind:rms' });
    await second.page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    await second.host.getByRole('tab', { name: 'PyTorch code' }).click();
    await second.host.getByRole('button', { name: 'Copy code' }).click();
    const fallback = second.host.locator('.pg-copy-status');
    await second.page.waitForFunction((sel) => document.querySelector(sel)?.dataset.copy, `${HOST} .pg-copy-status`);
    assert.equal(await fallback.getAttribute('data-copy'), 'selected');
    assert.match(await fallback.textContent(), /the code is selected/);
    assert.equal(
      await second.page.evaluate(() => window.getSelection().toString()),
      await second.host.locator('[data-code="torch"]').textContent(),
    );
    noErrors(second.report);
    await second.context.close();
  });

  test('a state arriving in the fragment (as a preset would set it) updates every tab', async () => {
    const { context, page, host, report } = await open({ hash: '#pg=kind:batch', bypassCSP: true });
    await host.getByRole('tab', { name: 'PyTorch code' }).click();
    await page.evaluate(() => {
      location.hash = '#pg=kind:group,n:8,c:64,g:8,eps:1e-5,gamma:1,beta:0,dist:skewed,mode:train,seed:2';
    });
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.dataset.kind === 'group',
      `${HOST} .fig-playground`,
    );
    await settle(page);
    assert.match(await host.locator('[data-code="torch"]').textContent(), /nn\.GroupNorm\(8, 64, eps=1e-05\)/);
    await host.getByRole('tab', { name: 'Gradients' }).click();
    await settle(page);
    await checkGradient(host, page, 'group from the fragment');
    await axeCheck(page, 'after fragment');
    noErrors(report);
    await context.close();
  });
});
