// bench/transformer.bench.mjs — the Transformer trainer's throughput (the study's model: 2 layers of width 32,
// 4 heads, MLP 128, batch 32 × 8 tokens, Adam) per norm and placement: our WASM trainer through loadTrainer()
// in Node and the same model in tfjs-core ops on the tfjs-wasm backend (bench/tfjs-transformer.mjs: what is
// identical and what is not), in interleaved rounds, beside the same C++ built natively
// (normlab_transformer --time, whose own lines follow the table). Rates divide by the process's CPU time.
// Learning rate 0.003, as the native tool times it (every variant trains there without diverging).
// Target: ours (WASM) >= 3x tfjs-wasm.
//   usage: node bench/transformer.bench.mjs [--quick]
import { execFileSync } from 'node:child_process';
import { loadTrainer } from '../web/src/core.js';
import { loadAverage, nativeTool, oursVsTfjs } from './rounds.mjs';
import { loadTfjs } from './tfjs-backend.mjs';
import { tfjsTransformer } from './tfjs-transformer.mjs';

const quick = process.argv.includes('--quick');
const VARIANTS = [
  ['layer', 'pre'],
  ['rms', 'pre'],
  ['layer', 'post'],
  ['rms', 'post'],
  ['none', 'pre'],
];
const RATE = 0.003;
const STEPS = { ours: 100, tfjs: 10 }; // per round: about half a second of CPU time each
const ROUNDS = quick ? 2 : 5;
const TARGET = 3;
const VOCABULARY = 10; // digits (kSequenceVocab in core/src/train/datasets.hpp)

const trainerCore = await loadTrainer();
const { tf, simd } = await loadTfjs();
const loadBefore = loadAverage();

/** tfjs's fixed batch: digit sequences and their reversals, as the study's "reverse" task. */
function tfjsBatch(batch, tokens) {
  const xs = Array.from({ length: batch * tokens }, (_, i) => (i * 7 + Math.floor(i / 3)) % VOCABULARY);
  const ys = xs.map((_, i) => xs[i - (i % tokens) + tokens - 1 - (i % tokens)]);
  return { x: tf.tensor2d(xs, [batch, tokens], 'int32'), y: tf.tensor2d(ys, [batch, tokens], 'int32') };
}

const rows = [];
let shape = null;
for (const [norm, placement] of VARIANTS) {
  const config = { ...trainerCore.transformerStudyConfig(norm, placement, 0), learningRate: RATE };
  shape = config;
  const ours = trainerCore.createTrainer(config);
  const model = tfjsTransformer(tf, {
    ...config,
    tokens: config.sequenceLength,
    vocabulary: VOCABULARY,
  });
  const batchData = tfjsBatch(config.batchSize, config.sequenceLength);
  const [wasm, tfjs] = await oursVsTfjs(ours, model, batchData, STEPS, ROUNDS);
  ours.dispose();
  model.dispose();
  tf.dispose([batchData.x, batchData.y]);
  rows.push({ norm, placement, wasm, tfjs });
}

// The native tool times the same variants in its own interleaved rounds (21 × 100 steps, CPU time).
const native = new Map();
const nativeTransformer = quick ? null : nativeTool('normlab_transformer');
const nativeOut = nativeTransformer ? execFileSync(nativeTransformer, ['--time'], { encoding: 'utf8' }) : '';
// "layer pre   median 2.210 ms/step (CPU), 452 steps/s; fastest round 2.100 ms/step"
for (const line of nativeOut.split('\n')) {
  const m = line.match(/^(\w+)\s+(\w+)\s+median ([\d.]+) ms\/step/);
  if (m) native.set(`${m[1]}/${m[2]}`, 1000 / Number(m[3]));
}

const f = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
console.log(
  `\n### Transformer trainer vs tfjs: steps/s by CPU time (${shape.depth} layers, width ${shape.width}, ${shape.heads} heads, ` +
    `batch ${shape.batchSize} × ${shape.sequenceLength} tokens, Adam, rate ${RATE})\n`,
);
console.log(`native: ${nativeTransformer ?? 'not run'}; tfjs-wasm SIMD ${simd ? 'on' : '**off**'}, one thread.`);
console.log(
  `WASM and tfjs: median (min–max) of ${ROUNDS} interleaved rounds; native: median of normlab_transformer --time's 21 rounds. ${loadBefore} before, ${loadAverage()} after.\n`,
);
console.log(
  `| norm | placement | ours WASM steps/s | native steps/s | WASM / native time | tfjs-wasm steps/s | ours WASM / tfjs (target ≥ ${TARGET}) | native / tfjs |`,
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
const misses = [];
for (const r of rows) {
  const nat = native.get(`${r.norm}/${r.placement}`);
  const ratio = r.wasm.median / r.tfjs.median;
  if (ratio < TARGET) misses.push(`${r.norm} ${r.placement}: ${ratio.toFixed(1)}x`);
  console.log(
    `| ${r.norm} | ${r.norm === 'none' ? '—' : r.placement} | ${f(r.wasm.median)} (${f(r.wasm.min)}–${f(r.wasm.max)}) | ` +
      `${nat ? f(nat) : '—'} | ${nat ? (nat / r.wasm.median).toFixed(2) : '—'} | ` +
      `${f(r.tfjs.median)} (${f(r.tfjs.min)}–${f(r.tfjs.max)}) | ${ratio.toFixed(1)}x${ratio < TARGET ? ' **missed**' : ''} | ` +
      `${nat ? `${(nat / r.tfjs.median).toFixed(1)}x` : '—'} |`,
  );
}
console.log(
  misses.length ? `\nTarget missed: ${misses.join(', ')}.` : `\nOurs (WASM) ≥ ${TARGET}x tfjs-wasm in every row.`,
);
console.log(
  'tfjs: optimizer.minimize over the model in tfjs-core ops on one fixed batch; ours: Trainer::run (its own shuffled batches, no evaluation).',
);
if (nativeOut) console.log(`\nnormlab_transformer --time:\n\n    ${nativeOut.trim().split('\n').join('\n    ')}`);
