// Shared browser-test harness: a tiny static server for dist/web and a Chromium launcher.
//
//   serve({ root?, csp?, gzip? }) -> { url, port, close() }  127.0.0.1, port 0 (the OS picks), correct MIME types
//                                                        (application/wasm included); sends a strict CSP by default;
//                                                        gzip: compress text and .wasm like a production host
//   launch(options?)        -> playwright Browser        Debian's /usr/bin/chromium, headless, fresh profile
//   distDir, requireDist()                               dist/web (or $NORMLAB_DIST), or a clear error when not built
//   openPage(browser, url, options?)                     a fresh context and watched page, once the lesson is ready
//   startSite(options?), useSite(options?)               one server and one browser for a test file (useSite: in
//                                                        its before/after hooks); site.open(path, options?)
//   openLesson(options?), useLesson(options?)            the served lesson in one page for a whole test file
//   readyFigure(page, selector)                          a mounted figure
//   settledFigure(page, selector)                        a figure mounted or showing its error
//   mountEveryFigure(page, { openParts? })              every shown figure brought into view and mounted
//   nextFrames(page)                                     two animation frames later (gives up after 10 s, never hangs)
//
// checks.mjs holds the assertions every file makes: noErrors, axeCheck, screenshot.
// The tests build nothing: `npm test` builds first (scripts/test.sh), or run `npm run build`.
// The strict CSP blocks inline scripts, so a test that injects axe-core with page.addScriptTag needs a context
// created with { bypassCSP: true } (pass serve({ csp: null }) to serve without the header altogether).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { PACKAGE_CSP } from '../../scripts/package-scorm.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = process.env.NORMLAB_DIST ? resolve(process.env.NORMLAB_DIST) : join(repoRoot, 'dist', 'web');
export const resultsDir = join(repoRoot, 'test-results');
// The WCAG levels every axe-core scan in the browser tests checks.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
};

/** The policy the lesson is meant to run under (docs/embedding.md, "Headers a host should send"); the SCORM package ships it. */
export const STRICT_CSP = PACKAGE_CSP;

/** Throw a clear error when dist/web has not been built. */
export function requireDist(root = distDir) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `${root}/index.html not found: build the lesson first (npm run build, or ` +
        'npx vite build --config web/vite.config.js). The browser tests do not build anything themselves.',
    );
  }
  return root;
}

// What a production static host compresses (fonts and images are compressed already).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.bin', '.csv']);

/**
 * Serve `root` on 127.0.0.1 (random port). gzip: answer a request that accepts gzip with a compressed body,
 * as any real static host does (Lighthouse's simulated slow network then counts the bytes a learner downloads).
 */
export async function serve({ root = distDir, csp = STRICT_CSP, gzip = false } = {}) {
  requireDist(root);
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const ext = extname(file).toLowerCase();
      const compress = gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = compress ? gzipSync(await readFile(file), { level: 9 }) : await readFile(file);
      const headers = {
        'Content-Type': MIME[ext] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      };
      if (csp && ext === '.html') headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** Chromium's switches for every browser test: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless Chromium (never downloads a browser). */
export async function launch(options = {}) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath} (install Debian's chromium, or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, ...options });
}

/**
 * Fail the page on requests to any other host and collect console errors, page errors and CSP violations.
 * Returns { errors, foreignRequests, cspViolations }.
 */
export async function watchPage(page, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const report = { errors: [], foreignRequests: [], cspViolations: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    report.foreignRequests.push(url);
    return route.abort();
  });
  page.on('pageerror', (error) => report.errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to/i.test(text)) report.cspViolations.push(text);
    if (msg.type() === 'error') report.errors.push(`console: ${text}`);
  });
  return report;
}

/**
 * Wait for two animation frames (the figures coalesce their updates to one per frame). Headless Chromium has
 * been seen, rarely, not to run a frame callback at all; after 10 s this gives up waiting so that the test's own
 * assertions fail instead of hanging forever in page.evaluate.
 */
export function nextFrames(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, 10000);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve();
          }),
        );
      }),
  );
}

// The lesson's boot sets data-lesson-ready on <html> once it has rendered, and #lesson's data-layout once every
// section is laid out (section-layout.js): what a test measures on the page is real from then on.
export const LESSON_READY = 'html[data-lesson-ready="true"] #lesson[data-layout="complete"]';

/**
 * A fresh context (reduced motion) and a page on `url`, watched by watchPage: { context, page, report, response }.
 * `permissions` are granted to the url's origin; `beforeGoto(page)` runs before the navigation (routes, init
 * scripts); resolves once `ready` (a selector; null: do not wait) is in the page.
 */
export async function openPage(
  browser,
  url,
  {
    width = 1100,
    height = 900,
    bypassCSP = false,
    permissions = [],
    contextOptions = {},
    beforeGoto,
    ready = LESSON_READY,
    timeout = 30000,
  } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    reducedMotion: 'reduce',
    bypassCSP,
    ...contextOptions,
  });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  const page = await context.newPage();
  const report = await watchPage(page, url);
  if (beforeGoto) await beforeGoto(page);
  const response = await page.goto(url);
  if (ready) await page.waitForSelector(ready, { state: 'attached', timeout });
  return { context, page, report, response };
}

/**
 * One server for `root` (with `csp`) and one Chromium: { server, browser, url, open(path, options), close() }.
 * `open` is openPage on url + path; with `figure` (a selector) it also waits for that figure (readyFigure) and
 * adds it as `host`.
 */
export async function startSite({ root = distDir, csp, launchOptions } = {}) {
  const server = await serve({ root, csp });
  const browser = await launch(launchOptions).catch(async (error) => {
    await server.close();
    throw error;
  });
  const open = async (path = '', { figure, ...options } = {}) => {
    const opened = await openPage(browser, server.url + path, options);
    if (figure) opened.host = await readyFigure(opened.page, figure);
    return opened;
  };
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { server, browser, url: server.url, open, close };
}

/**
 * What `start()` resolves to, for a whole test file: started in a before hook, closed in an after hook. The
 * returned object gets start()'s fields once started; `ready()` resolves to it then. node:test may run a file's
 * before hooks side by side, so a file's own hook that needs these fields awaits ready() first.
 */
function forTheFile(root, start) {
  requireDist(root);
  let started = null;
  const held = { ready: () => (started ??= start().then((value) => Object.assign(held, value))) };
  before(() => held.ready());
  after(async () => held.close?.());
  return held;
}

/** startSite for a whole test file (see forTheFile). */
export const useSite = (options = {}) => forTheFile(options.root, () => startSite(options));

/**
 * One served lesson in one browser page for a whole test file: { server, browser, context, page, report, close }.
 * `bypassCSP` (default true) lets a test inject axe-core as a script; the page's own code still runs under the CSP
 * header. `openParts` opens the folded optional parts ("Go deeper") as a learner would; with `figure` (a selector)
 * it waits for that figure too (readyFigure; `host`). Resolves once the lesson has rendered; `close()` tears
 * everything down.
 */
export async function openLesson({ root, path = '', openParts = false, figure, bypassCSP = true, ...options } = {}) {
  const site = await startSite({ root });
  try {
    const opened = await site.open(path, { bypassCSP, ...options });
    if (openParts) await openFoldedParts(opened.page);
    if (figure) opened.host = await readyFigure(opened.page, figure);
    const close = async () => {
      await opened.context.close();
      await site.close();
    };
    return { ...site, ...opened, close };
  } catch (error) {
    await site.close(); // a lesson that never opened must not leave Chromium running
    throw error;
  }
}

/** openLesson for a whole test file (see forTheFile). */
export const useLesson = (options = {}) => forTheFile(options.root, () => openLesson(options));

/**
 * Choose a radio option by keyboard (focus, Space) and check that it took. A pointer click lands where the
 * option was when it was scrolled to: a figure mounting above it in the meantime (late under load) moves it, and
 * the click selects nothing. The keyboard does not depend on where the option is drawn.
 */
export async function choose(locator) {
  await locator.focus();
  await locator.press('Space');
  if (!(await locator.isChecked())) throw new Error(`choose: ${locator} is not checked after Space`);
}

/** Open every folded optional part ("Go deeper"): their figures mount only when shown. */
export const openFoldedParts = (page) =>
  page.evaluate(() => {
    for (const part of document.querySelectorAll('details.go-deeper')) part.open = true;
  });

/**
 * Scroll to the figure host matching `selector` (opening the folded parts that hold it, as a learner would), wait
 * until it has mounted, and return its locator.
 */
export async function readyFigure(page, selector, timeout = 60000) {
  const host = page.locator(selector);
  await host.evaluate((node) => {
    for (let part = node.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
  });
  await host.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}[data-state="ready"]`, { timeout });
  return host;
}

/**
 * Scroll to the first figure host matching `selector` and wait until it has mounted or shown its error (either is
 * an outcome the caller asserts on); returns its locator.
 */
export async function settledFigure(page, selector, timeout = 60000) {
  const host = page.locator(selector).first();
  await host.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => ['ready', 'error'].includes(document.querySelector(sel)?.dataset.state),
    selector,
    { timeout },
  );
  return host;
}

/**
 * Bring every shown figure into view, one at a time (a figure mounts when it is first seen), and wait until each
 * has mounted or shown its error. `openParts` first opens the folded optional parts, whose figures are not shown
 * (and so never mount) while folded. Returns "name:state" for every figure host on the page.
 */
export async function mountEveryFigure(page, { openParts = false, timeout = 30000 } = {}) {
  if (openParts) await openFoldedParts(page);
  const hosts = page.locator('.figure-host');
  const count = await hosts.count();
  for (let i = 0; i < count; i++) {
    const host = hosts.nth(i);
    if (!(await host.isVisible())) continue;
    await host.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (index) => !['waiting', 'loading'].includes(document.querySelectorAll('.figure-host')[index].dataset.state),
      i,
      { timeout },
    );
  }
  return page.$$eval('.figure-host', (all) => all.map((h) => `${h.dataset.figure}:${h.dataset.state}`));
}
