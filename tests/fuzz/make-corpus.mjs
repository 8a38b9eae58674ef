// make-corpus.mjs — writes the fuzzer's seed corpus (tests/fuzz/corpus/): one small, valid input per
// operation and kind, so that libFuzzer starts deep inside every code path instead of at the argument
// checks; plus a few seeds at the edges (zero-variance, mean 1000 / std 0.01, NaN, huge dimensions).
// The bytes follow the Reader layout of fuzz_core.cpp (read front to back; exhausted input reads as 0).
//   usage: node tests/fuzz/make-corpus.mjs      (rewrites the folder; commit the result)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { DISTRIBUTIONS } from '../../web/src/core.js';

const dir = new URL('./corpus/', import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);

// Indices into Reader::real()'s table (a byte below 0xC0 picks kTable[b % 32]).
const R = { zero: 0, eps: 2, one: 3, half: 5, tenth: 6, two: 8, three: 9, lr: 11, nan: 16, inf: 17, big: 23, four: 31 };
const KIND = { batch: 0, layer: 1, rms: 2, group: 3, instance: 4 };
const OP = {
  normalize: 0,
  backward: 1,
  describe: 2,
  sample: 3,
  groups: 4,
  compare: 5,
  names: 6,
  detmath: 7,
  trainer: 8,
};
const HUGE_DIM = 0xf2; // Reader::dim() edge table: 2^28 (the core's bound)
const OVERFLOW_DIM = 0xf9; // 2^32: [2^32, 2^32, 1] wraps to 0 elements in 64-bit arithmetic

const u32 = (v) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
const f32 = (v) => [...new Uint8Array(new Float32Array([v]).buffer)];

// values(n) with mode 4: small integers (one signed byte each).
const ints = (n, seed = 1) => [4, ...Array.from({ length: n }, (_, i) => (((i * 37 + seed * 11) % 17) - 8) & 255)];

const seeds = {};
function normCase(kind, [n, c, l], { groups = 0, training = 1, which = 0, values = null, eps = R.eps } = {}) {
  const count = n * c * l;
  const bytes = [kind, n, c, l, 0, ...(values ?? ints(count)), eps, groups, training, R.tenth, which];
  const param = kind === KIND.layer || kind === KIND.rms ? c * l : c;
  if (which & 1) bytes.push(0, ...ints(param, 3)); // gamma
  if (which & 2) bytes.push(0, ...ints(param, 5)); // beta
  if (which & 4) bytes.push(0, 4, ...Array(c).fill(0)); // runningMean = 0
  if (which & 8) bytes.push(0, 4, ...Array(c).fill(1)); // runningVar = 1
  return bytes;
}

for (const [name, kind] of Object.entries(KIND)) {
  const groups = kind === KIND.group ? 2 : 0;
  const which = kind === KIND.rms ? 1 : kind === KIND.batch ? 15 : 3;
  // normalize_into, then the allocating normalize
  seeds[`normalize-${name}`] = [OP.normalize, ...normCase(kind, [4, 6, 3], { groups, which }), 1, 0, 0];
  seeds[`normalize-alloc-${name}`] = [OP.normalize, ...normCase(kind, [3, 4, 5], { groups }), 0];
  // backward_into with parameter gradients
  const g = ints(4 * 6 * 3, 7);
  seeds[`backward-${name}`] = [OP.backward, ...normCase(kind, [4, 6, 3], { groups, which }), 0, ...g, 1, 0, 1, 0, 1, 0];
}
// BatchNorm eval with running statistics, and feature vectors (L = 1, the row kernels).
seeds['normalize-batch-eval'] = [OP.normalize, ...normCase(KIND.batch, [5, 8, 1], { training: 0, which: 12 }), 1, 0, 0];
seeds['backward-batch-eval'] = [
  OP.backward,
  ...normCase(KIND.batch, [5, 8, 1], { training: 0, which: 12 }),
  0,
  ...ints(40, 2),
  1,
  0,
  0,
  0,
];
// mean 1000 / std 0.01 (mode 3: offset + step * int8), zero variance (mode 2), NaN in the data (mode 5).
seeds['normalize-offset'] = [
  OP.normalize,
  ...normCase(KIND.layer, [2, 16, 1], {
    values: [3, ...f32(1000), ...f32(0.001), ...Array.from({ length: 32 }, (_, i) => (((i * 13) % 21) - 10) & 255)],
  }),
  1,
  0,
  0,
];
seeds['normalize-constant'] = [
  OP.normalize,
  ...normCase(KIND.group, [2, 4, 4], {
    groups: 2,
    values: [2, ...f32(7.5)],
  }),
  1,
  0,
  0,
];
seeds['normalize-nan'] = [
  OP.normalize,
  ...normCase(KIND.instance, [2, 3, 4], {
    values: [5, ...u32(5), 12],
  }),
  1,
  0,
  0,
];
// Shapes the core must reject: one dimension at its bound, and a product that wraps to 0.
seeds['normalize-huge'] = [OP.normalize, KIND.layer, HUGE_DIM, 2, 1, 0, 4, R.eps, 0, 1, R.tenth, 0, 1, 0, 0];
seeds['normalize-overflow'] = [
  OP.normalize,
  KIND.batch,
  OVERFLOW_DIM,
  OVERFLOW_DIM,
  1,
  0,
  4,
  R.eps,
  0,
  1,
  R.tenth,
  0,
  0,
];

seeds.describe = [OP.describe, 1, 48, ...ints(48), 40, 0];
seeds['describe-range'] = [OP.describe, 1, 20, ...ints(20, 4), 10, 1, R.zero + 4 /* -1 */, R.two];
seeds['describe-constant'] = [OP.describe, 1, 9, 2, ...f32(3), 40, 0];

const params = [0, 7, R.zero, R.one, R.two, R.four, R.half, R.three]; // seed flag 0, seed 7, shift..df
// i is the core's id of distribution d: DISTRIBUTIONS is in the core's order.
DISTRIBUTIONS.forEach((d, i) => {
  seeds[`sample-${d}`] = [OP.sample, 1, i, ...params, 64, i % 2];
});
seeds['sample-name'] = [OP.sample, 0, 5, ...Buffer.from('heavy'), ...params, 32, 1];

for (const [name, kind] of Object.entries(KIND)) {
  const groups = kind === KIND.group ? 3 : 0;
  seeds[`groups-${name}`] = [OP.groups, kind, 2, 6, 4, groups, kind % 2, 0, ...ints(48)];
}
seeds['compare-improvement'] = [OP.compare, 0, R.three, R.two, R.tenth, R.one];
seeds['compare-spread'] = [OP.compare, 1, KIND.batch, 0, ...params, 16, 4, 20, 0];
seeds['compare-trace'] = [OP.compare, 2, 1, ...params, 16, 4, 30, R.tenth];
seeds['names-kind'] = [OP.names, 5, ...Buffer.from('group'), 1];
seeds.detmath = [OP.detmath, R.half, R.three];

// Trainer: mask 0 keeps the lesson's defaults except tiny sizes; dataset, depth, width, activation, init,
// architecture, norm, groups, optimizer, batch, evalEvery, seed, dataSeed, then steps (byte % 5 - 1).
['none', 'batch', 'layer', 'rms', 'group'].forEach((norm, i) => {
  seeds[`trainer-${norm}`] = [OP.trainer, 0, 0, 0, 1, i % 3, 0, i % 2, i, 4, i % 2, 7, 1, ...u32(i + 1), ...u32(1), 4];
});

let total = 0;
for (const [name, bytes] of Object.entries(seeds)) {
  writeFileSync(new URL(name, dir), Uint8Array.from(bytes));
  total += bytes.length;
}
console.log(`tests/fuzz/corpus: ${Object.keys(seeds).length} seeds, ${total} bytes`);
