// scripts/lighthouse.mjs — Lighthouse 12.2.3 on the built page served locally.
//
// Serves the build with the tests' static server (tests/e2e/harness.mjs: 127.0.0.1, the lesson's strict CSP, gzip),
// launches Debian's Chromium through chrome-launcher (never downloads a browser; a fresh profile per run; host
// resolver rules keep it off every host but 127.0.0.1) and runs the categories. Prints the scores as a Markdown
// table with their bars, then every audit that counts towards a score and did not pass.
//
//   node scripts/lighthouse.mjs [dist/web] [--gate] [--preset mobile|desktop] [--runs N] [--json file]
//
// --gate:   what `npm test` runs: only the categories whose score follows from the page alone (Accessibility,
//           Best Practices, SEO; bar 100 each), and exits 1 when one is below its bar. Performance is a timing
//           on a shared machine (runs of the same build gave 93–96), so it is never a gate: without --gate the
//           script also measures it against its target (median ≥ 98, for `npm run bench`) and reports a miss
//           without failing.

// --preset: Lighthouse's default mobile emulation (simulated slow 4G, 4x CPU slowdown, 412 px wide; the
//           default, and the stricter of the two) or its desktop preset.
// --runs:   run N times (fresh browser each time) and judge the median score of each category; the table shows
//           min–max too, since Performance on a shared machine is noisy.
// --json:   write the last full Lighthouse report (JSON) to a file.
import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath, distDir, requireDist, serve } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const root = resolve(positional[0] ?? process.env.NORMLAB_DIST ?? distDir);
const preset = option('--preset', 'mobile');
const runs = Math.max(1, Math.min(9, Number(option('--runs', 1)) || 1));
const jsonOut = option('--json', null);
const gate = args.includes('--gate');
if (!['mobile', 'desktop'].includes(preset)) {
  console.error(`--preset must be mobile or desktop, not ${preset}`);
  process.exit(2);
}

// timed: a target that `npm run bench` reports; the others are bars that `--gate` enforces.
const ALL_CATEGORIES = [
  { id: 'performance', title: 'Performance', bar: 98, timed: true },
  { id: 'accessibility', title: 'Accessibility', bar: 100 },
  { id: 'best-practices', title: 'Best Practices', bar: 100 },
  { id: 'seo', title: 'SEO', bar: 100 },
];
const CATEGORIES = gate ? ALL_CATEGORIES.filter((c) => !c.timed) : ALL_CATEGORIES;
const CHROME_FLAGS = [
  '--headless=new',
  ...CHROMIUM_ARGS,
  // No network beyond the local server, whatever the page or the browser tries.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

requireDist(root);

async function runOnce(url) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'normlab-lh-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: CHROME_FLAGS,
    userDataDir,
    logLevel: 'silent',
  });
  try {
    const flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES.map((c) => c.id),
    };
    const config = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    return result;
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The scored audits that did not pass: { counted } weigh in their category's score (every failed one in
 * Accessibility, Best Practices and SEO; the metrics in Performance), { hints } are Performance's weight-0
 * opportunities and diagnostics (shown below 0.9 only; they do not move the score).
 */
function failing(lhr) {
  const counted = [];
  const hints = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c.id].auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || ['notApplicable', 'informative', 'manual', 'error'].includes(a.scoreDisplayMode))
        continue;
      const detail = a.displayValue ? ` — ${a.displayValue}` : '';
      const line = `${c.title}: ${a.title} [${a.id}, score ${a.score}${ref.weight ? `, weight ${ref.weight}` : ''}]${detail}`;
      if (ref.weight > 0 && a.score < 1) counted.push(line);
      else if (ref.weight === 0 && a.score < 0.9) hints.push(line);
    }
  }
  return { counted, hints };
}

// Compressed like a production host: the simulated slow network should carry what a learner downloads.
const server = await serve({ root, gzip: true });
const scores = Object.fromEntries(CATEGORIES.map((c) => [c.id, []]));
const metrics = [];
let last = null;
try {
  for (let i = 0; i < runs; i++) {
    const { lhr, report } = await runOnce(server.url);
    last = { lhr, report };
    for (const c of CATEGORIES) scores[c.id].push(Math.round(lhr.categories[c.id].score * 100));
    const m = (id) => lhr.audits[id]?.numericValue;
    metrics.push({
      fcp: m('first-contentful-paint'),
      lcp: m('largest-contentful-paint'),
      tbt: m('total-blocking-time'),
      cls: m('cumulative-layout-shift'),
      si: m('speed-index'),
    });
    console.log(`run ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c.title} ${scores[c.id][i]}`).join(', ')}`);
    for (const f of failing(lhr).counted) console.log(`  not passed: ${f}`);
  }
} finally {
  await server.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(
  `\n### Lighthouse ${last.lhr.lighthouseVersion} (${preset} preset, ${runs} run${runs > 1 ? 's' : ''}, ` +
    `${last.lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'})\n`,
);
console.log('| category | score (median) | min–max | bar | |');
console.log('|---|---|---|---|---|');
let below = 0;
for (const c of CATEGORIES) {
  const s = scores[c.id];
  const med = median(s);
  const ok = med >= c.bar;
  if (!ok && !c.timed) below++;
  const verdict = ok ? 'ok' : c.timed ? 'missed (a target, not a gate)' : 'BELOW';
  console.log(`| ${c.title} | ${med} | ${Math.min(...s)}–${Math.max(...s)} | ${c.bar} | ${verdict} |`);
}
const fmt = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const ms = (v) => `${Math.round(v)} ms`;
if (!gate)
  console.log(
    `\nmetrics, median (min–max): FCP ${fmt(
      metrics.map((m) => m.fcp),
      ms,
    )}, LCP ${fmt(
      metrics.map((m) => m.lcp),
      ms,
    )}, ` +
      `TBT ${fmt(
        metrics.map((m) => m.tbt),
        ms,
      )}, CLS ${fmt(
        metrics.map((m) => m.cls),
        (v) => v.toFixed(3),
      )}, ` +
      `Speed Index ${fmt(
        metrics.map((m) => m.si),
        ms,
      )}`,
  );
// The first-paint targets (docs/performance.md §4) are read on the mobile preset's medians; reported, never gated.
if (!gate && preset === 'mobile') {
  const targets = [
    { name: 'FCP', value: median(metrics.map((m) => m.fcp)), limit: 1000 },
    { name: 'TBT', value: median(metrics.map((m) => m.tbt)), limit: 50 },
  ];
  for (const t of targets)
    console.log(
      `target: ${t.name} median ${Math.round(t.value)} ms ≤ ${t.limit} ms: ${t.value <= t.limit ? 'met' : 'missed'}`,
    );
}
const lastFailed = failing(last.lhr);
// Diagnostics Lighthouse could not compute (e.g. 12.2.3's trace engine vs. a newer Chromium's trace format).
const errored = Object.values(last.lhr.audits).filter((a) => a.scoreDisplayMode === 'error');
if (errored.length) {
  console.log(
    `\nAudits that could not run (last run; they do not count towards a score):\n${errored
      .map((a) => `- ${a.title} [${a.id}]: ${String(a.errorMessage).split('\n')[0]}`)
      .join('\n')}`,
  );
}
console.log(
  lastFailed.counted.length
    ? `\nAudits not passed that count towards a score (last run):\n${lastFailed.counted.map((f) => `- ${f}`).join('\n')}`
    : '\nEvery audit that counts towards a score passed (last run).',
);
if (lastFailed.hints.length) {
  console.log(
    `\nPerformance opportunities and diagnostics (weight 0, last run; with this script's local server, ` +
      `Cache-Control: no-store is expected):\n${lastFailed.hints.map((f) => `- ${f}`).join('\n')}`,
  );
}
if (jsonOut) writeFileSync(jsonOut, last.report);
if (below) {
  console.log(`\nlighthouse: ${below} categor${below === 1 ? 'y is' : 'ies are'} below the bar`);
  process.exit(1);
}
