// axe-core audit of the lesson page (a quality gate of `npm test`): zero WCAG 2.x A/AA violations (tags wcag2a,
// wcag2aa, wcag21a, wcag21aa) in every interactive state, one test per state so a failure names its state:
// the first screen; each of the 8 quick checks answered wrong (feedback shown) and then right; each of the 6
// walkthrough steps (and its finished panel); every lazy figure mounted; every deep dive open; the certificate
// shown (mark complete + a name); the dark theme over all of that; and 360 px width in both themes.
//
// One page is driven through all states in order (pointer clicks: the keyboard journey is lesson.test.mjs's job).
// A failing state prints each violation's id, impact, help text, help URL and the first targets.
//
//   node --test tests/e2e/audit.test.mjs         (NORMLAB_DIST=folder to audit another build; build first)
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_READY, repoRoot, useLesson, nextFrames, mountEveryFigure } from './harness.mjs';
import { axeCheck } from './checks.mjs';

const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const blocks = content.sections.flatMap((s) => s.blocks);
const quizzes = blocks.filter((b) => b.type === 'quiz');
const deepDives = blocks.filter((b) => b.type === 'deepdive');
const walkthrough = blocks.find((b) => b.type === 'walkthrough');
const correctIndex = (q) => q.options.findIndex((o) => o.correct);
const wrongIndex = (q) => q.options.findIndex((o) => !o.correct);

const lesson = useLesson({ width: 1280, height: 1000 });
let page;
before(async () => {
  ({ page } = await lesson.ready());
  assert.equal(await page.getAttribute('#lesson', 'data-content-status'), 'valid');
});

/** Wait until every mounted figure has finished loading, then for two frames; then axe on the whole document. */
async function audit(label) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.figure-host')].every((f) => f.dataset.state !== 'loading'),
    null,
    { timeout: 30000 },
  );
  await nextFrames(page);
  await axeCheck(page, `state "${label}"`);
}

/** Switch the theme with the page's own toggle; `theme` is the one it must switch to. */
async function toggleTheme(theme) {
  await page.locator('#theme-toggle').click();
  assert.equal((await page.getAttribute('html', 'data-theme')) === 'dark', theme === 'dark', `${theme} theme`);
}

const opt = (q, idx) => page.locator(`#${q.id} input[type="radio"][value="${q.options[idx].id}"]`);

describe('axe-core (WCAG 2.x A/AA) in every interactive state', () => {
  test('first screen', () => audit('first screen'));

  for (const [i, q] of quizzes.entries()) {
    test(`quick check ${i + 1} (${q.id}) answered wrong: feedback shown`, async () => {
      const quiz = page.locator(`#${q.id}`);
      await quiz.scrollIntoViewIfNeeded();
      await opt(q, wrongIndex(q)).check();
      await quiz.locator('.qc-check').click();
      assert.match(await quiz.locator('.qc-live').textContent(), /^Not quite\./);
      await audit(`quick check ${i + 1} (${q.id}) wrong`);
    });
    test(`quick check ${i + 1} (${q.id}) then answered right`, async () => {
      const quiz = page.locator(`#${q.id}`);
      await quiz.locator('.qc-retry').click();
      await opt(q, correctIndex(q)).check();
      await quiz.locator('.qc-check').click();
      assert.match(await quiz.locator('.qc-live').textContent(), /^Correct!/);
      await audit(`quick check ${i + 1} (${q.id}) right`);
    });
  }

  const steps = walkthrough.steps.length;
  for (let k = 1; k <= steps; k++) {
    test(`walkthrough step ${k} of ${steps}`, async () => {
      await page.locator('.walkthrough').scrollIntoViewIfNeeded();
      // Quick check answers above do not move the walkthrough: start from step 1.
      if (k === 1) {
        for (let guard = 0; guard < steps && !(await page.textContent('.wt-count')).startsWith('Step 1 '); guard++) {
          await page.locator('.wt-back').click();
        }
      } else {
        await page.locator('.wt-next').click();
      }
      assert.equal(await page.textContent('.wt-count'), `Step ${k} of ${steps}`);
      await page.waitForFunction(
        () => !['waiting', 'loading'].includes(document.querySelector('.wt-figure')?.dataset.state),
        null,
        { timeout: 30000 },
      );
      await audit(`walkthrough step ${k}`);
    });
  }
  test('walkthrough finished', async () => {
    await page.locator('.wt-next').click();
    await page.waitForSelector('.wt-done', { state: 'visible' });
    await audit('walkthrough finished');
  });

  test('every figure mounted (each brought into view)', async () => {
    const states = await mountEveryFigure(page);
    assert.ok(
      states.every((st) => /:(ready|waiting)$/.test(st)),
      `a figure shown on the page failed to mount: ${states.join(', ')}`,
    );
    await audit(`every figure mounted [${states.join(', ')}]`);
  });

  test(`every deep dive open (${deepDives.length})`, async () => {
    for (const dd of deepDives) {
      const details = page.locator(`#${dd.id}`);
      if (!(await details.evaluate((el) => el.open))) await details.locator('> summary').click();
      assert.equal(await details.evaluate((el) => el.open), true, dd.id);
    }
    await audit('every deep dive open');
  });

  test('certificate shown (marked complete, a name)', async () => {
    await page.locator('.mark-complete').click();
    await page.fill('#cert-name', 'Ada Lovelace');
    await page.press('#cert-name', 'Enter');
    await page.waitForSelector('.certificate-slot .certificate');
    await page.locator('.certificate-slot .certificate').scrollIntoViewIfNeeded();
    await audit('certificate shown');
  });

  test('dark theme (all of the above open)', async () => {
    await toggleTheme('dark');
    await audit('dark theme');
  });

  test('360 px width, dark theme', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await audit('360 px, dark');
  });

  test('360 px width, light theme', async () => {
    await toggleTheme('light');
    await audit('360 px, light');
  });

  test('360 px width, fresh page (first screen)', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 30000 });
    await audit('360 px, first screen');
    assert.deepEqual(lesson.report.foreignRequests, []);
  });
});
