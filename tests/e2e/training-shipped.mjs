// training-shipped.mjs — the helpers of the browser tests of the training figure's precomputed default
// comparisons (training-shipped.test.mjs, training-shipped-conv.test.mjs): the page opened at the figure, the
// legend checked against data/comparisons-default.json, and a preset's default re-run live until the page's
// bit-for-bit verdict.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, useSite } from './harness.mjs';
import { noErrors } from './checks.mjs';
import { formatPercent, setLocale, t } from '../../web/src/i18n/i18n.js';
import { fmtSig } from '../../web/src/ui/format.js';

const HOST = 'section#training .figure-host[data-figure="training"]';
let site = null;
/** Call once at the top of a test file (useSite registers the file's hooks). */
export const useShippedSite = () => {
  site = useSite();
};
const shipped = JSON.parse(readFileSync(join(distDir, 'data', 'comparisons-default.json'), 'utf8'));
setLocale('en');

/** The lesson opened at the training figure, for `body`; then no page error, and the page is closed. */
export async function onTraining(body) {
  const opened = await site.open('', { figure: HOST });
  try {
    await body(opened);
    noErrors(opened.report);
  } finally {
    await opened.context.close();
  }
}

export const phaseIs = (page, phase, timeout) =>
  page.waitForSelector(`${HOST} .fig-training[data-phase="${phase}"]`, timeout ? { timeout } : undefined);

/** The legend's status of every variant of comparison `id`, checked against the JSON's last evaluation. */
export async function legendOf(host, id) {
  const entry = shipped.comparisons[id];
  const out = {};
  for (const [key, index] of Object.entries(entry.runs)) {
    const last = shipped.runs[index].evals.at(-1);
    const text = await host.locator(`.tr-legend li[data-norm="${key}"] .tr-legend-status`).textContent();
    // In the page's words and number formats (comparison-run.js statusOf).
    const want = t('training.panel.finalStatus', {
      loss: fmtSig(last.train.loss),
      accuracy: formatPercent(100 * last.heldout.accuracy, 1),
      step: last.step,
    });
    assert.equal(text, want, `${id} ${key}`);
    out[key] = text;
  }
  return out;
}

/** Choose `preset`, see its shipped result, Start it live and wait for the page's bit-for-bit verdict. */
export async function reproduces(page, host, preset, id, timeout) {
  await host.getByRole('radio', { name: preset }).check();
  await phaseIs(page, 'shipped');
  const before = await legendOf(host, id);
  await host.getByRole('button', { name: 'Start' }).click();
  await phaseIs(page, 'done', timeout);
  const root = host.locator('.fig-training');
  const status = await host.locator('.tr-status').first().textContent();
  assert.equal(await root.getAttribute('data-shipped-match'), 'true', status);
  assert.match(status, /Your browser reproduced the precomputed result exactly/);
  assert.deepEqual(await legendOf(host, id), before);
}
