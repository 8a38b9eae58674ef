// The lesson under a strict Content-Security-Policy sent as an HTTP header (harness STRICT_CSP: no
// 'unsafe-eval', no inline scripts, 'wasm-unsafe-eval' for the WebAssembly core): a full learner journey —
// every section scrolled into view so every figure mounts, every quick check, the walkthrough, the playground,
// a training run, the deep dives, Mark complete, the certificate and its PDF, the progress code — reports no
// securitypolicyviolation event, no page error, and makes no request to any other origin.
// Negative control: the same page without 'wasm-unsafe-eval' does report a violation (the policy is enforced).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRICT_CSP, mountEveryFigure, repoRoot, settledFigure, useSite } from './harness.mjs';
import { noErrors } from './checks.mjs';

const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const quizzes = content.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'quiz'));

// Collected in every document (and reported by the page's own event, not only the console).
const COLLECT = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
};

const strict = useSite({ csp: STRICT_CSP });
const weak = useSite({ csp: STRICT_CSP.replace(" 'wasm-unsafe-eval'", '') });

const open = (site) =>
  site.open('', {
    width: 1280,
    contextOptions: { acceptDownloads: true },
    beforeGoto: (page) => page.addInitScript(COLLECT),
    ready: '#lesson[data-content-status="valid"]',
  });

const violations = (page) => page.evaluate(() => window.__cspViolations);

test('a full learner journey under the strict CSP header: no violation, no error, no other origin', async () => {
  const { context, page, report, response } = await open(strict);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the policy is sent as a header');

  // Every section into view, with every optional part opened: every figure mounts (and the WebAssembly core
  // compiles).
  const states = await mountEveryFigure(page, { openParts: true });
  assert.ok(
    states.every((s) => s.endsWith(':ready')),
    states.join(', '),
  );

  // Every check (one wrong first, then right), the walkthrough, the playground, a training run, the deep dives.
  for (const [i, q] of quizzes.entries()) {
    const pick = i === 1 ? q.options.find((o) => !o.correct) : q.options.find((o) => o.correct);
    await page.locator(`#${q.id} input[value="${pick.id}"]`).check();
    await page.locator(`#${q.id} .qc-check`).click();
    if (!pick.correct) {
      await page.locator(`#${q.id} .qc-retry`).click();
      await page.locator(`#${q.id} input[value="${q.options.find((o) => o.correct).id}"]`).check();
      await page.locator(`#${q.id} .qc-check`).click();
    }
  }
  for (let k = 0; k < 6; k++) await page.locator('.wt-next').click();
  assert.equal(await page.getAttribute('.walkthrough', 'data-finished'), 'true');
  const slider = page.locator('#playground input[type="range"]').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const training = page.locator('#training .figure-host');
  await training.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(() => Number(document.querySelector('#training progress')?.value) >= 1, null, {
    timeout: 60000,
  });
  for (const summary of await page.locator('details.deepdive > summary').all()) await summary.click();

  // Completion, certificate, PDF, the progress code round trip.
  await page.locator('.mark-complete').click();
  await page.fill('#cert-name', 'Ada Lovelace');
  await page.press('#cert-name', 'Enter');
  await page.waitForSelector('.certificate-slot .certificate');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.download-pdf').click()]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  await page.locator('#progress-transfer > summary').click();
  // The code is filled on the details element's toggle event, which the browser fires asynchronously.
  await page.waitForFunction(() => document.querySelector('#progress-code')?.value.startsWith('NL1.'));
  await page.locator('.copy-code').click();
  const code = await page.inputValue('#progress-code');
  assert.match(code, /^NL1\./);
  await page.fill('#progress-code', code);
  await page.locator('.import-code').click();
  assert.equal(await page.getAttribute('#progress-transfer', 'data-import'), 'ok');
  await page.reload();
  await page.waitForSelector('#lesson[data-content-status="valid"]');
  assert.equal(await page.textContent('.certificate-slot .cert-name'), 'Ada Lovelace');

  assert.deepEqual(await violations(page), [], 'securitypolicyviolation events');
  noErrors(report);
  await context.close();
});

test('negative control: without wasm-unsafe-eval the policy blocks the WebAssembly core (it is enforced)', async () => {
  const { context, page } = await open(weak);
  const host = await settledFigure(page, '#techniques .figure-host');
  assert.equal(await host.getAttribute('data-state'), 'error');
  await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 });
  assert.match((await violations(page)).join('\n'), /script-src/);
  await context.close();
});
