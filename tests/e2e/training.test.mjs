// Browser tests of the training simulation figure (web/src/training/) in the built lesson (dist/web),
// headless Chromium, strict CSP. Expected numbers are computed here in Node by the same WASM trainer
// (loadTrainer() in web/src/core.js): the final evaluation losses of the default comparison, the
// divergence step at learning rate 3, and summarizeSweep of the shipped sweep JSON (the speed-up
// sentence's numbers). Also: the page stays responsive while training, pause/resume/reset, the core's
// error for BatchNorm with batch 1 as an inline alert, a live re-run of sweep cells that must reproduce
// the shipped ones exactly, axe-core (WCAG 2.x A/AA) and screenshots at 1100 px and 360 px.
//
// The full 96-run sweep is exercised by tests/e2e/training-timing.mjs (npm run bench); here the live
// re-run is restricted to two rates (?sweepRates=), or runs in full with NORMLAB_FULL_SWEEP=1.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, useSite, nextFrames } from './harness.mjs';
import { axeCheck, noErrors, screenshot } from './checks.mjs';
import { loadTrainer } from '../../web/src/core.js';
import { summarizeShipped } from '../shared/expected.mjs';

const HOST = 'section#training .figure-host[data-figure="training"]';
const site = useSite();

const trainer = await loadTrainer();
const plan = trainer.defaultSweepPlan();
const shipped = JSON.parse(readFileSync(join(distDir, 'data', 'sweep-default.json'), 'utf8'));
const NAMES = { none: 'none', batch: 'BatchNorm', layer: 'LayerNorm', rms: 'RMSNorm' };
// The page shows numbers with 3 significant digits (web/src/ui/format.js fmtSig).
const sig = (v, d = 3) => String(Number(v.toPrecision(d))).replace('-', '−');

/** The lesson opened at the training figure, for `body`; then no page error, and the page is closed. */
async function onTraining({ query = '', ...options }, body) {
  const opened = await site.open(query, { figure: HOST, ...options });
  try {
    await body(opened);
    noErrors(opened.report);
  } finally {
    await opened.context.close();
  }
}

const phase = (host) => host.locator('.fig-training').getAttribute('data-phase');
/** The batch, data set, rate and steps the controls show. */
const controlValues = async (host) => ({
  batch: await host.getByLabel('Batch size').inputValue(),
  dataset: await host.getByLabel('Data set').inputValue(),
  rate: await host.getByLabel('Learning rate').inputValue(),
  steps: await host.getByLabel('Training steps').inputValue(),
});
const waitDone = (page, timeout = 120000) =>
  page.waitForSelector(`${HOST} .fig-training[data-phase="done"]`, { timeout });

describe('training figure', () => {
  // bypassCSP only so that axe-core can be injected; every other test runs under the strict CSP.
  test('the default comparison runs to completion in the worker; curves and legend agree with the core', () =>
    onTraining({ bypassCSP: true }, async ({ page, host }) => {
      assert.equal(await host.getByLabel('Learning rate').inputValue(), '0.3');
      const steps = Number(await host.getByLabel('Training steps').inputValue());
      await host.getByRole('button', { name: 'Start' }).click();
      await waitDone(page);
      assert.equal(
        await host
          .locator('progress')
          .first()
          .evaluate((p) => p.value),
        1,
      );
      assert.match(await host.locator('.tr-status').first().textContent(), /^Finished: 4 variants × \d+ steps in/);
      // The same runs in Node: the legend's final evaluation loss is the core's.
      for (const norm of ['none', 'batch', 'layer', 'rms']) {
        const t = trainer.createTrainer({
          ...plan.config,
          norm,
          learningRate: 0.3,
          batchSize: 64,
          seed: plan.seeds[0],
        });
        const r = t.step(steps);
        const last = r.evals[r.evals.length - 1];
        t.dispose();
        const item = host.locator(`.tr-legend li[data-norm="${norm}"]`);
        const text = await item.textContent();
        assert.ok(text.includes(`evaluation loss ${sig(last.train.loss)}`), `${norm}: ${text} vs ${last.train.loss}`);
        assert.ok(text.includes(`at step ${steps}`), text);
      }
      // The chart has a text summary, the ICS strips and decision regions are drawn.
      const canvas = host.locator('.tr-chart canvas');
      const described = await canvas.getAttribute('aria-describedby');
      assert.match(await page.locator(`#${described}`).textContent(), /Loss curves at learning rate 0\.3, batch 64\./);
      assert.equal(await host.locator('canvas.tr-strip').count(), 4);
      assert.equal(await host.locator('.tr-decision canvas').count(), 4);
      assert.match(await host.locator('.tr-ics-panel').first().textContent(), /Mean .+ → .+, std .+ → .+ \(step 25 → /);
      await axeCheck(page, 'after a run', HOST);
      await screenshot(page, host, 'training-1100.png');
    }));

  // How fast the page responds while training is measured by npm run bench (tests/e2e/training-timing.mjs).
  // Pause comes first: how long a run takes depends on the machine, a paused run does not.
  test('Pause stops the run; controls work during it; Resume continues; Reset clears', () =>
    onTraining({}, async ({ page, host }) => {
      await host.getByLabel('Training steps').selectOption('3000');
      await host.getByRole('button', { name: 'Start' }).click();
      await page.waitForSelector(`${HOST} .fig-training[data-phase="running"]`);
      await host.getByRole('button', { name: 'Pause' }).click();
      await page.waitForSelector(`${HOST} .fig-training[data-phase="paused"]`);
      const progress = () =>
        host
          .locator('progress')
          .first()
          .evaluate((p) => p.value);
      const paused = await progress();
      assert.ok(paused < 1, `paused at ${paused}`);
      const log = host.getByLabel('Logarithmic loss axis');
      for (const want of [false, true, false]) {
        await log.click();
        assert.equal(await log.isChecked(), want);
      }
      await host.getByLabel('Learning rate').selectOption('0.1');
      assert.equal(await host.locator('.fig-training').getAttribute('data-rate'), '0.1');
      for (let i = 0; i < 5; i++) await nextFrames(page);
      assert.equal(await phase(host), 'paused', 'the controls did not end the run');
      assert.equal(await progress(), paused, 'no progress while paused');
      await host.getByRole('button', { name: 'Resume' }).click();
      await page.waitForFunction(([sel, at]) => document.querySelector(sel).value > at, [`${HOST} progress`, paused]);
      await host.getByRole('button', { name: 'Reset' }).click();
      assert.equal(await phase(host), 'idle');
      assert.equal(await progress(), 0);
      for (let i = 0; i < 5; i++) await nextFrames(page);
      assert.equal(await progress(), 0, 'no stale progress after reset');
    }));

  test("the measured speed-up sentence states each variant at its own best rate, from the core's summary", () =>
    onTraining({}, async ({ host }) => {
      const summary = summarizeShipped(trainer, shipped);
      const text = await host.locator('.tr-speedup').textContent();
      const base = summary.find((v) => v.norm === 'none');
      for (const v of summary) {
        if (v.norm === 'none') continue;
        assert.equal(v.speedupStatus, 'ratio', v.norm);
        const phrase =
          `${v.norm === 'batch' ? 'BatchNorm' : NAMES[v.norm]} reached the target loss in ${v.bestSteps} steps ` +
          `at its best rate (${v.bestRate}) versus ${base.bestSteps} for no normalization at its best rate (${base.bestRate}): ` +
          `a ${sig(v.speedup, 2)}× speed-up`;
        assert.ok(text.includes(phrase), `missing "${phrase}" in\n${text}`);
        assert.ok(
          text.includes(
            `at ${v.stableRates.length} of ${shipped.learningRates.length} rates, up to ` +
              `${v.largestStableRate}, versus ${base.stableRates.length}, up to ${base.largestStableRate}`,
          ),
          `${v.norm} stable range`,
        );
      }
      // The table: every variant's best rate is bold, stable cells are marked, divergences are words.
      for (const v of summary) {
        const best = host.locator(`td.is-best[data-norm="${v.norm}"]`);
        assert.equal(await best.getAttribute('data-rate'), String(v.bestRate), v.norm);
        assert.equal(await host.locator(`td.is-stable[data-norm="${v.norm}"]`).count(), v.stableRates.length, v.norm);
      }
      const cell = host.locator('td[data-norm="none"][data-rate="3"]');
      const noneAt3 = base.rates[base.rates.length - 1];
      assert.equal(await cell.locator('span').first().textContent(), `diverged in ${noneAt3.diverged} of 3 seeds`);
    }));

  test('a diverging run is reported as text with its step, never as a line off the chart', () =>
    onTraining({}, async ({ page, host }) => {
      await host.getByLabel('Learning rate').selectOption('3');
      await host.getByRole('checkbox', { name: 'BatchNorm' }).uncheck();
      await host.getByRole('checkbox', { name: 'LayerNorm' }).uncheck();
      await host.getByRole('checkbox', { name: 'RMSNorm' }).uncheck();
      await host.getByRole('button', { name: 'Start' }).click();
      await waitDone(page);
      const t = trainer.createTrainer({ ...plan.config, norm: 'none', learningRate: 3, seed: plan.seeds[0] });
      let r;
      do r = t.step(100);
      while (!r.diverged);
      const status = t.status();
      t.dispose();
      const item = host.locator('.tr-legend li[data-norm="none"]');
      assert.equal(await item.getAttribute('class'), 'is-diverged');
      const text = await item.locator('.tr-legend-status').textContent();
      assert.ok(text.startsWith(`diverged at step ${status.stepsDone} (`), `${text} vs ${status.reason}`);
      assert.match(await host.locator('.tr-status').first().textContent(), /1 diverged/);
    }));

  test("BatchNorm with batch size 1: the core's error appears inline as an alert", () =>
    onTraining({}, async ({ page, host }) => {
      await host.getByLabel('Batch size').selectOption('1');
      await host.getByRole('button', { name: 'Start' }).click();
      const alert = host.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      assert.match(await alert.textContent(), /batchSize: BatchNorm needs at least 2 samples/);
      await page.waitForSelector(`${HOST} .fig-training[data-phase="done"]`);
      assert.equal(await host.getByRole('button', { name: 'Start' }).isEnabled(), true);
    }));

  test('presets are labelled honestly; a preset without a shipped sweep says so', () =>
    onTraining({}, async ({ host }) => {
      await host.getByRole('radio', { name: 'Transformer' }).check();
      assert.match(await host.locator('.tr-preset-text').textContent(), /reverses sequences of 8 digits/);
      for (const [name, on] of [
        ['Pre-LN', true],
        ['Post-LN', true],
        ['Post-LN + warm-up', false],
        ['Pre-RMS', true],
        ['Post-RMS', true],
      ]) {
        assert.equal(await host.getByRole('checkbox', { name, exact: true }).isChecked(), on, name);
      }
      assert.equal(await host.getByRole('checkbox', { name: 'BatchNorm', exact: true }).isVisible(), false);
      await host.getByRole('radio', { name: 'Hard' }).check();
      assert.match(await host.locator('.tr-preset-text').textContent(), /at none of the 8 rates within the/);
      assert.match(await host.locator('.tr-source').textContent(), /No precomputed sweep for this preset/);
      await host.getByRole('radio', { name: 'Fair' }).check();
      assert.match(await host.locator('.tr-source').textContent(), /Precomputed when this page was built/);
    }));

  test("the conv preset opens at batch 1 on the digits; its run is the core's, BatchNorm near chance", () =>
    onTraining({}, async ({ page, host }) => {
      await host.getByRole('radio', { name: 'Conv net, batch 1' }).check();
      assert.deepEqual(await controlValues(host), { batch: '1', dataset: 'digits', rate: '0.003', steps: '3000' });
      assert.equal(await host.getByRole('checkbox', { name: 'RMSNorm', exact: true }).isVisible(), false);
      assert.match(await host.locator('.tr-sweep-part').textContent(), /has no learning-rate sweep/);
      await host.getByLabel('Training steps').selectOption('250');
      await host.getByRole('button', { name: 'Start' }).click();
      await waitDone(page);
      const digits = new Uint8Array(readFileSync(join(distDir, 'data', 'digits.bin')));
      for (const norm of ['none', 'batch', 'group']) {
        const cfg = { ...trainer.convStudyConfig(norm, 1), learningRate: 0.003 };
        const t = trainer.createTrainer(cfg, { digits });
        t.run(250);
        const want = (100 * t.evaluate().heldout.accuracy).toFixed(1);
        t.dispose();
        const text = await host.locator(`.tr-legend li[data-norm="${norm}"]`).textContent();
        assert.ok(text.includes(`held-out accuracy ${want}%`), `${norm}: ${text} vs ${want}%`);
      }
      // Leaving the preset gives the batch, data set and steps back their defaults.
      await host.getByRole('radio', { name: 'Fair' }).check();
      assert.deepEqual(await controlValues(host), { batch: '64', dataset: 'spirals', rate: '0.3', steps: '750' });
    }));

  test("the Transformer preset opens on the digit sequences; Post-LN stalls where Pre-LN trains, as the core's run", () =>
    onTraining({}, async ({ page, host }) => {
      await host.getByRole('radio', { name: 'Transformer' }).check();
      assert.deepEqual(await controlValues(host), { batch: '32', dataset: 'sequence', rate: '0.03', steps: '250' });
      assert.match(await host.getByLabel('Learning rate').locator('..').textContent(), /Adam/);
      assert.equal(await host.getByRole('checkbox', { name: 'BatchNorm', exact: true }).isVisible(), false);
      assert.equal(await host.getByRole('checkbox', { name: 'Post-LN + warm-up', exact: true }).isVisible(), true);
      assert.match(await host.locator('.tr-sweep-part').textContent(), /has no learning-rate sweep/);
      await host.getByRole('button', { name: 'Start' }).click();
      await waitDone(page);
      assert.equal(await host.locator('.tr-legend li').count(), 4);
      const accuracy = {};
      for (const [key, norm, placement] of [
        ['pre-layer', 'layer', 'pre'],
        ['post-layer', 'layer', 'post'],
        ['pre-rms', 'rms', 'pre'],
        ['post-rms', 'rms', 'post'],
      ]) {
        const t = trainer.createTrainer(trainer.transformerStudyConfig(norm, placement, 0));
        t.run(250);
        accuracy[key] = t.evaluate().heldout.accuracy;
        t.dispose();
        const want = (100 * accuracy[key]).toFixed(1);
        const text = await host.locator(`.tr-legend li[data-norm="${key}"]`).textContent();
        assert.ok(text.includes(`held-out accuracy ${want}%`), `${key}: ${text} vs ${want}%`);
      }
      assert.ok(accuracy['post-layer'] < 0.5 && accuracy['pre-layer'] > 0.99, JSON.stringify(accuracy));
      // Leaving the preset gives the batch, data set and steps back their defaults.
      await host.getByRole('radio', { name: 'Fair' }).check();
      assert.deepEqual(await controlValues(host), { batch: '64', dataset: 'spirals', rate: '0.3', steps: '750' });
    }));

  test('the other presets and the digits data set train in the worker (keyboard only)', () =>
    onTraining({}, async ({ page, host }) => {
      const start = host.getByRole('button', { name: 'Start' });
      // Radios move with the arrow keys; buttons press with Space/Enter.
      await host.getByRole('radio', { name: 'Fair' }).focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await host.getByRole('radio', { name: 'Hard' }).isChecked(), true);
      await start.focus();
      await page.keyboard.press('Space');
      await waitDone(page);
      assert.equal(await host.locator('.tr-legend li').count(), 4);
      await host.getByRole('radio', { name: 'Hard' }).focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await host.locator('.fig-training').getAttribute('data-preset'), 'transformer');
      assert.equal(await host.getByLabel('Data set').inputValue(), 'sequence');
      await host.getByRole('radio', { name: 'Transformer' }).focus();
      await page.keyboard.press('ArrowLeft');
      assert.equal(await host.getByRole('radio', { name: 'Hard' }).isChecked(), true);
      await host.getByLabel('Data set').selectOption('digits');
      await start.focus();
      await page.keyboard.press('Enter');
      await waitDone(page);
      const legend = await host.locator('.tr-legend').textContent();
      assert.equal(await host.locator('.tr-legend li').count(), 4);
      assert.match(legend, /held-out accuracy/);
      assert.match(await host.locator('.tr-decision-grid').locator('..').textContent(), /2-D spirals only/);
    }));

  test('a live re-run of the sweep reproduces the shipped cells exactly', async () => {
    const full = process.env.NORMLAB_FULL_SWEEP === '1';
    await onTraining({ query: full ? '' : '?sweepRates=0.03,3' }, async ({ page, host }) => {
      const part = host.locator('details.tr-sweep-part');
      // Optional depth: folded away, labelled with a time computed from its text.
      assert.equal(await part.evaluate((d) => d.open), false, 'the sweep is folded by default');
      assert.match(
        await part.locator('summary').textContent(),
        /^Go deeper: Learning-rate sweep.*optional · about \d+ min$/,
      );
      await part.locator('summary').click();
      await part.getByRole('button', { name: 'Re-run live in your browser' }).click();
      await page.waitForSelector(`${HOST} [data-sweep="done"]`, { timeout: full ? 600000 : 180000 });
      const verdict = host.locator('.tr-verdict');
      assert.equal(await verdict.getAttribute('data-match'), 'true', await verdict.textContent());
      assert.match(await verdict.textContent(), /Your browser reproduced the precomputed sweep exactly: all \d+ runs/);
      assert.match(await host.locator('.tr-source').textContent(), /^Measured in your browser/);
      assert.match(await host.locator('.tr-speedup').textContent(), /^What your browser measured: /);
    });
  });

  test('360 px: nothing overflows; axe-core finds no violations', () =>
    onTraining({ width: 360, bypassCSP: true }, async ({ page, host }) => {
      const wider = await host.evaluate((h) => {
        const right = h.getBoundingClientRect().right;
        return [...h.querySelectorAll('*')]
          .filter((e) => !e.closest('.tr-table-box') || e.matches('.tr-table-box'))
          .filter((e) => e.getBoundingClientRect().right > right + 1)
          .map((e) => `${e.tagName}.${e.className}`);
      });
      assert.deepEqual(wider, [], 'elements wider than the figure');
      await axeCheck(page, '360 px', HOST);
      await screenshot(page, host, 'training-360.png');
    }));
});
