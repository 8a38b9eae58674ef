// Teacher mode (?teacher=1) and the printable key takeaways, in Chromium: the panel is there (and only in
// teacher mode), answer keys are shown, presets load by keyboard, the embed snippet follows the form and is
// exactly what the pure builder makes, Copy reaches the clipboard, the takeaways print on one A4 and one
// Letter page (and the normal print is unchanged afterwards), and axe finds nothing.
// Run: NORMLAB_DIST=<built web> node --test tests/e2e/teacher.test.mjs
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_READY, repoRoot, useLesson } from './harness.mjs';
import { axeCheck, noErrors } from './checks.mjs';
import { buildSnippet } from '../../web/src/teacher/snippet.js';

const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;

const lesson = useLesson({ path: '?teacher=1', width: 1280, permissions: ['clipboard-read', 'clipboard-write'] });
let page;
let server;
before(async () => {
  ({ page, server } = await lesson.ready());
  await page.waitForSelector('#teacher-panel', { timeout: 10000 });
});

test('teacher mode: the panel, the data attribute and the answer keys; none of it without teacher=1', async () => {
  assert.equal(await page.getAttribute('html', 'data-teacher'), 'true');
  assert.equal(await page.locator('#teacher-panel h2').textContent(), 'For teachers');
  assert.ok((await page.locator('[data-answer-key]:visible').count()) > 0, 'answer keys are shown under the checks');
  const other = await lesson.context.newPage();
  await other.goto(server.url);
  await other.waitForSelector(LESSON_READY, { state: 'attached', timeout: 30000 });
  assert.equal(await other.locator('#teacher-panel').count(), 0);
  assert.equal(await other.locator('[data-answer-key]:visible').count(), 0, 'no answer key is shown to learners');
  assert.equal(await other.getAttribute('html', 'data-teacher'), null);
  await other.close();
});

test('presets load by keyboard and say where they went', async () => {
  const button = page.locator('#teacher-panel button[data-preset="model-map:detection"]');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.match(
    await page.locator('.tp-preset-status').textContent(),
    /Detection and segmentation.*playground and the training simulation/,
  );
  // The model map (an optional part, folded away; mounted when opened and scrolled to) shows the entry the
  // panel loaded.
  const map = page.locator('.figure-host[data-figure="model-map"]');
  await page.evaluate(() => {
    document.querySelector('.figure-host[data-figure="model-map"]').closest('details').open = true;
  });
  await map.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.model-map')?.dataset.entry === 'detection', null, {
    timeout: 15000,
  });
  assert.equal(await map.locator('input[value="detection"]').isChecked(), true);
  await page.locator('#teacher-panel button[data-preset="embed:hard"]').focus();
  await page.keyboard.press('Space');
  assert.match(await page.locator('.tp-preset-status').textContent(), /Hard.*into the training simulation/);
  assert.equal(await map.locator('input:checked').count(), 0, 'another preset: no model-map entry stays chosen');
  assert.equal(await page.locator('#teacher-panel button[data-preset^="embed:"]').count(), 11);
});

test("the snippet follows the form (by keyboard) and is exactly the builder's output", async () => {
  const panel = page.locator('#teacher-panel');
  const snippet = panel.locator('textarea.tp-snippet');
  const base = new URL(server.url).href;
  const title = `${content.title} — interactive lesson`;
  assert.equal(await snippet.inputValue(), buildSnippet({ base, title }).html);

  // A closed <select> steps through its options with the arrow keys.
  const choose = async (label, value) => {
    const control = panel.getByLabel(label);
    await control.focus();
    for (let i = 0; i < 20 && (await control.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await control.inputValue(), value, label);
  };
  await choose('Theme', 'dark');
  await choose('Open the walkthrough at', '3');
  await choose('Preset', 'small-batch');
  await panel.getByLabel('Pass mark (%)').focus();
  await page.keyboard.type('80');
  await panel.getByLabel('References').focus();
  await page.keyboard.press('Space');
  await panel.getByLabel('Height (px)').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1200');
  const expected = buildSnippet({
    base,
    title,
    theme: 'dark',
    step: 3,
    preset: 'small-batch',
    pass: 80,
    hide: ['references'],
    height: 1200,
  });
  assert.equal(await snippet.inputValue(), expected.html);
  assert.equal(
    await snippet.getAttribute('data-url'),
    `${base}?embed=1&step=3&preset=small-batch&hide=references&pass=80&theme=dark`,
  );
  assert.equal(await panel.locator('.tp-problem').count(), 0);

  // A pointless combination is explained, an invalid value is left out with a message.
  await panel.getByLabel('Quick checks').focus();
  await page.keyboard.press('Space');
  assert.equal(await panel.locator('.tp-problem[data-code="passUnreachable"]').count(), 1);
  await panel.getByLabel('Pass mark (%)').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('120');
  assert.match(await panel.locator('.tp-problem[data-code="pass"]').textContent(), /0 to 100.*120/);
  assert.equal(await panel.getByLabel('Pass mark (%)').getAttribute('aria-invalid'), 'true');
  assert.ok(!(await snippet.inputValue()).includes('pass='));

  // Copy: the clipboard holds the snippet, and the status says so.
  await panel.getByRole('button', { name: 'Copy snippet' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.tp-copy-status')?.dataset.result);
  assert.equal(await page.locator('.tp-copy-status').getAttribute('data-result'), 'copied');
  assert.match(await page.locator('.tp-copy-status').textContent(), /copied/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet.inputValue());
});

test('"Print key takeaways" prints one A4 and one Letter page; afterwards the lesson prints as before', async () => {
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  const button = page.locator('button.print-takeaways');
  await button.scrollIntoViewIfNeeded();
  for (const format of ['A4', 'Letter']) {
    await button.focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('print-takeaways')));
    const sheet = page.locator('#takeaways-sheet');
    assert.equal(await sheet.locator('h1').textContent(), content.title);
    const takeaways = content.sections.find((s) => s.id === 'takeaways').blocks[0].items;
    assert.equal(await sheet.locator('.ts-takeaways li').count(), takeaways.length);
    assert.equal(await sheet.locator('.ts-uses li').count(), 5);
    assert.match(await sheet.locator('.ts-url').textContent(), new RegExp(new URL(server.url).host));
    assert.match(await sheet.locator('.ts-date').textContent(), /\d{4}/);
    await page.emulateMedia({ media: 'print' });
    const shown = await sheet.evaluate((node) => ({
      display: getComputedStyle(node).display,
      height: node.offsetHeight,
      others: [...document.body.children].filter((c) => c !== node && getComputedStyle(c).display !== 'none').length,
    }));
    await page.emulateMedia({ media: null });
    assert.deepEqual(
      { display: shown.display, others: shown.others },
      { display: 'block', others: 0 },
      'in print only the sheet shows',
    );
    assert.ok(shown.height > 300, `the sheet has its content (${shown.height} px)`);
    await button.focus();
    await page.keyboard.press('Enter'); // again: the media switch may have ended the mode
    const pdf = await page.pdf({ format });
    assert.equal(pages(pdf), 1, `${format}: one page`);
    // Chromium fires afterprint after page.pdf(), as after a real print: the mode ends.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('#takeaways-sheet').count(), 0);
  }
  assert.equal(await page.evaluate(() => window.__printed), 4);
  // With a certificate the normal print shows only the certificate; the takeaways sheet still wins in its mode.
  await page.evaluate(() => document.documentElement.classList.add('has-certificate'));
  await button.focus();
  await page.keyboard.press('Enter');
  await page.emulateMedia({ media: 'print' });
  const visible = () =>
    page.evaluate(() =>
      [...document.body.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.id),
    );
  assert.deepEqual(await visible(), ['takeaways-sheet']);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(await visible(), ['print-root']);
  await page.emulateMedia({ media: null });
  await page.evaluate(() => document.documentElement.classList.remove('has-certificate'));
  const whole = await page.pdf({ format: 'A4' });
  assert.ok(pages(whole) > 3, 'the normal print is the whole lesson');
});

test('the teacher panel passes axe, and there were no page errors', async () => {
  await axeCheck(page, 'teacher panel', '#teacher-panel');
  noErrors(lesson.report);
});
