// Start-up timing (a benchmark script, not a test; docs/performance.md): the time from navigation to the
// first figure drawn from the WebAssembly core, in Debian's headless Chromium, on the built page served locally
// under the lesson's strict CSP. Every run is a fresh browser context (empty cache and storage).
//
// Figures mount lazily (when they come within ~300 px of the viewport), so in the page itself, the moment the
// lesson is ready (html[data-lesson-ready]) the first figure of section "techniques" is scrolled into view, and
// these marks are taken (performance.now(), i.e. ms since navigation start):
//   first paint       first-contentful-paint
//   lesson ready      html[data-lesson-ready="true"] set (content fetched, validated, rendered)
//   figure drawn      the figure's container reached data-state="ready" (core loaded, figure module loaded and
//                     mounted, which draws synchronously) or dispatched "normlab:figure-drawn", whichever first,
//                     then the next animation frame: the frame in which it is painted
// and the phase "ready → drawn" (scroll into view → core + figure module loaded → first draw), with the .wasm's
// download (resource timing) inside it.
//
//   node tests/e2e/startup-timing.mjs [--runs 5] [--json]      (NORMLAB_DIST=folder to serve another build)
// Prints median and min (ms) over the runs. Build first (npm run build).
import { openPage, requireDist, startSite } from './harness.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.min(20, Math.max(1, Number(args[runsAt + 1]) || 5)) : 5;
const SELECTOR = '#techniques .figure-host';

/** Runs in the page before any of its scripts. */
function instrument(selector) {
  const marks = {};
  window.__startup = marks;
  const now = () => performance.now();
  let host = null;
  const drawn = (how) => {
    if (marks.drawnSignal !== undefined) return;
    marks.drawnSignal = now();
    marks.how = how;
    requestAnimationFrame(() => {
      marks.drawn = now();
    });
  };
  document.addEventListener(
    'normlab:figure-drawn',
    (e) => {
      if (host && host.contains(e.target)) drawn('normlab:figure-drawn');
    },
    true,
  );
  const watchHost = () => {
    host = document.querySelector(selector);
    if (!host) {
      marks.error = `no ${selector}`;
      return;
    }
    marks.figure = host.dataset.figure;
    new MutationObserver(() => {
      if (host.dataset.state === 'loading' && marks.loading === undefined) marks.loading = now();
      if (host.dataset.state === 'ready') drawn('data-state=ready');
      if (host.dataset.state === 'error') marks.error = host.textContent.trim().slice(0, 200);
    }).observe(host, { attributes: true, attributeFilter: ['data-state'] });
    host.scrollIntoView({ block: 'center', behavior: 'instant' });
    marks.scrolled = now();
    if (host.dataset.state === 'ready') drawn('data-state=ready');
  };
  // The init script runs before <html> exists: watch the document (subtree) for the attribute.
  new MutationObserver((_, observer) => {
    if (document.documentElement?.dataset.lessonReady === 'true') {
      observer.disconnect();
      marks.ready = now();
      watchHost();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-lesson-ready'] });
}

async function runOnce(browser, url) {
  const { context, page, report } = await openPage(browser, url, {
    width: 1280,
    contextOptions: { reducedMotion: 'no-preference' },
    beforeGoto: (p) => p.addInitScript(instrument, SELECTOR),
    ready: null,
  });
  await page.waitForFunction(
    () => window.__startup && (window.__startup.drawn !== undefined || window.__startup.error),
    null,
    { timeout: 60000 },
  );
  const marks = await page.evaluate(() => {
    const m = { ...window.__startup };
    m.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    m.domContentLoaded = nav?.domContentLoadedEventEnd;
    const wasm = performance.getEntriesByType('resource').find((r) => /\/normlab-[^/-]+\.wasm$/.test(r.name));
    if (wasm) m.wasm = { start: wasm.startTime, end: wasm.responseEnd };
    return m;
  });
  await context.close();
  if (marks.error) throw new Error(`the figure did not draw: ${marks.error}`);
  if (report.foreignRequests.length) throw new Error(`requests to other hosts: ${report.foreignRequests.join(', ')}`);
  return marks;
}

requireDist();
const site = await startSite();
const runs = [];
try {
  await runOnce(site.browser, site.url); // warm-up (the browser process, the OS file cache); not counted
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(site.browser, site.url));
} finally {
  await site.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [
  ['navigation → first contentful paint', (m) => m.fcp],
  ['navigation → DOMContentLoaded', (m) => m.domContentLoaded],
  ['navigation → lesson ready', (m) => m.ready],
  ['navigation → first figure drawn (painted)', (m) => m.drawn],
  ['lesson ready → first figure drawn (scrolled into view at once)', (m) => m.drawn - m.scrolled],
  ['  of which: .wasm download (request → last byte)', (m) => (m.wasm ? m.wasm.end - m.wasm.start : NaN)],
].map(([what, f]) => {
  const xs = runs.map(f).filter(Number.isFinite);
  return { what, median: xs.length ? median(xs) : NaN, min: xs.length ? Math.min(...xs) : NaN };
});

if (asJson) {
  console.log(JSON.stringify({ runs: RUNS, figure: runs[0]?.figure, signal: runs[0]?.how, rows, raw: runs }, null, 2));
} else {
  console.log(`\n### Start-up in Chromium: ${RUNS} runs (+1 warm-up), fresh context each, 1280×900, no throttling`);
  console.log(`first figure: "${runs[0]?.figure}" (${SELECTOR}), drawn = ${runs[0]?.how} + next animation frame\n`);
  console.log('| interval | median | min |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.median.toFixed(1)} ms | ${r.min.toFixed(1)} ms |`);
}
