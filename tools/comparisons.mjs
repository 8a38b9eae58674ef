// comparisons.mjs — writes web/public/data/comparisons-default.json: every default comparison of the training
// figure (web/src/figures/training/default-comparisons.js: the presets' and the model map's), trained
// natively by build/native/normlab_compare. The configs come from the page's own modules and the core's plan, so
// the shipped runs are exactly what Start runs; each distinct run is trained once. Of each run it ships what the
// figure draws: the loss at the chart's points (thin.js) and every evaluation. Rewrites the file only when
// it is missing, older than normlab_compare (the trainer changed) or this script, or made from other configs
// (a preset changed).  Usage: node tools/comparisons.mjs OUT.json
// Node's globals by import: the lint config gives tools/ no environment of its own.
import console from 'node:console';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { loadTrainer } from '../web/src/core.js';
import { defaultComparisons } from '../web/src/figures/training/default-comparisons.js';
import { runKey } from '../web/src/training/shipped-comparisons.js';
import { thin } from '../web/src/training/thin.js';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const tool = root('build/native/normlab_compare');
const out = process.argv[2];
if (!out) {
  console.error('usage: node tools/comparisons.mjs OUT.json');
  process.exit(2);
}

const core = await loadTrainer();
const raw = core.defaultSweepPlan();
// As the training worker posts it to the page (train-worker.js 'ready').
const plan = { ...raw, learningRates: [...raw.learningRates], seeds: [...raw.seeds], norms: [...raw.norms] };
const comparisons = defaultComparisons(plan);

const runs = [];
const index = new Map();
const table = Object.fromEntries(
  comparisons.map(({ id, state, runs: variants }) => {
    const byKey = {};
    for (const { key, config } of variants) {
      const k = runKey(state.steps, config);
      if (!index.has(k)) {
        index.set(k, runs.length);
        runs.push({ steps: state.steps, config });
      }
      byKey[key] = index.get(k);
    }
    return [id, { state, runs: byKey }];
  }),
);

/**
 * What is shipped of a native run: of its loss curve the points the chart draws (thin.js) and the curve's
 * length; every evaluation, with the histogram's edges (the same at every evaluation: the config's fixed range)
 * once per run as `histEdges` (shipped-comparisons.js seriesOf puts them back).
 */
function shippedRun(r) {
  const histEdges = r.evals[0]?.histogram.edges ?? [];
  const evals = r.evals.map((e) => {
    if (e.histogram.edges.some((v, i) => v !== histEdges[i]))
      throw new Error('histogram edges differ between evaluations');
    const histogram = { ...e.histogram };
    delete histogram.edges;
    return { ...e, histogram };
  });
  return { ...r, loss: thin(r.loss.length).map((i) => r.loss[i]), lossCount: r.loss.length, evals, histEdges };
}

const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
const sameRuns =
  previous?.runs?.length === runs.length &&
  previous.runs.every((r, i) => runKey(r.steps, r.config) === [...index.keys()][i]);
// Up to date unless normlab_compare (the trainer) or this script (what is shipped) is newer than the file.
const newer = (f) => statSync(f).mtimeMs > statSync(out).mtimeMs;
if (previous && sameRuns && ![tool, fileURLToPath(import.meta.url)].some(newer)) process.exit(0);

console.log(`data: computing ${runs.length} runs of ${comparisons.length} default comparisons natively`);
const input = runs.map(
  (r) =>
    `${r.steps} ${Object.entries(r.config)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n`,
);
const t0 = performance.now();
const native = JSON.parse(
  execFileSync(tool, [root('data/digits/digits.bin')], {
    input: input.join(''),
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'inherit'],
  }),
);
native.runs.forEach((r, i) => {
  // The tool read every field by name: what it trained must be what was asked for.
  if (runKey(r.steps, r.config) !== runKey(runs[i].steps, runs[i].config))
    throw new Error(`normlab_compare trained another config than run ${i} asked for`);
});
writeFileSync(
  out,
  `${JSON.stringify({
    generator: `tools/comparisons.mjs with ${native.generator} (WebAssembly module ${core.version} for the plan)`,
    plan: 'default_sweep_plan()',
    comparisons: table,
    runs: native.runs.map(shippedRun),
  })}\n`,
);
console.log(`data: wrote ${out} (${runs.length} runs, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
