// Playground input-to-paint timing (a benchmark script, not a test): opens the built lesson (dist/web) in
// Chromium, sets the playground through its URL fragment at three sizes (and opens its Gradients tab at two) and drags the γ slider's thumb with
// real pointer events, one step at a time. Each sample is the time from the input event (its timeStamp) to
// the first animation frame after the playground has recomputed and redrawn (it fires
// "normlab:figure-drawn"), i.e. the frame in which the new numbers are painted. Also reported: the
// recompute+redraw alone (the "normlab:playground-draw" performance measure).
//
//   node tests/e2e/playground-timing.mjs [--json] [--samples 40] [--only largest]
//   (NORMLAB_DIST=folder to serve another build; --only keeps the settings of that name)
// Prints p50/p95 (ms) per setting; --json prints the same as JSON. Build first (npm run build).
import { requireDist, startSite } from './harness.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const samplesAt = args.indexOf('--samples');
const SAMPLES = samplesAt >= 0 ? Math.min(50, Math.max(5, Number(args[samplesAt + 1]) || 40)) : 40;
const onlyAt = args.indexOf('--only');
const ONLY = onlyAt >= 0 ? args[onlyAt + 1] : null;
const WARMUP = 3;
// The Statistics tab at three sizes, then the Gradients tab (a backward pass as well) at the two larger ones.
const SETTINGS = [
  { name: 'small', n: 32, c: 256, tab: 'stats' },
  { name: 'medium', n: 256, c: 1024, tab: 'stats' },
  { name: 'largest', n: 512, c: 4096, tab: 'stats' },
  { name: 'medium', n: 256, c: 1024, tab: 'gradient' },
  { name: 'largest', n: 512, c: 4096, tab: 'gradient' },
];

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function measure(page, baseUrl, setting) {
  await page.goto(`${baseUrl}#pg=kind:batch,n:${setting.n},c:${setting.c},dist:skewed,mode:train,gamma:0`);
  await page.waitForSelector('html[data-lesson-ready="true"]');
  const host = page.locator('.figure-host[data-figure="playground"]').first();
  await host.scrollIntoViewIfNeeded();
  await page.waitForSelector('.figure-host[data-figure="playground"][data-state="ready"]', { timeout: 60000 });
  if (setting.tab !== 'stats') {
    await host.locator(`[role="tab"][data-tab="${setting.tab}"]`).click();
    await page.waitForFunction(
      (tab) =>
        document
          .querySelector(`.figure-host[data-figure="playground"] [role="tab"][data-tab="${tab}"]`)
          ?.getAttribute('aria-selected') === 'true',
      setting.tab,
    );
  }
  const slider = host.locator('input[data-control="gamma"]');
  await slider.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
  // In the page: for every redraw, the time from the oldest input event it answers (event.timeStamp, the
  // time the browser received the pointer move) to the next animation frame, and the redraw's own duration.
  await page.evaluate(() => {
    const root = document.querySelector('.figure-host[data-figure="playground"] .fig-playground');
    const input = root.querySelector('input[data-control="gamma"]');
    const log = { times: [], draws: [], pending: null };
    window.__timing = log;
    input.addEventListener('input', (e) => {
      if (log.pending === null) log.pending = e.timeStamp;
    });
    root.addEventListener('normlab:figure-drawn', () => {
      const since = log.pending;
      log.pending = null;
      if (since !== null) requestAnimationFrame(() => log.times.push(performance.now() - since));
    });
    new PerformanceObserver((list) => {
      for (const e of list.getEntriesByName('normlab:playground-draw')) log.draws.push(e.duration);
    }).observe({ entryTypes: ['measure'] });
  });
  // Drag the thumb with real pointer events, one γ step per sample (the slider has 61 positions).
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  let x = box.x + 4;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(500);
  const count = () => page.evaluate(() => window.__timing.times.length);
  let recorded = await count();
  while (recorded < WARMUP + SAMPLES) {
    // Move right by a pixel at a time until the value changes (one input event), then wait for its frame.
    const value = await slider.inputValue();
    for (let tries = 0; tries < 20 && (await slider.inputValue()) === value; tries++) {
      x += 1;
      await page.mouse.move(x, y);
    }
    await page.waitForFunction((k) => window.__timing.times.length > k && window.__timing.pending === null, recorded, {
      timeout: 30000,
    });
    recorded = await count();
    if (x > box.x + box.width - 4) break;
  }
  await page.mouse.up();
  return page.evaluate(
    (warmup) => ({
      times: window.__timing.times.slice(warmup),
      draws: window.__timing.draws.slice(-window.__timing.times.length + warmup),
    }),
    WARMUP,
  );
}

// NORMLAB_DIST: serve another build folder (default dist/web).
requireDist();
const site = await startSite();
const rows = [];
try {
  const page = await site.browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  for (const setting of SETTINGS.filter((x) => !ONLY || x.name === ONLY)) {
    const result = await measure(page, site.url, setting);
    const times = result.times.sort((a, b) => a - b);
    const draws = result.draws.sort((a, b) => a - b);
    rows.push({
      setting: setting.name,
      tab: setting.tab,
      batch: setting.n,
      features: setting.c,
      elements: setting.n * setting.c,
      samples: times.length,
      p50: +percentile(times, 50).toFixed(1),
      p95: +percentile(times, 95).toFixed(1),
      max: +times[times.length - 1].toFixed(1),
      drawP50: +percentile(draws, 50).toFixed(1),
      drawP95: +percentile(draws, 95).toFixed(1),
    });
  }
} finally {
  await site.close();
}

if (asJson) {
  console.log(
    JSON.stringify({ benchmark: 'playground input-to-paint (γ slider)', unit: 'ms', chromium: true, rows }, null, 2),
  );
} else {
  console.log('Playground input-to-paint, γ slider (ms; one frame at 60 Hz = 16.7 ms)');
  console.log('"compute+DOM" is the recompute and redraw alone (core calls, tables, chart.update), inside that frame.');
  console.log(
    'setting   tab        batch × features   elements  input-to-paint p50   p95    max   compute+DOM p50   p95',
  );
  for (const r of rows) {
    console.log(
      `${r.setting.padEnd(9)} ${r.tab.padEnd(10)} ${`${r.batch} × ${r.features}`.padEnd(18)} ${String(r.elements).padStart(8)} ` +
        `${r.p50.toFixed(1).padStart(19)} ${r.p95.toFixed(1).padStart(6)} ${r.max.toFixed(1).padStart(6)} ` +
        `${r.drawP50.toFixed(1).padStart(17)} ${r.drawP95.toFixed(1).padStart(5)}`,
    );
  }
}
