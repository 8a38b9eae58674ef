// The model map ("Where each norm is used") in Chromium: chosen by keyboard, each entry shows its text and
// papers and loads its preset into the playground (its URL state) and the training simulation (its preset,
// batch size and data set); citations lead to the References list; it fits 360 px; axe finds nothing.
// Run: NORMLAB_DIST=<built web> node --test tests/e2e/model-map.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readyFigure, repoRoot, useLesson } from './harness.mjs';
import { axeCheck, noErrors } from './checks.mjs';
import { MODEL_ORDER, MODEL_PRESETS } from '../../web/src/figures/model-map/presets.js';

const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const entries = content.figureText.modelMap.entries;

// The map is an optional part of the lesson, folded away under "Go deeper": open it as a learner would.
const lesson = useLesson({ width: 1280, openParts: true });
const mountFigure = (name) => readyFigure(lesson.page, `.figure-host[data-figure="${name}"]`);

/** The playground's state as written into the URL fragment ("#…pg=kind:batch,n:32,…"). */
async function playgroundHash() {
  return lesson.page.evaluate(() => {
    const part = decodeURIComponent(location.hash.slice(1))
      .split('&')
      .find((p) => p.startsWith('pg='));
    return part
      ? Object.fromEntries(
          part
            .slice(3)
            .split(',')
            .map((kv) => kv.split(':')),
        )
      : null;
  });
}

test('each entry, chosen by keyboard, loads its preset into the playground and the training simulation', async () => {
  const { page, report } = lesson;
  // Mount both figures first (they load when scrolled near), then come back to the map.
  await mountFigure('playground');
  await mountFigure('training');
  const map = await mountFigure('model-map');
  const first = map.locator('input[type="radio"]').first();
  await first.focus();
  for (const [i, id] of MODEL_ORDER.entries()) {
    await page.keyboard.press(i === 0 ? 'Space' : 'ArrowDown');
    await page.waitForFunction((e) => document.querySelector('.model-map')?.dataset.entry === e, id);
    assert.equal(await page.evaluate(() => document.activeElement.value), id, 'focus stays on the chosen card');
    const detail = map.locator('.mm-detail');
    assert.equal(await detail.getAttribute('data-entry'), id);
    assert.match(await detail.locator('.mm-detail-title').textContent(), new RegExp(entries[id].norm));
    assert.match(await map.locator('.mm-status').textContent(), new RegExp(`“${entries[id].title}”`));

    const want = MODEL_PRESETS[id];
    await page
      .waitForFunction(
        (pg) => {
          const part = decodeURIComponent(location.hash.slice(1))
            .split('&')
            .find((p) => p.startsWith('pg='));
          return (
            part &&
            Object.entries(pg).every(([k, v]) =>
              part.includes(`${k}:${k === 'eps' ? v.toExponential(0).replace('e+0', '') : v}`),
            )
          );
        },
        want.playground,
        { timeout: 15000 },
      )
      .catch(() => {}); // the assertions below say which field is wrong
    const hash = await playgroundHash();
    assert.ok(hash, `${id}: the playground wrote its state to the URL`);
    for (const [key, value] of Object.entries(want.playground)) {
      const expected = key === 'eps' ? value.toExponential(0).replace('e+0', '') : String(value);
      assert.equal(hash[key], expected, `${id}: playground ${key}`);
    }
    assert.equal(
      await page.locator('.figure-host[data-figure="playground"] select').first().inputValue(),
      want.playground.kind,
      `${id}: the playground's Normalization control`,
    );

    const training = page.locator('.figure-host[data-figure="training"] [data-preset]').first();
    await page
      .waitForFunction(
        (tr) => {
          const root = document.querySelector('.figure-host[data-figure="training"] [data-preset]');
          return root && root.dataset.preset === tr.preset && (!tr.batch || root.dataset.batch === String(tr.batch));
        },
        want.training,
        { timeout: 15000 },
      )
      .catch(() => {}); // the assertions below say which field is wrong
    assert.equal(await training.getAttribute('data-preset'), want.training.preset, `${id}: training preset`);
    assert.equal(await training.getAttribute('data-batch'), String(want.training.batch ?? 64), `${id}: training batch`);
    assert.equal(
      await training.getAttribute('data-dataset'),
      want.training.dataset ?? 'spirals',
      `${id}: training data`,
    );
  }
  assert.equal(await map.locator('.mm-diagram').count(), 0, 'only the Transformer entry has block diagrams');
  noErrors(report);
});

test('the Transformer entry shows pre-LN and post-LN; every citation links to the References list', async () => {
  const { page } = lesson;
  const map = page.locator('.figure-host[data-figure="model-map"]');
  for (const id of MODEL_ORDER) {
    await map.locator(`input[value="${id}"]`).focus();
    await page.keyboard.press('Space');
    await page.waitForFunction((e) => document.querySelector('.model-map')?.dataset.entry === e, id);
    const cites = await map
      .locator('.mm-detail a.cite')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(cites.length > 0, `${id} cites a paper`);
    for (const href of cites) {
      assert.ok(
        await page.evaluate((h) => !!document.querySelector(`ol.references li${h}`), href),
        `${id}: ${href} is a reference`,
      );
    }
    if (id === 'transformer') {
      const diagrams = await map.locator('.mm-diagram figcaption').allTextContents();
      assert.equal(diagrams.length, 2);
      assert.ok(diagrams.some((d) => /Pre-LN/.test(d)) && diagrams.some((d) => /Post-LN/.test(d)));
      const orders = await map
        .locator('.mm-steps')
        .evaluateAll((lists) => lists.map((l) => [...l.children].map((li) => li.textContent)));
      assert.ok(orders[0].indexOf('LayerNorm') > orders[0].indexOf('Attention'), 'post-LN normalizes after the branch');
      assert.ok(orders[1].indexOf('LayerNorm') < orders[1].indexOf('Attention'), 'pre-LN normalizes before the branch');
    }
  }
  // Following a citation lands on the reference.
  await map.locator('.mm-detail a.cite').first().press('Enter');
  await page.waitForFunction(
    () => /^#\w/.test(location.hash) && document.querySelector(`ol.references ${location.hash}`),
  );
});

test('the map fits a 360 px screen and passes axe', async () => {
  const { page, report } = lesson;
  await page.setViewportSize({ width: 360, height: 800 });
  const map = page.locator('.figure-host[data-figure="model-map"]');
  await map.scrollIntoViewIfNeeded();
  const overflow = await map.evaluate((node) => node.scrollWidth - node.clientWidth);
  assert.ok(overflow <= 1, `no horizontal overflow at 360 px (${overflow} px)`);
  const docOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(docOverflow <= 1, `the page does not scroll sideways (${docOverflow} px)`);
  await axeCheck(page, 'model map, 360 px', '.figure-host[data-figure="model-map"]');
  noErrors(report);
  await page.setViewportSize({ width: 1280, height: 900 });
});
