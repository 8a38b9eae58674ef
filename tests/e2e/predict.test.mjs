// Predict-then-reveal checks and mastery in Chromium, under the strict CSP: a check driven by keyboard only
// (choose, Run it, the reveal against the core, Try another gives other parameters), every check's numbers
// against the core computed independently here in Node (the page's data-seed reproduces its instance),
// mastery levels updating and surviving a reload, the Review block on a later visit for a missed concept
// (and gone once it is put right), teacher-mode answer keys, and axe-core on each state.
// Run: NORMLAB_DIST=<built web> node --test tests/e2e/predict.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_READY, repoRoot, useSite } from './harness.mjs';
import { axeCheck as axeCheckOn, noErrors } from './checks.mjs';
import { loadCore } from '../../web/src/core.js';
import { GENERATORS } from '../../web/src/predict/generators/index.js';
import { makeInstance } from '../../web/src/predict/instance.js';
import { fill } from '../../web/src/predict/fill.js';
import { plainText } from '../../web/src/ui/inline.js';
import { setLocale } from '../../web/src/i18n/i18n.js';

const KEY = 'normlab:normalization:v1';
const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const blocks = content.sections.flatMap((s) => s.blocks);
const predicts = blocks.filter((b) => b.type === 'predict');
const quizzes = blocks.filter((b) => b.type === 'quiz');
const byId = (id) => blocks.find((b) => b.id === id);
const refs = new Map(content.references.map((r) => [r.id, r]));
const text = (template, values) => plainText(fill(template, values, content.figureText), { refs });
const squash = (s) => s.replace(/\s+/g, ' ').trim();

const site = useSite();
setLocale('en');
const core = await loadCore();

const open = (path = '') => site.open(path, { width: 1280, bypassCSP: true });

/** Open the "Go deeper" part that holds check `uid`, as a learner would (the core path folds predict checks away). */
const openPart = (page, uid) =>
  page.evaluate((id) => {
    const part = document.getElementById(id)?.closest('details');
    if (part) part.open = true;
  }, uid);

/** Bring check `uid` into view, wait for its instance, and recompute that instance in Node from its seed. */
async function instanceOf(page, uid, block = byId(uid.replace(/^review-/, ''))) {
  await openPart(page, uid);
  await page.locator(`#${uid}`).scrollIntoViewIfNeeded();
  await page.waitForSelector(`#${uid}[data-state="ready"]`, { timeout: 15000 });
  const seed = Number(await page.getAttribute(`#${uid}`, 'data-seed'));
  const inst = makeInstance(GENERATORS[block.generator], core, block, seed);
  assert.equal(inst.seed, seed, 'the recorded seed reproduces the instance');
  return { inst, block };
}

const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
const focused = (page, selector) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);

// axe over this feature's parts (the checks, the Review block, the mastery panel): the rest of the page has
// its own audits (audit.test.mjs), and a figure still re-colouring after a theme switch must not fail this file.
const OURS = ['.predict-check', '.review-block', '.mastery-panel', '.quick-check'];

const axeCheck = (page, label) => axeCheckOn(page, label, OURS);

/** Answer check `uid` with option `optionId` (or a wrong one when `right` is false), by clicking. */
async function answer(page, uid, right) {
  const { inst, block } = await instanceOf(page, uid);
  const optionId = right ? inst.correct : block.options.find((o) => o.id !== inst.correct).id;
  await page.locator(`#${uid} input[value="${optionId}"]`).check();
  await page.locator(`#${uid} .pc-run`).click();
  await page.waitForSelector(`#${uid}[data-state="revealed"]`);
  return inst;
}

test('a predict check by keyboard: choose, Run it, the reveal against the core, Try another', async () => {
  const { context, page, report } = await open();
  const uid = 'predict-eval-shift';
  const { inst, block } = await instanceOf(page, uid);
  assert.equal(squash(await page.textContent(`#${uid} .pc-scenario`)), squash(text(block.scenario, inst.values)));
  await axeCheck(page, 'predict check ready');
  // Keyboard only from here: into the radio group, pick a wrong option by arrows, Tab to Run it.
  await page.focus(`#${uid}`);
  await page.keyboard.press('Tab');
  assert.ok(await focused(page, `#${uid} input[type="radio"]`));
  const order = await page.$$eval(`#${uid} input[type="radio"]`, (inputs) => inputs.map((i) => i.value));
  const wrong = order.findIndex((id) => id !== inst.correct);
  await page.keyboard.press('Space');
  for (let k = 0; k < wrong; k++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.$eval(`#${uid} input:checked`, (el) => el.value), order[wrong]);
  await page.keyboard.press('Tab');
  assert.ok(await focused(page, `#${uid} .pc-run`));
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#${uid}[data-state="revealed"]`);
  // The reveal: the core's option marked, the prediction beside it, the numbers the core gives in Node.
  assert.equal(await page.getAttribute(`#${uid} .pc-option[data-result="correct"]`, 'data-option'), inst.correct);
  assert.equal(await page.getAttribute(`#${uid} .pc-option[data-result="incorrect"]`, 'data-option'), order[wrong]);
  assert.equal(await page.getAttribute(`#${uid} .pc-verdict`, 'data-verdict'), 'wrong');
  assert.equal(squash(await page.textContent(`#${uid} .pc-result`)), squash(text(block.result, inst.values)));
  assert.match(await page.textContent(`#${uid} .pc-live`), /^Not this time\./);
  assert.equal(await page.locator(`#${uid} .pc-hist`).count(), 2, 'two histograms: training and eval mode');
  assert.ok(await focused(page, `#${uid} .pc-another`), 'focus moves to Try another');
  const record = (await stored(page)).mastery.variants.find((v) => v.item === block.id);
  assert.deepEqual([record.seed, record.correct], [inst.seed, false]);
  await axeCheck(page, 'predict check revealed');
  // Try another: a new instance with other parameters; focus back on the options.
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (s) => document.getElementById('predict-eval-shift').dataset.seed !== s,
    String(inst.seed),
  );
  const next = await instanceOf(page, uid);
  assert.notEqual(next.inst.key, inst.key, 'different parameters');
  assert.ok(await focused(page, `#${uid} input[type="radio"]`));
  assert.equal(await page.locator(`#${uid} .pc-reveal`).isVisible(), false);
  // This time the right answer, still by keyboard.
  const order2 = await page.$$eval(`#${uid} input[type="radio"]`, (inputs) => inputs.map((i) => i.value));
  await page.keyboard.press('Space');
  for (let k = 0; k < order2.indexOf(next.inst.correct); k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.waitForSelector(`#${uid}[data-state="revealed"]`);
  assert.equal(await page.getAttribute(`#${uid} .pc-verdict`, 'data-verdict'), 'right');
  noErrors(report);
  await context.close();
});

test("every predict check shows the core's numbers for its instance", async () => {
  const { context, page, report } = await open();
  for (const block of predicts) {
    const inst = await answer(page, block.id, true);
    const shown = squash(await page.textContent(`#${block.id} .pc-result`));
    assert.equal(shown, squash(text(block.result, inst.values)), block.id);
    assert.equal(await page.getAttribute(`#${block.id} .pc-verdict`, 'data-verdict'), 'right', block.id);
    if (inst.chart?.type === 'bars') {
      const values = await page.$$eval(`#${block.id} .pc-bar-value`, (n) => n.map((x) => x.textContent));
      assert.deepEqual(
        values,
        inst.chart.bars.map((b) => fill('{v}', { v: b.value })),
        block.id,
      );
    }
    if (inst.chart?.type === 'grid') {
      const cells = await page.$$eval(`#${block.id} .pc-cell`, (n) => n.map((x) => Number(x.textContent)));
      assert.deepEqual(
        cells,
        inst.chart.ids.map((id) => id + 1),
        block.id,
      );
    }
    if (inst.scenario)
      assert.match(
        await page.textContent(`#${block.id} .pc-scenario`),
        new RegExp(inst.scenario.text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
  }
  // Every picture revealed, in both themes.
  await axeCheck(page, 'every predict check revealed');
  await page.locator('#theme-toggle').click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await axeCheck(page, 'every predict check revealed, dark theme');
  // At 360 px nothing sticks out (a wide grid of groups scrolls inside its own box).
  await page.setViewportSize({ width: 360, height: 780 });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.predict-check *, .mastery-panel *')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.pc-grid-wrap'),
      )
      .map((el) => `${el.tagName}.${el.className}`),
  );
  assert.deepEqual(wide, []);
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    0,
  );
  noErrors(report);
  await context.close();
});

test('mastery levels update, survive a reload, and a missed concept comes back for review on the next visit', async () => {
  const { context, page, report } = await open();
  const level = (concept) => page.getAttribute(`.mastery-item[data-concept="${concept}"]`, 'data-level');
  assert.equal(await level('affine'), 'not-started');
  // The quick check on normalized values (tagged centring and affine), right at the first answer.
  const q = quizzes.find((b) => b.id === 'quiz-after-normalization');
  await page.locator(`#${q.id} input[value="${q.options.find((o) => o.correct).id}"]`).check();
  await page.locator(`#${q.id} .qc-check`).click();
  assert.equal(await level('affine'), 'familiar');
  // A right predict variant on the affine transform: two items, one a variant, latest right.
  await answer(page, 'predict-affine', true);
  assert.equal(await level('affine'), 'proficient');
  assert.equal(await page.textContent('.mastery-item[data-concept="affine"] .mastery-level'), 'Proficient');
  assert.equal(
    await page.getAttribute('.mastery-item[data-concept="affine"] .mastery-meter', 'aria-label'),
    'Level 3 of 3',
  );
  assert.equal(await level('centring'), 'familiar');
  // A wrong prediction on train vs eval: attempted, and missed in this visit.
  await answer(page, 'predict-eval-shift', false);
  assert.equal(await level('train-eval'), 'attempted');
  assert.equal(await page.locator('#review').count(), 0, 'no review in the visit of the miss');
  await page.locator('.mastery-panel').scrollIntoViewIfNeeded();
  await axeCheck(page, 'mastery panel');

  // A later visit: the levels are kept, and the missed concept comes back as a new variant.
  await page.reload();
  await page.waitForSelector(LESSON_READY, { state: 'attached' });
  assert.equal(await level('affine'), 'proficient');
  assert.equal(await level('train-eval'), 'attempted');
  assert.equal((await stored(page)).mastery.visits, 2);
  assert.deepEqual(await page.$$eval('#review .review-item', (n) => n.map((x) => x.dataset.concept)), ['train-eval']);
  await answer(page, 'review-predict-eval-shift', true);
  assert.equal(await level('train-eval'), 'familiar');
  await page.locator('#review').scrollIntoViewIfNeeded();
  await axeCheck(page, 'review block answered');
  // Put right in this visit: no review on the next one.
  await page.reload();
  await page.waitForSelector(LESSON_READY, { state: 'attached' });
  assert.equal(await page.locator('#review').count(), 0);
  assert.equal(await level('train-eval'), 'familiar');
  noErrors(report);
  await context.close();
});

test('teacher mode: every quick check and predict check shows its answer key for the instance on screen', async () => {
  const { context, page, report } = await open('?teacher=1');
  for (const q of quizzes) {
    const key = squash(await page.textContent(`#${q.id} [data-answer-key]`));
    const correct = q.options.find((o) => o.correct);
    assert.ok(key.includes(squash(plainText(correct.text, { refs }))), q.id);
  }
  for (const block of predicts) {
    const { inst } = await instanceOf(page, block.id);
    const option = block.options.find((o) => o.id === inst.correct);
    const key = squash(await page.textContent(`#${block.id} [data-answer-key]`));
    assert.ok(key.includes(squash(text(option.text, inst.values))), `${block.id}: ${key}`);
  }
  await axeCheck(page, 'teacher mode');
  const learner = await context.newPage();
  await learner.goto(site.url);
  await learner.waitForSelector(LESSON_READY, { state: 'attached', timeout: 30000 });
  await openPart(learner, 'predict-affine');
  await learner.locator('#predict-affine').scrollIntoViewIfNeeded();
  await learner.waitForSelector('#predict-affine[data-state="ready"]');
  assert.equal(await learner.locator('[data-answer-key]').count(), 0, 'no answer keys without teacher=1');
  noErrors(report);
  await context.close();
});
