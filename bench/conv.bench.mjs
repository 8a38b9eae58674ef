// bench/conv.bench.mjs — the conv trainer's throughput (the batch-size study's net: 3 blocks of 16 channels on
// the 8×8 digits, SGD with momentum) per norm at batch 32 and 2: our WASM trainer through loadTrainer() in
// Node and the same net in tfjs-layers on the tfjs-wasm backend (bench/tfjs-conv.mjs: what is identical and
// what is not), in interleaved rounds, beside the same C++ built natively (normlab_conv --time). Every rate
// divides by the process's CPU time, not wall time, so a shared machine's load does not count. Prints a
// Markdown table. Target: ours (WASM) >= 3x tfjs-wasm.
//   usage: node bench/conv.bench.mjs [--quick]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTrainer } from '../web/src/core.js';
import { loadAverage, nativeTool, oursVsTfjs } from './rounds.mjs';
import { loadTfjs } from './tfjs-backend.mjs';
import { tfjsConvNet } from './tfjs-conv.mjs';

const quick = process.argv.includes('--quick');
const NORMS = ['none', 'batch', 'group', 'instance', 'layer'];
const BATCHES = [32, 2];
// Steps per round: about half a second of CPU time each.
const STEPS = { 32: { ours: 100, tfjs: 10 }, 2: { ours: 1000, tfjs: 60 } };
const ROUNDS = quick ? 2 : 5;
const TARGET = 3;

const trainerCore = await loadTrainer();
const { tf, tfl, simd } = await loadTfjs();
const digitsPath = fileURLToPath(new URL('../data/digits/digits.bin', import.meta.url));
const digits = new Uint8Array(readFileSync(digitsPath));
const native = new Map();
const nativeConv = quick ? null : nativeTool('normlab_conv');
const loadBefore = loadAverage();
if (nativeConv) {
  // "batch    batch 32  200 steps: wall 0.900 s, 222 steps/s; CPU 0.662 s, 302 steps/s, 9673 images/s"
  for (const line of execFileSync(nativeConv, [digitsPath, '--time'], { encoding: 'utf8' }).trim().split('\n')) {
    const m = line.match(/^(\w+)\s+batch (\d+)\s.*CPU [\d.]+ s, (\d+) steps\/s/);
    if (m) native.set(`${m[1]}/${m[2]}`, Number(m[3]));
  }
}

/** tfjs's fixed batch: the first `batch` digits (pixels / 16, NHWC) and their one-hot labels. */
function tfjsBatch(batch) {
  const images = 1797;
  const x = tf.tensor4d(
    Float32Array.from(digits.subarray(0, batch * 64), (v) => v / 16),
    [batch, 8, 8, 1],
  );
  const labels = Array.from(digits.subarray(images * 64, images * 64 + batch));
  return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), 10) };
}

const rows = [];
for (const batch of BATCHES) {
  for (const norm of NORMS) {
    const config = trainerCore.convStudyConfig(norm, batch);
    const ours = trainerCore.createTrainer(config, { digits });
    const model = tfjsConvNet(tf, tfl, config);
    const batchData = tfjsBatch(batch);
    const [wasm, tfjs] = await oursVsTfjs(ours, model, batchData, STEPS[batch], ROUNDS);
    ours.dispose();
    model.dispose();
    tf.dispose([batchData.x, batchData.y]);
    rows.push({ norm, batch, wasm, tfjs, native: native.get(`${norm}/${batch}`) });
  }
}

const n0 = (v) => v.toFixed(0);
console.log(
  `\n### Conv trainer vs tfjs-layers: steps/s by CPU time (study net, 3 × 16 channels, 8×8 digits, momentum SGD)\n`,
);
console.log(`native: ${nativeConv ?? 'not run'}; tfjs-wasm SIMD ${simd ? 'on' : '**off**'}, one thread.`);
console.log(
  `WASM and tfjs: median (min–max) of ${ROUNDS} interleaved rounds; native: one run of normlab_conv --time. ${loadBefore} before, ${loadAverage()} after.\n`,
);
console.log(
  `| norm | batch | ours WASM steps/s | ours WASM images/s | native steps/s | WASM / native time | tfjs-wasm steps/s | ours WASM / tfjs (target ≥ ${TARGET}) | native / tfjs |`,
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const misses = [];
for (const r of rows) {
  const ratio = r.wasm.median / r.tfjs.median;
  if (ratio < TARGET) misses.push(`${r.norm} at batch ${r.batch}: ${ratio.toFixed(1)}x`);
  console.log(
    `| ${r.norm} | ${r.batch} | ${n0(r.wasm.median)} (${n0(r.wasm.min)}–${n0(r.wasm.max)}) | ${n0(r.wasm.median * r.batch)} | ` +
      `${r.native ? n0(r.native) : '—'} | ${r.native ? (r.native / r.wasm.median).toFixed(2) : '—'} | ` +
      `${r.tfjs.median.toFixed(1)} (${r.tfjs.min.toFixed(1)}–${r.tfjs.max.toFixed(1)}) | ` +
      `${ratio.toFixed(1)}x${ratio < TARGET ? ' **missed**' : ''} | ${r.native ? `${(r.native / r.tfjs.median).toFixed(1)}x` : '—'} |`,
  );
}
console.log(
  misses.length ? `\nTarget missed: ${misses.join(', ')}.` : `\nOurs (WASM) ≥ ${TARGET}x tfjs-wasm in every row.`,
);
console.log(
  'tfjs: tf.layers.conv2d (its filter gradient from a Conv2DBackpropFilter kernel built on tfjs-wasm Conv2D), ' +
    'optimizer.minimize over model.apply on one fixed batch; ours: Trainer::run (its own shuffled batches, no evaluation).',
);
