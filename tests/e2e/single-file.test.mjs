// The single-file offline build (npm run build:single → dist/normalization-lesson.html) opened straight from
// disk (file://) in Chromium with every network request blocked: the lesson renders, the figures compute
// (the WebAssembly core inlined), the training simulation runs in its (inlined) workers, progress works and
// survives a reload. The certificate PDF uses the inlined fonts (all but the CJK ones).
//
// The file: $NORMLAB_SINGLE_FILE, else dist/normalization-lesson.html; when neither exists it is built into
// a temporary folder first (scripts/build-single.mjs, a few seconds).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, repoRoot, settledFigure } from './harness.mjs';
import { inspectPdf } from '../web/certificate-pdf-inspect.mjs';

const KEY = 'normlab:normalization:v1';
const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const quizzes = content.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'quiz'));

let file = process.env.NORMLAB_SINGLE_FILE || join(repoRoot, 'dist', 'normalization-lesson.html');
let temp = null;
let browser;

before(async () => {
  if (!existsSync(file)) {
    temp = mkdtempSync(join(tmpdir(), 'normlab-single-test-'));
    file = join(temp, 'normalization-lesson.html');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-single.mjs'), '--out', file], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/**
 * The file in a fresh context with every request but file:, data: and blob: blocked (and listed in `blocked`),
 * page and console errors listed in `errors`; resolves once the content has been checked.
 */
async function openOffline() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const blocked = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#lesson[data-content-status]', { timeout: 20000 });
  return { context, page, blocked, errors };
}

test('the file is self-contained: no external script, style, module or wasm reference', () => {
  const html = readFileSync(file, 'utf8');
  // (assert.ok rather than doesNotMatch: a failure should not print the whole 2 MB file)
  assert.ok(!/<script[^>]+\bsrc=/.test(html), 'an external <script src>');
  assert.ok(!/<link[^>]+rel="stylesheet"/.test(html), 'an external stylesheet');
  assert.ok(!/new URL\(\s*[`"'][\w./-]+\.(wasm|js)[`"']/.test(html), 'a .wasm or worker file located next to the page');
  assert.ok(!/assets\/[\w-]+\.(js|json|css|wasm)/.test(html), 'a reference to a built asset file');
  assert.ok(/data:application\/octet-stream;base64,AGFzbQ/.test(html), 'the WebAssembly module inlined');
});

test('opened from file:// with no network: renders, computes, trains, keeps progress', async () => {
  const { context, page, blocked, errors } = await openOffline();
  assert.equal(await page.getAttribute('#lesson', 'data-content-status'), 'valid');
  assert.equal(await page.locator('.quick-check').count(), quizzes.length);

  // A figure computes with the inlined WebAssembly core.
  for (const section of ['techniques', 'activations']) {
    const host = await settledFigure(page, `#${section} .figure-host`);
    assert.equal(await host.getAttribute('data-state'), 'ready', `${section} figure: ${await host.textContent()}`);
  }
  assert.match(
    await page.locator('#activations .figure-host').textContent(),
    /\d\.\d/,
    'the distributions figure shows computed statistics',
  );

  // The training simulation starts in its inlined worker (and its data: the shipped sweep).
  const training = await settledFigure(page, '#training .figure-host');
  assert.equal(await training.getAttribute('data-state'), 'ready', await training.textContent());
  await training.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForFunction(() => Number(document.querySelector('#training progress')?.value) > 0, null, {
    timeout: 30000,
  });

  // Progress: answer a check, reload, still answered.
  const q = quizzes[0];
  await page.locator(`#${q.id} input[value="${q.options.find((o) => o.correct).id}"]`).check();
  await page.locator(`#${q.id} .qc-check`).click();
  assert.match(await page.textContent('.completion-summary li:nth-child(2)'), /^Quick checks answered: 1 of 8/);
  assert.ok(await page.evaluate((k) => localStorage.getItem(k), KEY), 'saved in localStorage (file:// has its own)');
  await page.reload();
  await page.waitForSelector('#lesson[data-content-status="valid"]');
  assert.match(await page.textContent('.completion-summary li:nth-child(2)'), /^Quick checks answered: 1 of 8/);
  assert.deepEqual(blocked, [], 'no network request');
  assert.deepEqual(errors, []);
  await context.close();
});

test('from file://, the certificate PDF prints an Arabic name with the inlined fonts; a Chinese one gets Print', async () => {
  const { context, page, blocked, errors } = await openOffline();
  assert.equal(await page.getAttribute('#lesson', 'data-content-status'), 'valid');
  await page.locator('.mark-complete').click();
  const create = async (name) => {
    await page.fill('#cert-name', name);
    await page.press('#cert-name', 'Enter');
    await page.waitForFunction((n) => document.querySelector('.certificate-slot .cert-name')?.textContent === n, name);
  };
  await create('محمد بن علي');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.download-pdf').click()]);
  const pdf = await inspectPdf(readFileSync(await download.path()));
  assert.equal(pdf.author, 'محمد بن علي');
  assert.ok(pdf.shows.some((s) => s.font.startsWith('NotoSansArabic-Bold') && s.glyphs.every((g) => g.cid > 0)));

  await create('李小龍');
  await page.locator('.download-pdf').click();
  await page.waitForFunction(() => document.querySelector('.completion-status')?.textContent.includes('Print'));
  assert.match(await page.textContent('.completion-status'), /李 小 龍/);
  assert.deepEqual(blocked, [], 'no network request');
  assert.deepEqual(errors, []);
  await context.close();
});
