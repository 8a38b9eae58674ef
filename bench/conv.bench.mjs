// bench/conv.bench.mjs — the conv trainer's throughput (the batch-size study's net: 3 blocks of 16 channels on
// the 8×8 digits) per norm at batch 32 and 2: WASM through loadTrainer() in Node beside the same C++ built
// natively (normlab_conv --time), in one run. Both sides divide by the process's CPU time, not wall time, so a
// shared machine's load does not count. Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTrainer } from '../web/src/core.js';

const NORMS = ['none', 'batch', 'group', 'instance', 'layer'];
const STEPS = { 32: 200, 2: 2000 }; // as normlab_conv --time
const trainerCore = await loadTrainer();
const digitsPath = fileURLToPath(new URL('../data/digits/digits.bin', import.meta.url));
const digits = new Uint8Array(readFileSync(digitsPath));
// npm run bench builds build/bench-native (-march=native); alone, the script takes build/native's tool.
const nativeTool = ['../build/bench-native/normlab_conv', '../build/native/normlab_conv']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find(existsSync);
const native = new Map();
if (nativeTool) {
  // "batch    batch 32  200 steps: wall 0.900 s, 222 steps/s; CPU 0.662 s, 302 steps/s, 9673 images/s"
  for (const line of execFileSync(nativeTool, [digitsPath, '--time'], { encoding: 'utf8' }).trim().split('\n')) {
    const m = line.match(/^(\w+)\s+batch (\d+)\s.*CPU [\d.]+ s, (\d+) steps\/s/);
    if (m) native.set(`${m[1]}/${m[2]}`, Number(m[3]));
  }
}

/** Steps per second of CPU time for `steps` steps of one trainer. */
function cpuStepsPerSecond(config, steps) {
  const t = trainerCore.createTrainer(config, { digits });
  t.run(10); // warm-up
  const c0 = process.cpuUsage();
  t.run(steps);
  const { user, system } = process.cpuUsage(c0);
  t.dispose();
  return steps / ((user + system) / 1e6);
}

console.log('\n### Conv trainer: steps/s by CPU time (study net, 3 × 16 channels, 8×8 digits)\n');
console.log(`native: ${nativeTool ?? 'not built'}\n`);
console.log('| norm | batch | WASM steps/s | WASM images/s | native steps/s | WASM / native time |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const batch of [32, 2]) {
  for (const norm of NORMS) {
    const wasm = cpuStepsPerSecond(trainerCore.convStudyConfig(norm, batch), STEPS[batch]);
    const nat = native.get(`${norm}/${batch}`);
    console.log(
      `| ${norm} | ${batch} | ${wasm.toFixed(0)} | ${(wasm * batch).toFixed(0)} | ` +
        `${nat ? nat.toFixed(0) : '—'} | ${nat ? (nat / wasm).toFixed(2) : '—'} |`,
    );
  }
}
