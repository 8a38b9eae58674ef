// bench/trainer.bench.mjs — training throughput of the default lesson configuration (spirals, plain MLP
// 8×32, ReLU, He, momentum SGD, batch 64) per normalization: WASM through loadTrainer() in Node, beside the
// same C++ built natively (normlab_sweep --time), in one run. Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTrainer } from '../web/src/core.js';

const STEPS = 3000;
const trainerCore = await loadTrainer();
const plan = trainerCore.defaultSweepPlan();
const nativeTool = fileURLToPath(new URL('../build/bench-native/normlab_sweep', import.meta.url));
const native = new Map();
if (existsSync(nativeTool)) {
  // "none   3000 steps in 0.490 s: 163.4 us/step, 391624 samples/s"
  for (const line of execFileSync(nativeTool, ['--time'], { encoding: 'utf8' }).trim().split('\n')) {
    const m = line.match(/^(\w+)\s+(\d+) steps in ([\d.]+) s/);
    if (m) native.set(m[1], Number(m[2]) / Number(m[3]));
  }
}

console.log(`\n### Training throughput, default configuration (${STEPS} steps, batch ${plan.config.batchSize})\n`);
console.log('| norm | WASM steps/s | WASM samples/s | native steps/s | WASM / native time |');
console.log('|---|---|---|---|---|');
for (const norm of plan.norms) {
  const t = trainerCore.createTrainer({ ...plan.config, norm });
  t.run(50); // warm-up
  const t0 = performance.now();
  t.run(STEPS);
  const seconds = (performance.now() - t0) / 1000;
  t.dispose();
  const wasm = STEPS / seconds;
  const nat = native.get(norm);
  console.log(
    `| ${norm} | ${wasm.toFixed(0)} | ${(wasm * plan.config.batchSize).toFixed(0)} | ` +
      `${nat ? nat.toFixed(0) : '—'} | ${nat ? (nat / wasm).toFixed(2) : '—'} |`,
  );
}
