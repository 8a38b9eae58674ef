// bench/binding.bench.mjs — the fixed cost of one binding call, what every call pays whatever its size:
// Embind's argument conversions (the kind string, the result val), reading the options block, and for the
// API the JS side (option checks, the heap allocation, copies in and out). Measured on [1, 16, 1], where
// the kernel itself is a few dozen nanoseconds. Median (min) of interleaved rounds, µs per call.
//   usage: node bench/binding.bench.mjs     (scripts/bench.sh runs it with the other bench/*.bench.mjs)
import { readFileSync } from 'node:fs';
import { loadCore, loadTrainer } from '../web/src/core.js';
import createNormlabModule from '../web/src/wasm/normlab.mjs';
import { optionBytes, writeRawOptions } from './raw-options.mjs';

const wasmBinary = readFileSync(new URL('../web/src/wasm/normlab.wasm', import.meta.url));
const core = await loadCore({ wasmBinary });
const raw = await createNormlabModule({ wasmBinary });
const trainerCore = await loadTrainer();

function measure(variants, calls = 20000, rounds = 15) {
  const samples = variants.map(() => []);
  for (const v of variants) for (let i = 0; i < 2000; i++) v.fn(); // warm-up
  for (let r = 0; r < rounds; r++) {
    variants.forEach((v, k) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) v.fn();
      samples[k].push(Number(process.hrtime.bigint() - t0) / calls / 1000);
    });
  }
  return samples.map((s) => s.sort((a, b) => a - b)).map((s) => ({ median: s[s.length >> 1], min: s[0] }));
}

const p = raw._malloc(4 * 64 + 8 + optionBytes(raw));
const o = (p + 4 * 64 + 7) & ~7;
writeRawOptions(raw, o);
const x16 = core.sample('normal', 16, { seed: 1 });
const out = new Float32Array(16);
const gamma = new Float32Array(16).fill(1);
const trainer = trainerCore.createTrainer({ depth: 2, width: 8 });
const layer = raw.kindCode('layer');
const variants = [
  {
    name: 'raw binding: normalize [1, 16, 1] layer, data and options in the heap',
    fn: () => raw._normlab_normalize(layer, p, 16, 1, 16, 1, o, p + 64, p + 128, p + 160),
  },
  { name: 'raw Embind binding: describe 16 values (a result object)', fn: () => raw.describe(p, 16, undefined) },
  { name: 'core.normalize [1, 16, 1] layer', fn: () => core.normalize('layer', x16, [1, 16, 1]) },
  {
    name: 'core.normalize [1, 16, 1] layer, opts.output reused',
    fn: () => core.normalize('layer', x16, [1, 16, 1], { output: out }),
  },
  { name: 'core.normalize [1, 16, 1] layer with gamma', fn: () => core.normalize('layer', x16, [1, 16, 1], { gamma }) },
  { name: 'trainer.status() (training module)', fn: () => trainer.status() },
];
const results = measure(variants);
console.log('\n### Fixed cost of one binding call, µs — median (min) of 15 interleaved rounds of 20,000 calls\n');
console.log('| call | µs |');
console.log('|---|---|');
variants.forEach((v, i) =>
  console.log(`| ${v.name} | ${results[i].median.toFixed(3)} (${results[i].min.toFixed(3)}) |`),
);
trainer.dispose();
raw._free(p);
