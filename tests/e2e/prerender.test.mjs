// The lesson prerendered into dist/web/index.html by the build (scripts/prerender.mjs, the page's own renderer
// in Node): with JavaScript disabled the page reads completely — every section heading, every quick check's
// question and options as a form, the walkthrough's steps, the formulas as MathML, the references — and says
// that the figures need JavaScript; with JavaScript the page takes the same markup over without moving it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_READY, nextFrames, repoRoot, useSite, watchPage } from './harness.mjs';
import { withDurations } from '../../web/src/content/durations.js';

const content = withDurations(JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8')));
const blocks = content.sections.flatMap((s) => s.blocks);
const quizzes = blocks.filter((b) => b.type === 'quiz');
const walkthrough = blocks.find((b) => b.type === 'walkthrough');
const words = (s) => s.replace(/\s+/g, ' ').trim();
/** The words of inline text as a reader sees them (markup characters removed; the checks hold no math). */
const shownText = (s) => words(s.replace(/\*\*|[*`]/g, '').replace(/\[([^\]@]+)\]\([^)]*\)/g, '$1'));

const site = useSite();

test('without JavaScript the lesson reads completely and says what needs JavaScript', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.url);

  const headings = await page.$$eval('#lesson > section > h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(
    headings,
    content.sections.map((s) => s.title),
    'every section heading, in order',
  );

  const checks = await page.$$eval('#lesson .quick-check', (qs) =>
    qs.map((q) => ({
      question: q.querySelector('.qc-question').textContent,
      options: [...q.querySelectorAll('input[type="radio"]')].map((i) => i.labels[0].textContent),
      form: !!q.querySelector('form fieldset, fieldset'),
    })),
  );
  assert.equal(checks.length, quizzes.length);
  checks.forEach((c, i) => {
    assert.equal(words(c.question), shownText(quizzes[i].question));
    assert.deepEqual(
      c.options.map(words),
      quizzes[i].options.map((o) => shownText(o.text)),
    );
    assert.ok(c.form, 'a real form with a radio group');
  });

  // The references are folded under a disclosure that opens without scripts.
  await page.locator('.references-disclosure > summary').click();
  const refs = await page.$$eval('.references li', (lis) => lis.map((li) => li.textContent));
  assert.equal(refs.length, content.references.length);
  content.references.forEach((r, i) => assert.ok(refs[i].includes(r.title), r.id));

  const stepTitles = await page.$$eval('.walkthrough-host .wt-title', (hs) => hs.map((h) => h.textContent));
  for (const step of walkthrough.steps)
    assert.ok(
      stepTitles.some((s) => s.endsWith(step.title)),
      step.id,
    );

  assert.ok((await page.locator('#lesson .formula math').count()) >= 15, 'formulas as MathML');
  assert.match(await page.locator('.noscript').textContent(), /figures.*need|need JavaScript/s);
  const placeholders = await page.$$eval('#lesson .figure-host .figure-placeholder', (ps) =>
    ps.map((p) => p.textContent),
  );
  assert.ok(placeholders.length >= 5, 'each figure keeps its place with a placeholder');
  // Read without scripts too, so it says what draws the figure and promises no loading.
  for (const text of placeholders) assert.match(text, /scripts/);
  assert.equal(await page.locator('#lesson .qc-actions:visible, #lesson .wt-nav:visible').count(), 0);
  assert.equal(await page.getAttribute('#lesson', 'aria-busy'), null, 'the lesson is not announced as loading');
  // Nothing would lay skipped sections out later: without scripts every section is laid out as usual.
  const visibility = await page.$$eval('#lesson > section', (ss) =>
    ss.map((s) => getComputedStyle(s).contentVisibility),
  );
  assert.deepEqual(new Set(visibility), new Set(['visible']));
  await context.close();
});

test('the first paint skips the sections out of view, and start-up lays them all out', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  // Before start-up (which waits for a frame and then takes the lesson over section by section).
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__before = [...document.querySelectorAll('#lesson > section')].map((s) => [
        'laidOut' in s.dataset,
        getComputedStyle(s).contentVisibility,
      ]);
    });
  });
  const page = await context.newPage();
  const report = await watchPage(page, site.url);
  await page.goto(site.url);
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  const before = await page.evaluate(() => window.__before);
  assert.equal(before.length, content.sections.length);
  assert.deepEqual(new Set(before.map(String)), new Set(['false,auto']), 'skipped until laid out');
  const after = await page.$$eval('#lesson > section', (ss) =>
    ss.map((s) => ['laidOut' in s.dataset, getComputedStyle(s).contentVisibility]),
  );
  assert.deepEqual(new Set(after.map(String)), new Set(['true,visible']), 'every section laid out');
  assert.deepEqual(report.errors, []);
  await context.close();
});

// With motion allowed (smooth scrolling), at a phone's width and a desktop's: a jump that glided across the
// lesson mounted every figure on its way, and the figures that grew above the target pushed it 150–390 px away.
for (const [width, height] of [
  [412, 823],
  [1280, 900],
]) {
  test(`opened at a section far down (${width} px), the page lands on it and stays`, async () => {
    const context = await site.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const report = await watchPage(page, site.url);
    await page.goto(`${site.url}#walkthrough`);
    await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('.wt-figure')?.dataset.state === 'ready', null, {
      timeout: 30000,
    });
    await nextFrames(page);
    const landed = await page.evaluate(() => {
      const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop);
      return document.getElementById('walkthrough').getBoundingClientRect().top - padding;
    });
    assert.ok(Math.abs(landed) <= 2, `#walkthrough is ${landed}px from where a jump puts it`);
    assert.deepEqual(report.errors, []);
    await context.close();
  });
}

/** A 1280 × 900 page that sums its layout shifts (those not caused by input) from the first paint. */
async function shiftWatchedPage() {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  const report = await watchPage(page, site.url);
  return { context, page, report };
}

const layoutShift = (page) => page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));

test('with JavaScript the page takes the prerendered lesson over: same sections, no layout shift', async () => {
  const { context, page, report } = await shiftWatchedPage();
  const response = await page.goto(site.url);
  const html = await response.text();
  const lessonTag = html.match(/<div[^>]*\bid="lesson"[^>]*>/)?.[0] ?? '';
  assert.match(lessonTag, /data-prerendered="[0-9a-f]{64}"/, 'the built page holds the lesson, stamped');
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  assert.equal(await page.getAttribute('#lesson', 'data-prerendered'), null);
  const headings = await page.$$eval('#lesson > section > h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(
    headings,
    content.sections.map((s) => s.title),
  );
  assert.equal(await page.locator('#lesson .qc-actions:visible').count(), quizzes.length, 'checks are live');
  // The first figure in view mounts into its host without moving the text around it.
  await page.locator('.figure-host').first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.figure-host')?.dataset.state === 'ready', null, {
    timeout: 30000,
  });
  const shift = await layoutShift(page);
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.cspViolations, []);
  await context.close();
});

test('the completion area, loaded after start-up, appears in the space kept for it', async () => {
  const { context, page, report } = await shiftWatchedPage();
  // The mastery panel above it must arrive filled: rows filled a task later grow in view, a shift that only
  // shows when that task comes after a paint (under load). Whether they were filled is read where the panel is
  // inserted, which does not depend on timing.
  await context.addInitScript(() => {
    new MutationObserver((records, observer) => {
      const panel = document.querySelector('.mastery-panel');
      if (!panel) return;
      const levels = [...panel.querySelectorAll('.mastery-level')];
      window.__masteryFilled = levels.length > 0 && levels.every((level) => level.textContent !== '');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  // Opened at the last section, the completion area is built in view, above the references.
  await page.goto(`${site.url}#finish`);
  await page.waitForSelector('.completion-host .mark-complete', { state: 'attached', timeout: 20000 });
  // Read once start-up is over and its last changes are painted: the finish section's other parts (the mastery
  // panel) are filled by then too, and a late fill would move what is in view.
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  await nextFrames(page);
  assert.equal(await page.evaluate(() => window.__masteryFilled), true, 'the mastery panel is filled as it is built');
  const shift = await layoutShift(page);
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  assert.deepEqual(report.errors, []);
  await context.close();
});

test("a returning learner's answer is shown as its check is built, not a task later", async () => {
  const { context, page, report } = await shiftWatchedPage();
  const q = quizzes[0];
  await page.goto(site.url);
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  await page.locator(`#${q.id} input[value="${q.options.find((o) => o.correct).id}"]`).check();
  await page.locator(`#${q.id} .qc-check`).click();
  await page.waitForSelector(`#${q.id} .qc-option[data-result="correct"]`);
  // On the reload, read the check where it is inserted: a later fill would show a frame of an unanswered
  // check that then grows in view.
  await context.addInitScript((id) => {
    // The parser inserts the prerendered check first; start-up builds the live one in its place. They are told
    // apart by identity: the parser's records can arrive after parsing is over, so readyState cannot tell.
    let parsed = null;
    new MutationObserver((records, observer) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          const check = node.nodeType === 1 && (node.matches(`#${id}`) ? node : node.querySelector(`#${id}`));
          if (!check || check === parsed) continue;
          if (!parsed) {
            parsed = check;
            continue;
          }
          window.__answeredAtInsert = check.querySelector('.qc-option[data-result="correct"]') !== null;
          observer.disconnect();
          return;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  }, q.id);
  await page.reload();
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  assert.equal(await page.evaluate(() => window.__answeredAtInsert), true);
  assert.deepEqual(report.errors, []);
  await context.close();
});

test("the walkthrough's figure mounts in the space kept for its step's figure", async () => {
  const { context, page, report } = await shiftWatchedPage();
  // Opened at a fragment, Chromium may paint a frame by the sections' estimated heights first; the footer,
  // placed by them, must not be shown then (it counted as a shift of 0.11 in some loads). Read in every frame
  // until the sections are laid out, so the check does not depend on which frames the load happens to paint.
  await context.addInitScript(() => {
    window.__footerWhileEstimated = [];
    const look = () => {
      const footer = document.querySelector('.site-footer');
      if (footer && document.querySelector('.lesson-section:not([data-laid-out])'))
        window.__footerWhileEstimated.push(getComputedStyle(footer).visibility);
      if (!document.querySelector('#lesson[data-layout="complete"]')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(`${site.url}#walkthrough`);
  await page.waitForFunction(() => document.querySelector('.wt-figure')?.dataset.state === 'ready', null, {
    timeout: 30000,
  });
  await nextFrames(page);
  const footer = await page.evaluate(() => window.__footerWhileEstimated);
  assert.ok(footer.length > 0 && footer.every((v) => v === 'hidden'), `footer while estimated: ${footer}`);
  const shift = await layoutShift(page);
  assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
  assert.deepEqual(report.errors, []);
  await context.close();
});

test('the page takes the markup over in place and keeps what the learner did before the scripts ran', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Every section and paragraph the page removes from the lesson's text is counted: taking over must remove
  // none (the hosts of checks, walkthrough and figures are filled again, so what they held is not counted).
  await context.addInitScript(() => {
    window.__removed = 0;
    const hosts = '.figure-mount, .quiz-host, .walkthrough-host, .predict-host, .review-host, .mastery-host';
    new MutationObserver((records) => {
      for (const r of records) {
        if (!(r.target instanceof Element) || r.target.closest(hosts)) continue;
        for (const n of r.removedNodes) if (n.nodeName === 'SECTION' || n.nodeName === 'P') window.__removed++;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const report = await watchPage(page, site.url);
  // The content file is held back until the learner has chosen an answer in the prerendered first check.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/assets/lesson-*.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(site.url);
  const first = quizzes[0];
  const option = first.options.find((o) => o.correct) ?? first.options[0];
  await page.locator(`#${first.id}--${option.id}`).check();
  await page.evaluate((id) => {
    document.getElementById(id).closest('section').querySelector('p').dataset.marked = 'kept';
  }, first.id);
  release();
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  assert.equal(await page.evaluate(() => window.__removed), 0, 'no section or paragraph replaced');
  assert.equal(await page.locator('p[data-marked="kept"]').count(), 1, 'the same nodes, not copies');
  assert.ok(await page.locator(`#${first.id}--${option.id}`).isChecked(), 'the choice made before is kept');
  await page.locator(`#${first.id} .qc-check`).click();
  await page.waitForSelector(`#${first.id}--${option.id}--feedback:not([hidden])`);
  // A citation in the taken-over text still opens the folded References list.
  await page.locator('#lesson > section a.cite').first().click();
  assert.equal(await page.locator('.references-disclosure').getAttribute('open'), '');
  assert.deepEqual(report.errors, []);
  await context.close();
});

test('content other than the one prerendered is rendered afresh, never mixed with the built markup', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const report = await watchPage(page, site.url);
  const changed = JSON.parse(readFileSync(join(repoRoot, 'web', 'generated', 'lesson.json'), 'utf8'));
  changed.sections[0].title = 'A course site’s own introduction';
  await page.route('**/assets/lesson-*.json', (route) => route.fulfill({ json: changed }));
  await page.goto(site.url);
  await page.waitForSelector(LESSON_READY, { state: 'attached', timeout: 20000 });
  assert.equal(await page.locator('#lesson > section > h2').first().textContent(), changed.sections[0].title);
  assert.equal(await page.getAttribute('#lesson', 'data-prerendered'), null);
  assert.equal(await page.locator('#lesson > section').count(), content.sections.length);
  assert.deepEqual(report.errors, []);
  await context.close();
});
