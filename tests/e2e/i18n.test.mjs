// The page in another language in headless Chromium under the strict
// CSP. The content file is served with its `lang` switched to German (the page has no German catalogue, so
// its strings fall back to English while every number and date follows de): a figure's numbers use the decimal
// comma and equal the core's values, the completion date is German, <html lang> is de, nothing logs an error
// (a missing catalogue key would: "i18n: no UI string"), and axe finds nothing on the page shell. In English,
// the boot leaves web/index.html's static text exactly as served (the catalogue fills it with the same words).
// Run: NORMLAB_DIST=<build> node --test tests/e2e/i18n.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, readyFigure } from './harness.mjs';
import { axeCheck } from './checks.mjs';

const CONTENT = '**/assets/lesson-*.json';
const DISTRIBUTIONS = 'section#activations .figure-host[data-figure="distributions"]';

const site = useSite();

/** A fresh page; with `lang`, the content file arrives with that language. */
const open = ({ lang, bypassCSP = false } = {}) =>
  site.open('', {
    bypassCSP,
    // Registered after watchPage's catch-all, so it answers first (playwright runs the latest route first).
    beforeGoto: async (page) => {
      if (!lang) return;
      await page.route(CONTENT, async (route) => {
        const response = await route.fetch();
        route.fulfill({ response, json: { ...(await response.json()), lang } });
      });
    },
  });

/** The raw-input standard deviation cell of the distributions figure: [shown text, the core's exact value]. */
async function distributionCell(page) {
  await readyFigure(page, DISTRIBUTIONS);
  const cell = page.locator(`${DISTRIBUTIONS} td[data-stat="std"][data-side="raw"]`);
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.dataset.value,
    `${DISTRIBUTIONS} td[data-stat="std"][data-side="raw"]`,
  );
  return [await cell.textContent(), Number(await cell.getAttribute('data-value'))];
}

const errorsOf = (report) => [...report.errors, ...report.cspViolations, ...report.foreignRequests];

test('English: the boot leaves the static UI text of web/index.html exactly as served', async () => {
  const { context, page, report } = await open();
  const diffs = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const squash = (s) => s.replace(/\s+/g, ' ').trim();
    const out = { checked: 0, differ: [] };
    for (const node of served.querySelectorAll('[data-i18n]')) {
      if (node.closest('noscript')) continue; // never parsed into elements while scripts run
      const live = document.querySelectorAll(`[data-i18n="${node.dataset.i18n}"]`);
      for (const l of live) {
        out.checked += 1;
        if (squash(l.textContent) !== squash(node.textContent))
          out.differ.push(`${node.dataset.i18n}: "${squash(l.textContent)}"`);
      }
    }
    for (const node of served.querySelectorAll('[data-i18n-attr]')) {
      const live = node.id
        ? document.getElementById(node.id)
        : document.querySelector(`${node.tagName}[data-i18n-attr="${node.dataset.i18nAttr}"]`);
      for (const part of node.dataset.i18nAttr.split(';')) {
        const name = part.split(':')[0].trim();
        out.checked += 1;
        if (live?.getAttribute(name) !== node.getAttribute(name))
          out.differ.push(`${name}: "${live?.getAttribute(name)}"`);
      }
    }
    return out;
  });
  assert.deepEqual(diffs.differ, []);
  assert.ok(diffs.checked >= 8, `${diffs.checked} static strings compared`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('.skip-link'), 'Skip to the lesson');
  assert.equal(await page.getAttribute('#theme-toggle', 'aria-label'), 'Dark theme');
  const [shown, value] = await distributionCell(page);
  assert.match(shown, /^−?\d+\.\d{3}$/, 'English: a decimal point');
  assert.equal(
    shown,
    new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value),
  );
  assert.deepEqual(errorsOf(report), []);
  await context.close();
});

test('German content: numbers and dates follow de, every string resolves, no console error, axe clean', async () => {
  const { context, page, report } = await open({ lang: 'de', bypassCSP: true });
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.getAttribute('#lesson', 'data-content-status'), 'valid');

  // A figure: the core's value, shown with a decimal comma.
  const [shown, value] = await distributionCell(page);
  assert.match(shown, /^−?\d+,\d{3}$/, `German: a decimal comma (${shown})`);
  assert.equal(
    shown,
    new Intl.NumberFormat('de', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value).replace('-', '−'),
  );

  // The completion date, in German ("26. November 2026"), by keyboard.
  const mark = page.locator('.mark-complete');
  await mark.scrollIntoViewIfNeeded();
  await mark.focus();
  await page.keyboard.press('Enter');
  const today = new Intl.DateTimeFormat('de', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  await page.waitForFunction((d) => document.querySelector('.completion-status')?.textContent.includes(d), today, {
    timeout: 5000,
  });

  // The walkthrough and the shell still speak (English fallback strings, German numbers).
  assert.match(await page.textContent('.wt-count'), /^\S+ 1 \S+ \d+$/);
  assert.ok((await page.textContent('.skip-link')).length > 0);

  await axeCheck(page, 'German, the page shell', ['header', 'nav.toc', 'footer', '.walkthrough']);

  const errors = errorsOf(report);
  assert.deepEqual(
    errors.filter((e) => /i18n:/.test(e)),
    [],
    'no missing catalogue key',
  );
  assert.deepEqual(errors, []);
  await context.close();
});
