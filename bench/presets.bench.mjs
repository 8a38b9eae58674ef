// bench/presets.bench.mjs — the architecture presets' default comparisons (the Transformer's 4 variants ×
// 250 steps, "Conv net, batch 1"'s 3 variants × 3000 steps) by CPU time in Node, through loadTrainer() with
// the very configs the page builds (presets.js runConfig): each variant trained as a page worker trains it
// (Trainer.step in chunks of 25, evaluating every evalEvery steps) and, for comparison, without evaluations
// (Trainer.run). The page deals the variants round-robin to its 2 workers (pool.js), so the busier worker's
// CPU time is the least wall time the comparison can take in Chromium on 2 free cores, whatever the load;
// tests/e2e/training-timing.mjs measures the wall time itself. Targets: Transformer < 20 s, conv < 5 s.
//   usage: node bench/presets.bench.mjs
import { readFileSync } from 'node:fs';
import { loadTrainer } from '../web/src/core.js';
import { cleanerFor, runConfig } from '../web/src/training/presets.js';
import { loadAverage } from './rounds.mjs';

const WORKERS = 2;
const CHUNK = 25; // as train-worker.js
const TARGETS = { transformer: 20, conv: 5 };

const trainerCore = await loadTrainer();
const digits = new Uint8Array(readFileSync(new URL('../data/digits/digits.bin', import.meta.url)));
const plan = trainerCore.defaultSweepPlan();

/** CPU seconds of fn(). */
function cpu(fn) {
  const c0 = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(c0);
  return (user + system) / 1e6;
}

console.log(`\n### Architecture presets' default comparisons by CPU time in Node (WASM), ${loadAverage()}\n`);
console.log(
  '| preset | variants × steps | evaluations per variant | CPU s per variant, training only | CPU s per variant, with evaluations | busier of 2 workers, CPU s | target (wall) |',
);
console.log('|---|---|---:|---|---|---:|---|');
for (const preset of Object.keys(TARGETS)) {
  const state = cleanerFor(plan.learningRates)({ preset });
  const train = [];
  const full = [];
  let evalEvery = 0;
  for (const key of state.variants) {
    const config = runConfig(plan, state, key);
    evalEvery = config.evalEvery;
    let t = trainerCore.createTrainer(config, { digits });
    train.push(cpu(() => t.run(state.steps)));
    t.dispose();
    t = trainerCore.createTrainer(config, { digits });
    full.push(
      cpu(() => {
        for (let done = 0; done < state.steps; done += CHUNK) t.step(Math.min(CHUNK, state.steps - done));
      }),
    );
    t.dispose();
  }
  const shares = Array(Math.min(WORKERS, full.length)).fill(0);
  full.forEach((s, i) => (shares[i % shares.length] += s));
  const busiest = Math.max(...shares);
  const target = TARGETS[preset];
  const list = (v) => v.map((s) => s.toFixed(2)).join(', ');
  console.log(
    `| ${preset} | ${state.variants.length} × ${state.steps} | ${Math.floor(state.steps / evalEvery)} | ${list(train)} | ` +
      `${list(full)} | ${busiest.toFixed(2)} | < ${target} s${busiest >= target ? ' **missed** (even on free cores)' : ''} |`,
  );
}
