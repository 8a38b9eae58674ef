// First-paint trace (a benchmark script, not a test; docs/performance.md, "First paint"): builds compared by the
// main thread's *thread* time in a Chromium trace, which a shared machine's load moves far less than wall time or
// Lighthouse's score. Each run is a fresh context at 412 × 823 (Lighthouse's mobile size), no CPU slowdown; the
// builds alternate, run by run. Per build, the median over runs of:
//   layout before FCP    thread time of every Layout before the first contentful paint
//   FCP                  first contentful paint (wall time, ms after navigation start)
//   TBT estimate at 4×   over the tasks after FCP (until 3 s after the lesson is ready), the sum of
//                        max(0, 4 × thread time − 50 ms): what would block on a phone four times slower
//   largest layout       the largest Layout thread time inside one task after FCP
//
//   node tests/e2e/first-paint-trace.mjs <build folder> [<build folder> …] [--runs 5]
import { launch, serve } from './harness.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 5) : 5;
const roots = args.filter((a, i) => !a.startsWith('--') && i !== runsAt + 1);
if (!roots.length) {
  console.error('usage: node tests/e2e/first-paint-trace.mjs <build folder> [<build folder> …] [--runs 5]');
  process.exit(2);
}

const cpu = (e) => (e.tdur ?? e.dur) / 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function traceOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'loading', 'toplevel'] });
  await page.goto(url);
  await page.waitForSelector('html[data-lesson-ready="true"]', { state: 'attached', timeout: 60000 });
  await page.waitForTimeout(3000);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const start = events.find((e) => e.name === 'navigationStart');
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X');
  const layouts = main.filter((e) => e.name === 'Layout');
  const after = main.filter((e) => e.name.includes('RunTask') && e.ts >= fcp.ts);
  const layoutIn = (task) =>
    layouts.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur).reduce((sum, e) => sum + cpu(e), 0);
  return {
    layoutBeforeFcp: layouts.filter((e) => e.ts < fcp.ts).reduce((sum, e) => sum + cpu(e), 0),
    fcp: (fcp.ts - start.ts) / 1000,
    tbt4x: after.reduce((sum, task) => sum + Math.max(0, 4 * cpu(task) - 50), 0),
    largestLayout: Math.max(0, ...after.map(layoutIn)),
  };
}

const servers = await Promise.all(roots.map((root) => serve({ root, gzip: true })));
const browser = await launch();
const runs = roots.map(() => []);
for (let round = 0; round < RUNS; round++)
  for (const [i, server] of servers.entries()) runs[i].push(await traceOnce(browser, server.url));
await browser.close();
for (const server of servers) server.close();

console.log('| build | layout before FCP | FCP | TBT estimate at 4× | largest layout in one task after FCP |');
console.log('|---|---|---|---|---|');
roots.forEach((root, i) => {
  const m = (key) => median(runs[i].map((r) => r[key])).toFixed(1);
  console.log(
    `| ${root} | ${m('layoutBeforeFcp')} ms | ${m('fcp')} ms | ${m('tbt4x')} ms | ${m('largestLayout')} ms |`,
  );
});
