// The assertions the browser tests share (the page and its servers come from harness.mjs):
//
//   noErrors(report, { except? })     no page error (but those containing `except`), CSP message or foreign request
//   axeCheck(page, label, include?)   axe-core (AXE_TAGS) over some selectors, or the whole document: no violation
//   screenshot(page, host, file)      one element, whole, into test-results/
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AXE_TAGS, nextFrames, repoRoot, resultsDir } from './harness.mjs';

export const AXE_PATH = join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

/** Fail on anything watchPage collected: page errors (but those containing `except`), CSP messages, other hosts. */
export function noErrors(report, { except } = {}) {
  assert.deepEqual(
    report.errors.filter((e) => !except || !e.includes(except)),
    [],
    'page errors',
  );
  assert.deepEqual(report.cspViolations, [], 'CSP violations');
  assert.deepEqual(report.foreignRequests, [], 'requests to other hosts');
}

/** One violation as text: rule, impact, help and its URL, the first few elements with what is wrong there. */
const describeViolation = (v) =>
  [
    `  ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}`,
    `    ${v.helpUrl}`,
    ...v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `    at ${n.target.join(' ')}${n.failureSummary ? `\n       ${n.failureSummary.replace(/\n\s*/g, ' ')}` : ''}`,
      ),
  ].join('\n');

/**
 * Run axe-core with the WCAG A/AA tags over `include` (a selector or a list; the whole document when omitted) and
 * fail with a readable list of the violations. Injects axe once per document (the context needs bypassCSP).
 */
export async function axeCheck(page, label, include = null) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const selectors = include === null ? null : [include].flat();
  const result = await page.evaluate(
    ({ sels, tags }) =>
      window.axe.run(sels ? { include: sels.map((s) => [s]) } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    { sels: selectors, tags: AXE_TAGS },
  );
  assert.equal(
    result.violations.length,
    0,
    `axe violations (${label}):\n${result.violations.map(describeViolation).join('\n')}`,
  );
}

/**
 * Screenshot the element `host` in one piece into test-results/`file`: the window grows to hold it while the picture
 * is taken. Mount the page's lazy figures first (mountEveryFigure) when their mounting could shift the layout.
 */
export async function screenshot(page, host, file) {
  mkdirSync(resultsDir, { recursive: true });
  const size = page.viewportSize();
  const box = await host.boundingBox();
  if (box.height + 120 > size.height)
    await page.setViewportSize({ width: size.width, height: Math.ceil(box.height + 200) });
  await host.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await nextFrames(page);
  await nextFrames(page);
  await host.screenshot({ path: join(resultsDir, file) });
  await page.setViewportSize(size);
}
