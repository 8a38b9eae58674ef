import { launch, serve } from './harness.mjs';
const server = await serve({ root: process.argv[2] });
const browser = await launch();
for (let run = 0; run < 8; run++) {
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
await context.addInitScript(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push([Math.round(e.startTime), +e.value.toFixed(4), e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className || s.node?.id || ''}@${s.node?.parentElement?.id || s.node?.parentElement?.className} y${Math.round(s.previousRect.y)}->${Math.round(s.currentRect.y)} h${Math.round(s.previousRect.height)}->${Math.round(s.currentRect.height)}`)]);
  }).observe({ type: 'layout-shift', buffered: true });
});
const page = await context.newPage();
await page.goto(server.url + '#finish');
await page.waitForSelector('.completion-host .mark-complete', { state: 'attached', timeout: 20000 });
const s = await page.evaluate(() => window.__shifts);
console.log(run, JSON.stringify(s));
await context.close();
}
await browser.close(); server.close();
