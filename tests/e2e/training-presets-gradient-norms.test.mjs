// Browser tests of the training figure's presets and gradient norms, in the built lesson, headless Chromium,
// strict CSP: presets chosen on the model map (by keyboard) reach the training figure with their own variants
// (the Transformer entry compares Pre-LN, Post-LN and Post-LN with warm-up, not the fair set) and the
// playground (its PyTorch code); the gradient norms per layer over training, with and without normalization,
// whose text alternative must state exactly the numbers the WASM trainer gives in Node for the same config;
// axe-core on the new states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFigure, useLesson } from './harness.mjs';
import { axeCheck, noErrors } from './checks.mjs';
import { loadTrainer } from '../../web/src/core.js';
import { setLocale, t } from '../../web/src/i18n/i18n.js';
import { fmtSig as fmt } from '../../web/src/ui/format.js';
import { PRESETS, runConfig } from '../../web/src/training/presets.js';
import { MODEL_PRESETS } from '../../web/src/figures/model-map/presets.js';
import { TRAINING_NORMS } from '../../web/src/vocabulary.js';

const TRAINING = '.figure-host[data-figure="training"]';
const lesson = useLesson();
setLocale('en');
const trainer = await loadTrainer();
const plan = trainer.defaultSweepPlan();

// The model map is an optional part, folded away under "Go deeper": readyFigure opens it as a learner would.
const mountFigure = (name) => readyFigure(lesson.page, `.figure-host[data-figure="${name}"]`);
const checked = async (host) => {
  const out = [];
  for (const norm of TRAINING_NORMS) {
    if (await host.locator(`.tr-variants input[value="${norm}"]`).isChecked()) out.push(norm);
  }
  return out;
};

test('model-map presets set the training variants and the playground (its code follows)', async () => {
  const { page, report } = lesson;
  const playground = await mountFigure('playground');
  const training = await mountFigure('training');
  const map = await mountFigure('model-map');
  for (const id of ['transformer', 'llama', 'resnet']) {
    await map.locator(`input[value="${id}"]`).focus();
    await page.keyboard.press('Space');
    const want = MODEL_PRESETS[id].training;
    await page.waitForFunction(
      ({ sel, preset }) => document.querySelector(`${sel} .fig-training`)?.dataset.preset === preset,
      { sel: TRAINING, preset: want.preset },
    );
    assert.deepEqual(await checked(training), want.variants, `${id}: variants`);
    assert.equal(
      await training.getByRole('radio', { name: PRESETS[want.preset].name }).isChecked(),
      true,
      `${id}: preset radio`,
    );
    assert.equal(
      await playground.getByLabel('Normalization').inputValue(),
      MODEL_PRESETS[id].playground.kind,
      `${id}: playground kind`,
    );
  }
  // The playground's code tab follows the preset (ResNet: BatchNorm1d over 64 channels, training mode).
  await playground.getByRole('tab', { name: 'PyTorch code' }).click();
  await page.waitForFunction(() =>
    /BatchNorm1d\(64,/.test(document.querySelector('[data-code="torch"]')?.textContent || ''),
  );
  assert.match(await playground.locator('[data-code="torch"]').textContent(), /norm\.train\(\)/);
  // A preset naming only the preset (the learner switches to Transformer) brings that preset's variants.
  await training.getByRole('radio', { name: PRESETS.transformer.name }).check();
  assert.deepEqual(await checked(training), PRESETS.transformer.variants);
  noErrors(report);
});

test('gradient norms per layer over training: with and without normalization, numbers from the trainer', async () => {
  const { page, report } = lesson;
  const training = await mountFigure('training');
  // The "hard" preset by keyboard, 250 steps, variants none and BatchNorm.
  await training.getByRole('radio', { name: PRESETS.hard.name }).focus();
  await page.keyboard.press('Space');
  await training.getByRole('radio', { name: PRESETS.hard.name }).check();
  await training.getByLabel('Training steps').selectOption('250');
  for (const norm of ['layer', 'rms']) await training.locator(`.tr-variants input[value="${norm}"]`).uncheck();
  assert.deepEqual(await checked(training), ['none', 'batch']);
  const part = training.locator('.tr-part').filter({ hasText: t('training.panel.gradTitle') });
  assert.match(await part.locator('.tr-grad-note').textContent(), /Compare “No normalization”/);
  await training.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${TRAINING} .fig-training[data-phase="done"]`, { timeout: 120000 });
  assert.equal(await part.locator('.tr-grad-panel canvas').count(), 2);
  const state = { preset: 'hard', rate: PRESETS.hard.rate, batch: 64, dataset: 'spirals' };
  for (const norm of ['none', 'batch']) {
    const run = trainer.createTrainer(runConfig(plan, state, norm));
    const { evals } = run.step(250);
    run.dispose();
    const depth = evals[0].gradNorm.length;
    const at = (e) =>
      t('training.grad.at', { step: e.step, first: fmt(e.gradNorm[0], 2), depth, last: fmt(e.gradNorm[depth - 1], 2) });
    const want = t('training.grad.summary', {
      variant: t(`training.normsLong.${norm}`),
      start: at(evals[0]),
      end: at(evals.at(-1)),
    });
    assert.equal(await part.locator(`[data-grad-norm="${norm}"]`).textContent(), want, norm);
    if (norm === 'none') {
      // Sigmoid without normalization: the gradient vanishes on its way back to the input.
      const last = evals.at(-1).gradNorm;
      assert.ok(last[0] < last[depth - 1] / 100, `vanishing: ${last[0]} vs ${last[depth - 1]}`);
    }
  }
  await axeCheck(page, 'gradient norms after a run', TRAINING);
  noErrors(report);
});
