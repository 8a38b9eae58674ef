// Browser tests of the training figure's precomputed default comparisons (data/comparisons-default.json, written
// at build time by tools/comparisons.mjs with the native build), in the built lesson, headless Chromium, strict
// CSP: a preset's default shows its shipped result at once, labelled as precomputed; a changed setting leaves
// nothing of it drawn; and a live run of the Transformer preset's default in the workers reproduces the shipped
// numbers bit for bit (the page compares every drawn loss and every evaluation; the legend must state the JSON's
// final numbers before and after). The conv preset's is training-shipped-conv.test.mjs (its own 5-minute limit).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { legendOf, onTraining, phaseIs, reproduces, useShippedSite } from './training-shipped.mjs';

useShippedSite();

describe('precomputed default comparisons', () => {
  test('the Fair default shows its precomputed result at once; a changed setting leaves nothing of it', () =>
    onTraining(async ({ page, host }) => {
      await phaseIs(page, 'shipped');
      const status = host.locator('.tr-status').first();
      assert.match(await status.textContent(), /precomputed when this page was built.*normlab_compare .*Press Start/);
      await legendOf(host, 'fair');
      assert.equal(await host.locator('canvas.tr-strip').count(), 4);
      assert.equal(await host.locator('.tr-grad-panel').count(), 4);
      assert.match(await host.locator('.tr-decision-grid').locator('..').textContent(), /press Start/);
      assert.equal(await host.getByRole('button', { name: 'Reset' }).isDisabled(), true);
      // Another rate: nothing was shipped for it, so nothing is drawn.
      await host.getByLabel('Learning rate').selectOption('0.03');
      await phaseIs(page, 'idle');
      for (const item of await host.locator('.tr-legend-status').all())
        assert.equal(await item.textContent(), 'waiting');
      assert.match(await status.textContent(), /^Press Start to train/);
      // Back to the default rate: the shipped result again.
      await host.getByLabel('Learning rate').selectOption('0.3');
      await phaseIs(page, 'shipped');
      await legendOf(host, 'fair');
    }));

  test("a live run of the Transformer preset's default reproduces the shipped runs bit for bit", () =>
    onTraining(({ page, host }) => reproduces(page, host, 'Transformer', 'transformer', 180000)));
});
