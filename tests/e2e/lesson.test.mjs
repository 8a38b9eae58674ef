// Browser tests of the lesson page (dist/web) in Debian's headless Chromium, under a strict CSP:
// the content check in the page, the whole learner journey by keyboard only, the storage faults,
// two tabs, a hostile learner name, axe-core (WCAG 2.x A/AA) in several states, and screenshots at
// 1280 px and 360 px (saved in test-results/).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  mountEveryFigure,
  nextFrames,
  repoRoot,
  resultsDir,
  useSite,
  watchPage,
  AXE_TAGS,
  LESSON_READY,
} from './harness.mjs';
import { noErrors } from './checks.mjs';
import { SECTION_ORDER } from '../../web/src/content/schema.js';
import { inspectPdf } from '../web/certificate-pdf-inspect.mjs';
import { withDurations } from '../../web/src/content/durations.js';

const KEY = 'normlab:normalization:v1';
const BACKUP = `${KEY}:backup`;
const AXE_PATH = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const content = withDurations(JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8')));
const quizzes = content.sections.flatMap((s) =>
  s.blocks.filter((b) => b.type === 'quiz').map((q) => ({ ...q, section: s.id })),
);
const deepDives = content.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'deepdive'));
const walkthrough = content.sections.flatMap((s) => s.blocks).find((b) => b.type === 'walkthrough');
const TRACKED = content.sections.map((s) => s.id).filter((id) => id !== 'finish' && id !== 'references');
const correctIndex = (q) => q.options.findIndex((o) => o.correct);
const wrongIndex = (q) => q.options.findIndex((o) => !o.correct);

mkdirSync(resultsDir, { recursive: true });

// The built lesson (strict CSP) and one Chromium for the file; each test opens its own context.
const site = useSite();

async function open(options = {}, { initScript } = {}) {
  const context = await site.browser.newContext({
    viewport: { width: 1280, height: 1000 },
    reducedMotion: 'reduce',
    ...options,
  });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const report = await watchPage(page, site.url);
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  return { context, page, report, dialogs };
}

async function ready(page) {
  await page.waitForSelector('#lesson[data-content-status]', { timeout: 15000 });
  assert.equal(await page.getAttribute('#lesson', 'data-content-status'), 'valid');
  await page.waitForSelector(LESSON_READY, { state: 'attached' });
}

const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
const progressCount = (page) => page.textContent('.progress-count');
const doneCount = async (page) => Number((await progressCount(page)).split(' ')[0]);
const answeredLine = (page) => page.textContent('.completion-summary li:nth-child(2)');

/** Press Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page, selector, { reverse = false, max = 800 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(reverse ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) return;
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

async function focused(page, selector) {
  return page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);
}

/**
 * Read every tracked section as a learner does: bring it into view and stay until it counts as read (about 1.5 s in
 * view). The figures are mounted first, so that none grows while a section is read and pushes it out of view.
 */
async function readEverySection(page) {
  await mountEveryFigure(page);
  for (const id of TRACKED) {
    await page.locator(`#${id}`).evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.waitForFunction(
      ({ key, id }) => (JSON.parse(localStorage.getItem(key) || '{}').sectionsRead || []).includes(id),
      { key: KEY, id },
      { timeout: 10000 },
    );
  }
}

async function axeCheck(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  assert.deepEqual(summary, [], `axe violations (${label}):\n${summary.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------

describe('content', () => {
  test('the core path shows at most 2,600 words before any click, and the badge states its computed minutes', async () => {
    const { context, page } = await open();
    await page.goto(site.url);
    await ready(page);
    // Words of the lesson as rendered (closed disclosures and later walkthrough steps are not rendered text),
    // outside the live figures, whose numbers and controls are not reading.
    const words = await page.evaluate(() => {
      const mounts = [...document.querySelectorAll('#lesson .figure-mount')];
      for (const m of mounts) m.style.display = 'none';
      const n = (document.getElementById('lesson').innerText.match(/[\p{L}\p{N}]\S*/gu) || []).length;
      for (const m of mounts) m.style.display = '';
      return n;
    });
    assert.ok(words > 1000 && words <= 2600, `${words} words shown by default`);
    assert.ok((await page.locator('#lesson-badges li', { hasText: `~${content.durationMinutes} min` }).count()) === 1);
    assert.ok(content.durationMinutes <= 15, `${content.durationMinutes} min`);
    assert.ok((await page.locator('details.go-deeper .part-time').count()) >= 6, 'optional parts show their own time');
    await context.close();
  });

  test('the page validates the content and renders every section, check, step and deep dive in order', async () => {
    const { context, page, report } = await open();
    await page.goto(site.url);
    await ready(page);
    const ids = await page.$$eval('#lesson > section', (nodes) => nodes.map((n) => n.id));
    assert.deepEqual(ids, [...SECTION_ORDER]);
    assert.equal(await page.locator('.quick-check').count(), 8);
    assert.equal(await page.locator('details.deepdive').count(), deepDives.length);
    assert.equal(await page.textContent('.wt-count'), 'Step 1 of 6');
    assert.equal(await page.locator('.toc-item').count(), SECTION_ORDER.length);
    assert.equal(await page.locator('.references li').count(), content.references.length);
    // Citations link to the References list; external links open a new tab safely.
    const cite = page.locator('a.cite').first();
    assert.match(await cite.getAttribute('href'), /^#[a-z0-9-]+$/);
    for (const link of await page.locator('#lesson a[target="_blank"]').all()) {
      assert.match(await link.getAttribute('rel'), /noopener/);
    }
    assert.equal(await page.textContent('#lesson-title'), content.title);
    assert.deepEqual(report.foreignRequests, []);
    assert.deepEqual(report.cspViolations, []);
    assert.deepEqual(
      report.errors.filter((e) => !/figure "/.test(e)),
      [],
    );
    await context.close();
  });

  test('formulas are MathML built at build time: in every formula block and sentence, labelled, themed, axe-clean at 360 px', async () => {
    const blocks = [];
    const walk = (list) =>
      list.forEach((b) => (b.type === 'deepdive' ? walk(b.blocks) : b.type === 'formula' && blocks.push(b)));
    content.sections.forEach((s) => walk(s.blocks));
    const { context, page, report } = await open({
      viewport: { width: 360, height: 780 },
      colorScheme: 'dark',
      bypassCSP: true,
    });
    await page.goto(site.url);
    await ready(page);
    await page.evaluate(() => document.querySelectorAll('#lesson details').forEach((d) => (d.open = true)));
    const shown = await page.$$eval('#lesson .formula', (nodes) =>
      nodes.map((n) => ({
        role: n.getAttribute('role'),
        label: n.getAttribute('aria-label'),
        parts: [...n.querySelectorAll('.formula-parts > math')].map((m) => ({
          ns: m.namespaceURI,
          display: m.getAttribute('display'),
          tokens: m.querySelectorAll('mi, mn, mo, mtext').length,
        })),
        colour: getComputedStyle(n.querySelector('math')).color === getComputedStyle(document.body).color,
      })),
    );
    assert.equal(shown.length, blocks.length, 'one formula box per formula block');
    shown.forEach((f, i) => {
      assert.equal(f.role, 'group');
      assert.equal(f.label, blocks[i].label, 'the spoken label is kept');
      assert.equal(f.parts.length, [blocks[i].tex].flat().length, 'one <math> per TeX part');
      for (const m of f.parts) {
        assert.equal(m.ns, 'http://www.w3.org/1998/Math/MathML');
        assert.equal(m.display, 'block');
        assert.ok(m.tokens > 0);
      }
      assert.ok(f.colour, 'formulas take the theme text colour');
    });
    assert.ok((await page.locator('#lesson p math, #lesson li math').count()) >= 4, 'inline math in sentences');
    assert.equal(await page.locator('#lesson .tex-source').count(), 0, 'no formula fell back to its TeX source');
    // A formula wider than 360 px scrolls inside its own box (focusable while it does), never the page.
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      0,
    );
    const scrolling = page.locator('#lesson .formula[tabindex="0"]');
    assert.ok((await scrolling.count()) > 0, 'the widest formulas scroll at 360 px');
    await axeCheck(page, 'formulas at 360 px, dark theme');
    assert.deepEqual(
      report.errors.filter((e) => !/figure "/.test(e)),
      [],
    );
    assert.deepEqual(report.cspViolations, []);
    await context.close();
  });

  test('invalid content shows a clear error panel instead of a broken lesson', async () => {
    const { context, page } = await open();
    const broken = structuredClone(content);
    const quiz = broken.sections.find((s) => s.id === 'ics').blocks.find((b) => b.type === 'quiz');
    quiz.options.forEach((o) => {
      o.correct = true;
    });
    broken.sections.pop();
    await page.route('**/assets/lesson-*.json', (route) => route.fulfill({ json: broken }));
    await page.goto(site.url);
    await page.waitForSelector('#lesson[data-content-status="invalid"]');
    const panel = page.locator('.content-error[role="alert"]');
    assert.match(await panel.textContent(), /content has errors/);
    assert.match(await panel.textContent(), /exactly one option must be correct/);
    assert.match(await panel.textContent(), /in this order/);
    assert.equal(await page.locator('.quick-check').count(), 0);
    await context.close();
  });

  test('content that cannot be fetched shows an error panel with Try again', async () => {
    const { context, page } = await open();
    await page.route('**/assets/lesson-*.json', (route) => route.abort());
    await page.goto(site.url);
    await page.waitForSelector('#lesson[data-content-status="error"]');
    const panel = page.locator('.content-error[role="alert"]');
    assert.match(await panel.textContent(), /could not be loaded/);
    assert.equal(await panel.getByRole('button', { name: 'Try again' }).count(), 1);
    await context.close();
  });
});

describe('learner journey, keyboard only', () => {
  test('read, answer all checks (some wrong first), walkthrough, deep dives, complete, certificate, reload', async (t) => {
    const { context, page, report, dialogs } = await open({ acceptDownloads: true });
    await page.goto(site.url);
    await ready(page);

    // 1. Read: each section counts after ~1.5 s in view.
    await readEverySection(page);
    const progress = await stored(page);
    assert.deepEqual([...progress.sectionsRead].sort(), [...TRACKED].sort());
    assert.equal(await page.getAttribute('.toc-item[data-section="intro"]', 'data-state'), 'done');

    await answerEveryCheck(page);
    await openDeepDives(page);
    const certId = await completeWithCertificate(page);
    await downloadCertificate(page, certId);
    await printShowsOnlyCertificate(page);

    const countBefore = await progressCount(page);
    const playgroundUsed = (await stored(page)).playgroundUsed;
    assert.equal(countBefore, `${18 + (playgroundUsed ? 1 : 0)} of 19`);
    t.diagnostic(
      `progress at completion: ${countBefore}${playgroundUsed ? '' : ' (the playground is not part of this build)'}`,
    );

    await reloadKeepsEverything(page, { countBefore, certId, playgroundUsed });

    assert.deepEqual(dialogs, []);
    assert.deepEqual(report.foreignRequests, []);
    assert.deepEqual(report.cspViolations, []);
    await context.close();
  });
});

// The stages of the keyboard journey above, in its order; each starts where the one before left the page.
async function answerEveryCheck(page) {
  // 2.–3. Quick checks in document order; the walkthrough comes before the check that follows it.
  const wrongFirst = new Set([0, 3, 6]);
  for (const [i, q] of quizzes.entries()) {
    if (q.section === 'walkthrough') await doWalkthrough(page);
    if (q.section === 'playground') await usePlayground(page);
    await tabTo(page, `#${q.id} input[type="radio"]`);
    const choose = async (idx) => {
      if (idx === 0) await page.keyboard.press('Space');
      else for (let k = 0; k < idx; k++) await page.keyboard.press('ArrowDown');
      assert.equal(await page.$eval(`#${q.id} input:checked`, (el) => el.value), q.options[idx].id);
    };
    await choose(wrongFirst.has(i) ? wrongIndex(q) : correctIndex(q));
    await tabTo(page, `#${q.id} .qc-check`);
    await page.keyboard.press('Space');
    const live = page.locator(`#${q.id} .qc-live`);
    if (wrongFirst.has(i)) {
      assert.match(await live.textContent(), /^Not quite\./);
      assert.ok(await focused(page, `#${q.id} .qc-retry`), 'focus moves to Try again');
      assert.equal(
        await page.getAttribute(`#${q.id} .qc-option[data-option="${q.options[wrongIndex(q)].id}"]`, 'data-result'),
        'incorrect',
      );
      await page.keyboard.press('Enter');
      assert.ok(await focused(page, `#${q.id} input[type="radio"]`));
      await choose(correctIndex(q));
      await tabTo(page, `#${q.id} .qc-check`);
      await page.keyboard.press('Enter');
    }
    assert.match(await live.textContent(), /^Correct!/);
    assert.equal(await live.getAttribute('role'), 'status');
    // Once right, every option shows its explanation.
    assert.equal(await page.locator(`#${q.id} .qc-feedback:not([hidden])`).count(), q.options.length);
    const record = (await stored(page)).checks[q.id];
    assert.equal(record.firstCorrect, !wrongFirst.has(i), `first answer counts for ${q.id}`);
    assert.equal(record.lastCorrect, true);
  }
}

async function openDeepDives(page) {
  // 4. Deep dives open with Enter on their summary.
  for (const dd of deepDives) {
    await tabTo(page, `#${dd.id} > summary`);
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval(`#${dd.id}`, (el) => el.open), true);
  }
}

/** Marks the lesson complete, names the learner and returns the certificate's id. */
async function completeWithCertificate(page) {
  // 5. Mark as complete, name, certificate.
  await tabTo(page, '.mark-complete');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'cert-name');
  const progress = await stored(page);
  assert.equal(progress.completion.score, 5);
  assert.equal(progress.completion.total, 8);
  await page.keyboard.type('Ada Lovelace');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.certificate-slot .certificate');
  const cert = page.locator('.certificate-slot .certificate');
  assert.equal(await cert.locator('.cert-name').textContent(), 'Ada Lovelace');
  assert.equal(await cert.locator('.cert-title').textContent(), content.title);
  assert.equal(await cert.locator('.cert-score').textContent(), '5 of 8quick checks right on the first try');
  assert.match(await cert.textContent(), new RegExp(`${content.durationMinutes} minutes`));
  const certId = await cert.locator('.cert-id').textContent();
  assert.match(certId, /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.equal((await stored(page)).certificate.id, certId);
  return certId;
}

async function downloadCertificate(page, certId) {
  // 6. Download the PDF.
  await tabTo(page, '.download-pdf');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const pdfPath = join(resultsDir, 'certificate.pdf');
  await download.saveAs(pdfPath);
  const pdf = await inspectPdf(readFileSync(pdfPath));
  assert.equal(download.suggestedFilename(), `normlab-certificate-${certId}.pdf`);
  assert.equal(pdf.pageCount, 1);
  assert.equal(pdf.author, 'Ada Lovelace');
  assert.ok(pdf.shows.some((s) => s.text === 'Ada Lovelace'));
  assert.ok(pdf.shows.some((s) => s.text === certId));
  await page.waitForFunction(
    () => document.querySelector('.completion-status')?.textContent === 'The PDF has been downloaded.',
  );
}

async function printShowsOnlyCertificate(page) {
  // 7. The print stylesheet prints only the certificate.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#main'), false);
  assert.equal(await page.isVisible('.site-header'), false);
  assert.equal(await page.isVisible('#print-root .certificate'), true);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('#print-root .certificate'), false);
}

async function reloadKeepsEverything(page, { countBefore, certId, playgroundUsed }) {
  // 8. Reload: everything is kept.
  await page.reload();
  await ready(page);
  assert.equal(await progressCount(page), countBefore);
  for (const q of quizzes) {
    assert.equal((await page.locator(`#${q.id} .qc-option[data-result="correct"]`).count()) >= 1, true, q.id);
  }
  assert.equal(await page.getAttribute('.walkthrough', 'data-finished'), 'true');
  assert.equal(await page.textContent('.certificate-slot .cert-id'), certId);
  assert.equal(await page.textContent('.certificate-slot .cert-name'), 'Ada Lovelace');
  assert.equal(await page.inputValue('#cert-name'), 'Ada Lovelace');
  assert.equal(await page.textContent('.mark-complete'), 'Update completion');
  for (const id of TRACKED.filter((s) => s !== 'playground' || playgroundUsed)) {
    assert.equal(await page.getAttribute(`.toc-item[data-section="${id}"]`, 'data-state'), 'done', id);
  }
}

/** Change the playground's first control by keyboard (when the playground is part of this build). */
async function usePlayground(page) {
  const state = await page.getAttribute('#playground .figure-host[data-figure="playground"]', 'data-state');
  if (state !== 'ready') return;
  await tabTo(
    page,
    '#playground [data-figure="playground"] .figure-slot select, #playground [data-figure="playground"] .figure-slot input',
  );
  const tag = await page.evaluate(() => document.activeElement.tagName);
  await page.keyboard.press(tag === 'SELECT' ? 'ArrowDown' : 'ArrowRight');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).playgroundUsed === true, KEY, {
    timeout: 5000,
  });
}

async function doWalkthrough(page) {
  const steps = walkthrough.steps;
  const count = () => page.textContent('.wt-count');
  await tabTo(page, '.wt-next');
  assert.equal(await count(), 'Step 1 of 6');
  assert.equal(await page.getAttribute('.wt-figure', 'data-figure'), steps[0].figure.name);
  await page.keyboard.press('Enter');
  assert.equal(await count(), 'Step 2 of 6');
  // Back to step 1: Back becomes disabled, so focus moves to the step heading.
  await page.keyboard.press('Shift+Tab');
  assert.ok(await focused(page, '.wt-back'));
  await page.keyboard.press('Enter');
  assert.equal(await count(), 'Step 1 of 6');
  assert.ok(await focused(page, '.wt-title'), 'focus moves to the step heading when Back is disabled');
  // Arrow keys on the heading.
  await page.keyboard.press('ArrowRight');
  assert.equal(await count(), 'Step 2 of 6');
  await tabTo(page, '.wt-next');
  for (let k = 3; k <= 6; k++) {
    await page.keyboard.press('Enter');
    assert.equal(await count(), `Step ${k} of 6`);
    assert.equal(await page.getAttribute('.wt-figure', 'data-figure'), steps[k - 1].figure.name);
    assert.ok(await focused(page, '.wt-next'), 'focus stays on Next');
  }
  assert.match(await page.textContent('.wt-title'), new RegExp(steps[5].title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await page.textContent('.wt-next'), 'Finish');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await count(), 'Step 5 of 6');
  await page.keyboard.press('ArrowRight');
  assert.equal(await count(), 'Step 6 of 6');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('.wt-done'), true);
  assert.equal((await stored(page)).walkthrough.finished, true);
}

describe('storage faults', () => {
  // Seed the key from another document of the same origin (the lesson itself would save on pagehide).
  const seed = async (page, value) => {
    await page.goto(`${site.url}favicon.svg`);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
    await page.goto(site.url);
    await ready(page);
  };

  test('corrupted JSON in the key: the page works, the bad value is kept under the backup key', async () => {
    const { context, page, report } = await open();
    await seed(page, '{"version":1,"sectionsRead":["intro"');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), '{"version":1,"sectionsRead":["intro"');
    assert.equal((await stored(page)).version, 2, 'a fresh record in the current version');
    assert.match(await page.textContent('[data-notice="recovered"]'), /could not be read/);
    await page.locator('.quick-check').first().locator('input').first().check();
    await page.locator('.quick-check').first().locator('.qc-check').click();
    assert.ok(Object.keys((await stored(page)).checks).length === 1);
    assert.deepEqual(
      report.errors.filter((e) => !/figure "/.test(e)),
      [],
    );
    await context.close();
  });

  test('foreign JSON in the key: start fresh, keep a backup', async () => {
    const { context, page } = await open();
    const foreign = JSON.stringify({ version: 1, lesson: 'some-other-lesson', score: 99 });
    await seed(page, foreign);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), foreign);
    const fresh = await stored(page);
    assert.equal(fresh.lesson, 'normalization');
    assert.deepEqual(fresh.checks, {});
    assert.equal(fresh.completion, null);
    assert.match(await answeredLine(page), /^Quick checks answered: 0 of 8/);
    await context.close();
  });

  const faults = {
    'localStorage methods throw (blocked)': () => {
      const deny = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Storage.prototype.getItem = deny;
      Storage.prototype.setItem = deny;
      Storage.prototype.removeItem = deny;
    },
    'the localStorage getter throws (sandboxed iframe)': () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    },
    'quota exceeded on setItem': () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  };
  for (const [name, initScript] of Object.entries(faults)) {
    test(`${name}: the lesson stays usable, a notice is shown, progress is kept in memory`, async () => {
      const { context, page, report } = await open({}, { initScript });
      await page.goto(site.url);
      await ready(page);
      const notice = page.locator('[data-notice="storage"]');
      assert.match(await notice.textContent(), /can't be saved/);
      assert.equal(await notice.getAttribute('role'), 'status');
      assert.match(await answeredLine(page), /^Quick checks answered: 0 of 8/);
      const before = await doneCount(page);
      const quiz = page.locator('.quick-check').first();
      await quiz.locator('input').first().check();
      await quiz.locator('.qc-check').click();
      assert.match(await answeredLine(page), /^Quick checks answered: 1 of 8/);
      assert.ok((await doneCount(page)) > before, 'the header progress counts the answer');
      await page.locator('.mark-complete').click();
      await page.fill('#cert-name', 'Grace Hopper');
      await page.press('#cert-name', 'Enter');
      await page.waitForSelector('.certificate-slot .certificate');
      assert.equal(await page.textContent('.certificate-slot .cert-name'), 'Grace Hopper');
      // Dismissable, discreet.
      await notice.locator('button').click();
      assert.equal(await page.locator('[data-notice="storage"]').count(), 0);
      assert.deepEqual(
        report.errors.filter((e) => !/figure "/.test(e)),
        [],
      );
      await context.close();
    });
  }

  test('two tabs stay in step (storage event), including a reset', async () => {
    const { context, page: a } = await open();
    const b = await context.newPage();
    await a.goto(site.url);
    await ready(a);
    await b.goto(site.url);
    await ready(b);
    const q = quizzes[0];
    await a.locator(`#${q.id} input[value="${q.options[correctIndex(q)].id}"]`).check();
    await a.locator(`#${q.id} .qc-check`).click();
    await b.waitForSelector(`#${q.id} .qc-option[data-result="correct"]`);
    assert.equal(await progressCount(b), await progressCount(a));
    // b answers another check; a follows.
    const q2 = quizzes[1];
    await b.locator(`#${q2.id} input[value="${q2.options[wrongIndex(q2)].id}"]`).check();
    await b.locator(`#${q2.id} .qc-check`).click();
    await a.waitForSelector(`#${q2.id} .qc-option[data-result="incorrect"]`);
    const checksIn = async (page) => Object.keys((await stored(page)).checks).length;
    assert.equal(await checksIn(a), 2);
    // Each tab also marks sections read as it shows them, so either count can move while the test reads it (a
    // snapshot of b's count raced b's next mark, in a fresh clone under load): wait until the two show the same.
    const deadline = Date.now() + 30000;
    while ((await progressCount(a)) !== (await progressCount(b))) {
      assert.ok(Date.now() < deadline, 'the two tabs never showed the same progress');
      await nextFrames(a);
    }
    // Reset in a (with its confirmation dialog) clears b too.
    await a.locator('.reset-progress').click();
    assert.equal(await a.isVisible('dialog.reset-dialog'), true);
    await a.locator('dialog.reset-dialog .button-danger').click();
    await b.waitForFunction(() => document.querySelectorAll('.qc-option[data-result]').length === 0);
    assert.equal(await a.locator('.qc-option[data-result]').count(), 0);
    assert.equal(
      await b.textContent('.completion-summary li:nth-child(2)'),
      'Quick checks answered: 0 of 8 (0 correct on the first try)',
    );
    assert.equal((await stored(b)).epoch, (await stored(a)).epoch);
    await context.close();
  });

  test('a name like <img src=x onerror=alert(1)> is shown as text; no dialog fires', async () => {
    const { context, page, dialogs } = await open();
    const name = '<img src=x onerror=alert(1)>';
    await page.goto(site.url);
    await ready(page);
    await page.locator('.mark-complete').click();
    await page.fill('#cert-name', name);
    await page.press('#cert-name', 'Enter');
    await page.waitForSelector('.certificate-slot .certificate');
    for (let round = 0; round < 2; round++) {
      assert.equal(await page.textContent('.certificate-slot .cert-name'), name);
      assert.equal(await page.locator('.certificate img, #print-root img').count(), 0);
      await page.reload();
      await ready(page);
    }
    await nextFrames(page);
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  test('Chinese, Arabic and Hebrew names download as PDFs; only the fonts they need are fetched', async () => {
    const { context, page, report } = await open({ locale: 'zh-TW' });
    const fonts = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('/fonts/')) fonts.push(path.slice(path.lastIndexOf('/') + 1));
    });
    await page.goto(site.url);
    await ready(page);
    await page.locator('.mark-complete').click();
    for (const [name, family] of [
      ['陳大文', 'NotoSansTC-Bold'],
      ['محمد بن علي', 'NotoSansArabic-Bold'],
      ['שרה כהן', 'NotoSansHebrew-Bold'],
    ]) {
      await page.fill('#cert-name', name);
      await page.press('#cert-name', 'Enter');
      await page.waitForFunction(
        (n) => document.querySelector('.certificate-slot .cert-name')?.textContent === n,
        name,
      );
      fonts.length = 0;
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.download-pdf').click()]);
      const pdf = await inspectPdf(readFileSync(await download.path()));
      assert.equal(pdf.author, name);
      const nameShows = pdf.shows.filter((s) => s.size > 16 && s.glyphs.every((g) => g.cid > 0));
      assert.ok(
        nameShows.some((s) => s.font.startsWith(family)),
        `${name}: ${nameShows.map((s) => s.font)}`,
      );
      assert.ok(fonts.length <= 8, `${name}: fetched ${fonts}`);
      assert.ok(
        fonts.every((f) => !/noto-sans-(sc|jp|kr)-/.test(f)),
        `${name}: other CJK families: ${fonts}`,
      );
    }
    noErrors(report);
    await context.close();
  });

  test('Reset asks for confirmation; Cancel keeps everything', async () => {
    const { context, page } = await open();
    await page.goto(site.url);
    await ready(page);
    const q = quizzes[0];
    await page.locator(`#${q.id} input`).first().check();
    await page.locator(`#${q.id} .qc-check`).click();
    await page.locator('.reset-progress').click();
    assert.equal(await page.isVisible('dialog.reset-dialog'), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('dialog.reset-dialog'), false);
    assert.match(await answeredLine(page), /^Quick checks answered: 1 of 8/);
    assert.ok((await stored(page)).checks[q.id]);
    assert.ok(await focused(page, '.reset-progress'), 'focus returns to the Reset button');
    await context.close();
  });
});

describe('figures', () => {
  test('a figure whose core fails to load shows an accessible error with Retry; Retry recovers', async () => {
    const { context, page } = await open();
    let blockWasm = true;
    await page.route('**/*.wasm', (route) => (blockWasm ? route.abort() : route.fallback()));
    await page.goto(site.url);
    await ready(page);
    const host = page.locator('#techniques .figure-host').first();
    await host.scrollIntoViewIfNeeded();
    const error = host.locator('.figure-error');
    await error.waitFor({ timeout: 15000 });
    assert.match(await error.textContent(), /could not be loaded/);
    assert.match(await error.textContent(), /The rest of the lesson works without it/);
    const retry = error.getByRole('button', { name: /Retry/ });
    assert.equal(await retry.isEnabled(), true);
    // The rest of the page still works.
    const q = quizzes[0];
    await page.locator(`#${q.id} input`).first().check();
    await page.locator(`#${q.id} .qc-check`).click();
    assert.equal((await page.locator(`#${q.id} .qc-option[data-result]`).count()) > 0, true);
    // Read before Retry: a recovered figure removes its error box at once.
    const figureInBuild = !(await error.textContent()).includes('not part of this build');
    blockWasm = false;
    await retry.click();
    if (figureInBuild) {
      await page.waitForFunction(() => document.querySelector('#techniques .figure-host')?.dataset.state !== 'loading');
      assert.equal(await host.getAttribute('data-state'), 'ready');
      assert.equal(await host.locator('.figure-error').count(), 0);
    } else {
      assert.equal(await host.getAttribute('data-state'), 'error');
    }
    await context.close();
  });
});

describe('completion area', () => {
  test('loaded after start-up: when its script cannot be fetched the area says so; Try again recovers', async () => {
    const { context, page } = await open();
    let block = true;
    await page.route(/\/certificate-[\w-]+\.js$/, (route) => (block ? route.abort() : route.fallback()));
    await page.goto(site.url);
    await ready(page);
    const problem = page.locator('.completion-host .content-error');
    await problem.waitFor({ state: 'attached', timeout: 15000 });
    assert.match(await problem.textContent(), /could not be loaded.*Your progress is kept/s);
    block = false;
    await problem.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.completion-host .mark-complete').waitFor({ state: 'attached', timeout: 15000 });
    assert.equal(await page.locator('.completion-host .content-error').count(), 0);
    await context.close();
  });
});

describe('accessibility and look', () => {
  test('with reduced motion, the theme toggle recolours at once (no transition keeps the old colours)', async () => {
    const { context, page } = await open(); // reducedMotion: 'reduce'
    await page.goto(site.url);
    await ready(page);
    // Read in the same task as the click: a transition of any length would still show the starting colours.
    const [before, after] = await page.evaluate(() => {
      const colours = () =>
        ['body', '.toc', '#theme-toggle', '.lesson-section p'].map((s) => {
          const style = getComputedStyle(document.querySelector(s));
          return `${style.color} on ${style.backgroundColor}`;
        });
      const start = colours();
      document.getElementById('theme-toggle').click();
      return [start, colours()];
    });
    before.forEach((colour, i) => assert.notEqual(after[i], colour, `element ${i} keeps ${colour}`));
    await context.close();
  });

  test('axe-core: no WCAG 2.x A/AA violations initially, with a check answered, deep dives open, certificate, dark theme', async () => {
    // axe is injected as a script: allow it past the page's CSP in this context only.
    const { context, page } = await open({ bypassCSP: true });
    await page.goto(site.url);
    await ready(page);
    await axeCheck(page, 'initial');
    const q = quizzes[0];
    await page.locator(`#${q.id} input[value="${q.options[wrongIndex(q)].id}"]`).check();
    await page.locator(`#${q.id} .qc-check`).click();
    await axeCheck(page, 'check answered (wrong)');
    for (const dd of deepDives) await page.locator(`#${dd.id} > summary`).click();
    await axeCheck(page, 'deep dives open');
    await page.locator('.mark-complete').click();
    await page.fill('#cert-name', 'Ada Lovelace');
    await page.press('#cert-name', 'Enter');
    await page.waitForSelector('.certificate-slot .certificate');
    await axeCheck(page, 'certificate shown');
    await page.locator('#theme-toggle').click();
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true');
    await axeCheck(page, 'dark theme');
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'the theme choice persists');
    await context.close();
  });

  test('screenshots at 1280 px and 360 px; no horizontal scroll at 360 px', async (t) => {
    for (const [width, scheme] of [
      [1280, 'light'],
      [360, 'light'],
      [1280, 'dark'],
      [360, 'dark'],
    ]) {
      const { context, page } = await open({
        viewport: { width, height: width === 360 ? 780 : 900 },
        colorScheme: scheme,
      });
      await page.goto(site.url);
      await ready(page);
      const tag = `${width}${scheme === 'dark' ? '-dark' : ''}`;
      await page.screenshot({ path: join(resultsDir, `lesson-${tag}.png`) });
      const q = quizzes[0];
      await page.locator(`#${q.id} input[value="${q.options[wrongIndex(q)].id}"]`).check();
      await page.locator(`#${q.id} .qc-check`).click();
      await page.locator(`#${q.id}`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(resultsDir, `lesson-${tag}-quiz.png`) });
      await page.locator('.walkthrough').scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () => !['waiting', 'loading'].includes(document.querySelector('.wt-figure')?.dataset.state),
        null,
        { timeout: 30000 },
      );
      await nextFrames(page);
      await page.screenshot({ path: join(resultsDir, `lesson-${tag}-walkthrough.png`) });
      await page.locator('.mark-complete').click();
      await page.fill('#cert-name', 'Ada Lovelace');
      await page.press('#cert-name', 'Enter');
      await page.waitForSelector('.certificate-slot .certificate');
      await page.locator('.certificate-slot .certificate').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(resultsDir, `lesson-${tag}-certificate.png`) });
      // Every figure mounted first, then measure.
      await mountEveryFigure(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `horizontal scroll at ${width}px (${scheme}): ${overflow}px`);
      if (width === 360) {
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('#lesson *')]
            .filter(
              (el) =>
                el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
                getComputedStyle(el).position !== 'fixed' &&
                !el.closest('.figure-slot, .formula, math'),
            )
            .slice(0, 5)
            .map((el) => `${el.tagName}.${el.className}`),
        );
        assert.deepEqual(wide, [], 'elements sticking out at 360 px');
        // Figures scroll inside their own box when they are wider than the column: report, don't fail.
        const scrolling = await page.evaluate(() =>
          [...document.querySelectorAll('.figure-slot')]
            .filter((s) => s.scrollWidth > s.clientWidth + 1)
            .map((s) => `${s.closest('[data-figure]').dataset.figure} (${s.scrollWidth - s.clientWidth}px wider)`),
        );
        if (scrolling.length)
          t.diagnostic(`figures that scroll sideways at 360 px (${scheme}): ${scrolling.join(', ')}`);
      }
      await context.close();
    }
    writeFileSync(
      join(resultsDir, 'lesson-screenshots.txt'),
      'lesson-{1280,360}[-dark][-quiz|-walkthrough|-certificate].png: the lesson page at each width and theme\n',
    );
  });
});
