// bench/tfjs.bench.mjs — our normalization kernels against TensorFlow.js 4.22 (the best in-browser peer)
// and against the machine's limit, in one run; then training throughput of the lesson's MLP.
//
// Forward passes, ns/element, median (and min) of interleaved rounds after warm-up:
//   ours WASM kernel   the raw binding on data already in the WASM heap (as bench/kernels.mjs)
//   ours loadCore()    core.normalize(): copies in and out, new output arrays
//   native             tools/bench_native.cpp (-O3 -march=native) where it measures the same thing
//                      (training-mode forward of batch/layer/rms/group at the [N, C] shapes)
//   tfjs-wasm          @tensorflow/tfjs-backend-wasm, SIMD binary, one thread (as our module)
//   tfjs-cpu           @tensorflow/tfjs-backend-cpu (plain JS)
//   bound WASM/native  bench/bound.cpp: read the input twice, write the output once, SIMD; nothing less
//                      can normalize (WASM: em++ -O3 -msimd128; native: bench/bandwidth.cpp, g++ -O3
//                      -march=native)
// The tfjs programs are what a tfjs user writes: batch training = tf.moments + tf.batchNorm; batch eval =
// tf.batchNorm with fixed mean/variance; layer = moments over the features (keepDims) + batchNorm; rms =
// x * rsqrt(mean(x²) + eps); group = reshape to [.., G, C/G] + moments + batchNorm + reshape back.
// Layouts: ours is [N, C, L] (NCHW flattened); for [32, 64, 32, 32] tfjs gets NHWC [32, 32·32, 64], the
// layout its batchNorm broadcasts over (channels last), so every implementation reduces over the same
// elements. Eps 1e-5, GroupNorm G = 8.
//   usage: node bench/tfjs.bench.mjs [--quick]     (scripts/bench.sh runs it after bench/kernels.mjs)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTfjs } from './tfjs-backend.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const EPS = 1e-5;
const GROUPS = 8;

// ---- TensorFlow.js: cpu and wasm (SIMD, single-threaded) backends ----------------------------------
const { tf, tfl, simd: tfjsSimd } = await loadTfjs();
await tf.setBackend('cpu');

// ---- ours ------------------------------------------------------------------------------------------
const { loadCore, loadTrainer } = await import('../web/src/core.js');
const { default: createNormlabModule } = await import('../web/src/wasm/normlab.mjs');
const wasmBinary = readFileSync(new URL('../web/src/wasm/normlab.wasm', import.meta.url));
const core = await loadCore({ wasmBinary });
const raw = await createNormlabModule({ wasmBinary });
const { optionBytes, writeRawOptions } = await import('./raw-options.mjs');

// ---- the bound: built here (own build folder), skipped with a note when a compiler is missing ---------
const boundDir = `${root}build/bench-bound`;
mkdirSync(boundDir, { recursive: true });
function stale(out, sources) {
  return !existsSync(out) || sources.some((s) => statSync(s).mtimeMs > statSync(out).mtimeMs);
}
function build(out, sources, cmd, args, env = {}) {
  if (!stale(out, sources)) return true;
  try {
    execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    return true;
  } catch (e) {
    console.log(`(could not build ${out}: ${cmd} ${String(e.stderr ?? e.message).split('\n')[0]})`);
    return false;
  }
}
const boundSrc = [`${root}bench/bound.cpp`];
const bandwidthBin = `${boundDir}/bandwidth`;
const haveBandwidth = build(bandwidthBin, [...boundSrc, `${root}bench/bandwidth.cpp`], 'g++', [
  '-std=c++20',
  '-O3',
  '-march=native',
  '-o',
  bandwidthBin,
  'bench/bandwidth.cpp',
]);
const boundWasm = `${boundDir}/bound.wasm`;
const haveBoundWasm = build(
  boundWasm,
  boundSrc,
  'em++',
  [
    '-O3',
    '-msimd128',
    '--no-entry',
    '-sSTANDALONE_WASM',
    '-sINITIAL_MEMORY=67108864',
    '-sEXPORTED_FUNCTIONS=_bound_pass,_bound_buffer',
    '-o',
    boundWasm,
    'bench/bound.cpp',
  ],
  { NODE_PATH: '/usr/share/nodejs' },
);
let bound = null;
if (haveBoundWasm) {
  const { instance } = await WebAssembly.instantiate(readFileSync(boundWasm), {});
  bound = instance.exports;
}

// ---- timing (as bench/kernels.mjs: reps of >= 2e6 elements per sample, interleaved rounds) ------------
function time(fn, elements) {
  const reps = Math.max(1, Math.round(2e6 / elements));
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) fn();
  return Number(process.hrtime.bigint() - t0) / reps / elements;
}

async function measure(variants, elements, rounds) {
  const samples = variants.map(() => []);
  for (const v of variants) {
    if (v.backend) await tf.setBackend(v.backend);
    for (let w = 0; w < 3; w++) v.fn();
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i];
      if (v.backend && tf.getBackend() !== v.backend) await tf.setBackend(v.backend);
      samples[i].push(time(v.fn, elements));
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { median: s[s.length >> 1], min: s[0] };
  });
}

// ---- the tfjs programs -----------------------------------------------------------------------------
// x: [N, C] or NHWC [N, HW, C]; the channel axis is last.
function tfjsPrograms(x, fixedMean, fixedVar) {
  const rank = x.shape.length;
  const all = [...Array(rank).keys()];
  const features = all.slice(1);
  const channels = x.shape[rank - 1];
  return {
    batch: () =>
      tf
        .tidy(() => {
          const { mean, variance } = tf.moments(x, all.slice(0, -1));
          return tf.batchNorm(x, mean, variance, undefined, undefined, EPS);
        })
        .dispose(),
    batchEval: () => tf.tidy(() => tf.batchNorm(x, fixedMean, fixedVar, undefined, undefined, EPS)).dispose(),
    layer: () =>
      tf
        .tidy(() => {
          const { mean, variance } = tf.moments(x, features, true);
          return tf.batchNorm(x, mean, variance, undefined, undefined, EPS);
        })
        .dispose(),
    rms: () => tf.tidy(() => tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.square(x), features, true), EPS)))).dispose(),
    group: () =>
      tf
        .tidy(() => {
          // channels last: [.., C] -> [.., G, C/G]; statistics over everything but the sample and the group
          const grouped = tf.reshape(x, [...x.shape.slice(0, -1), GROUPS, channels / GROUPS]);
          const axes = [...Array(rank + 1).keys()].filter((a) => a !== 0 && a !== rank - 1);
          const { mean, variance } = tf.moments(grouped, axes, true);
          return tf.reshape(tf.batchNorm(grouped, mean, variance, undefined, undefined, EPS), x.shape);
        })
        .dispose(),
  };
}

// ---- native numbers where tools/bench_native.cpp measures the same thing ----------------------------
const native = new Map();
const nativeBin = `${root}build/bench-native/normlab_bench`;
if (existsSync(nativeBin) && !quick) {
  for (const line of execFileSync(nativeBin, { encoding: 'utf8' }).trim().split('\n')) {
    const r = JSON.parse(line);
    if (r.pass === 'forward') native.set(`${r.kind}/${r.n}x${r.c}`, r);
  }
}

// ---- forward passes --------------------------------------------------------------------------------
const SHAPES = [
  { label: '[32, 256]', ours: [32, 256, 1], tfjs: [32, 256] },
  { label: '[256, 1024]', ours: [256, 1024, 1], tfjs: [256, 1024] },
  { label: '[1024, 4096]', ours: [1024, 4096, 1], tfjs: [1024, 4096] },
  { label: '[32, 64, 32, 32]', ours: [32, 64, 1024], tfjs: [32, 1024, 64] },
];
const KINDS = [
  { name: 'batch (training)', key: 'batch', kind: 'batch', native: 'batch' },
  { name: 'batch (eval)', key: 'batchEval', kind: 'batch', eval: true },
  { name: 'layer', key: 'layer', kind: 'layer', native: 'layer' },
  { name: 'rms', key: 'rms', kind: 'rms', native: 'rms' },
  { name: 'group (G = 8)', key: 'group', kind: 'group', native: 'group' },
];
const rounds = quick ? 3 : 9;
const rows = [];
const bounds = new Map();

for (const shape of SHAPES) {
  const [n, c, l] = shape.ours;
  const elements = n * c * l;
  const x = core.sample('normal', elements, { seed: 1, mean: 0.5, std: 2 });
  const runningMean = core.sample('normal', c, { seed: 2, std: 0.1 });
  const runningVar = Float32Array.from(core.sample('uniform', c, { seed: 3 }), (v) => 2 + v);

  // Our data in our heap: x, y, mean, rstd, running stats, and one options block per mode.
  const stats = Math.max(n * GROUPS, n, c);
  const floats = 2 * elements + 2 * stats + 2 * c;
  const base = raw._malloc(4 * floats + 256);
  const xp = base,
    yp = xp + 4 * elements,
    mp = yp + 4 * elements,
    rp = mp + 4 * stats;
  const rmp = rp + 4 * stats,
    rvp = rmp + 4 * c;
  const optTrain = (rvp + 4 * c + 15) & ~7,
    optEval = optTrain + optionBytes(raw);
  raw.HEAPF32.set(x, xp >> 2);
  raw.HEAPF32.set(runningMean, rmp >> 2);
  raw.HEAPF32.set(runningVar, rvp >> 2);
  writeRawOptions(raw, optTrain, { eps: EPS, groups: GROUPS });
  writeRawOptions(raw, optEval, {
    eps: EPS,
    groups: GROUPS,
    training: false,
    runningMean: [rmp, c],
    runningVar: [rvp, c],
  });

  // tfjs inputs, one copy per backend (a tensor lives in the backend that created it).
  const tfjsData = Float32Array.from(x); // the same values; the layout differs only for the 4-D shape
  const programs = {};
  for (const backend of ['wasm', 'cpu']) {
    await tf.setBackend(backend);
    const t = tf.tensor(tfjsData, shape.tfjs);
    programs[backend] = tfjsPrograms(t, tf.tensor1d(runningMean), tf.tensor1d(runningVar));
  }

  const boundVariants = [];
  if (bound) {
    const bp = bound.bound_buffer();
    new Float32Array(bound.memory.buffer, bp, elements).set(x);
    boundVariants.push({ fn: () => bound.bound_pass(bp, bp + 4 * 4194304, elements) });
  }

  for (const k of KINDS) {
    const opts = k.eval ? { training: false, runningMean, runningVar } : k.kind === 'group' ? { groups: GROUPS } : {};
    const optPtr = k.eval ? optEval : optTrain;
    const code = raw.kindCode(k.kind);
    const variants = [
      { fn: () => raw._normlab_normalize(code, xp, elements, n, c, l, optPtr, yp, mp, rp) },
      { fn: () => core.normalize(k.kind, x, shape.ours, opts) },
      { fn: programs.wasm[k.key], backend: 'wasm' },
      { fn: programs.cpu[k.key], backend: 'cpu' },
      ...boundVariants,
    ];
    const m = await measure(variants, elements, elements > 1e6 ? Math.max(3, rounds - 4) : rounds);
    rows.push({
      kind: k,
      shape,
      kernel: m[0],
      api: m[1],
      tfjsWasm: m[2],
      tfjsCpu: m[3],
      boundWasm: m[4] ?? null,
      native: k.native && l === 1 ? (native.get(`${k.native}/${n}x${c}`) ?? null) : null,
    });
  }
  raw._free(base);
  for (const backend of ['wasm', 'cpu']) {
    await tf.setBackend(backend);
    tf.disposeVariables();
  }
  bounds.set(shape.label, elements);
}

// The native bound, one process for all sizes.
const boundNative = new Map();
if (haveBandwidth) {
  const sizes = [...new Set(bounds.values())];
  for (const line of execFileSync(bandwidthBin, sizes.map(String), { encoding: 'utf8' }).trim().split('\n')) {
    const r = JSON.parse(line);
    boundNative.set(r.elements, r);
  }
}

// ---- the table -------------------------------------------------------------------------------------
const f = (v) => (v == null ? '—' : v.median < 10 ? v.median.toFixed(2) : v.median.toFixed(1));
const fm = (v) => (v == null ? '—' : `${f(v)} (${v.min < 10 ? v.min.toFixed(2) : v.min.toFixed(1)})`);
const misses = [];
console.log(
  `\n### Normalization forward vs TensorFlow.js 4.22 and the memory bound, ns/element — median (min) of ${rounds} interleaved rounds`,
);
console.log(
  `tfjs-wasm: SIMD binary ${tfjsSimd ? 'in use' : '**not available** (scalar binary)'}, one thread. Layout: ours [N, C, H·W]; tfjs [N, C] or NHWC [N, H·W, C] for the 4-D shape.\n`,
);
console.log(
  '| kind | shape | ours: WASM kernel | ours: loadCore() | native -O3 | tfjs-wasm | tfjs-cpu | bound: WASM | bound: native | tfjs-wasm / ours kernel (of minima) | ours kernel / WASM bound, target ≤ 1.5 (of minima) | ours kernel / native bound (of minima) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const elements = bounds.get(r.shape.label);
  const bn = boundNative.get(elements) ?? null;
  const atTarget = r.shape.label === '[256, 1024]';
  const target = r.kind.key === 'batch' ? 10 : 5;
  const speedup = r.tfjsWasm.median / r.kernel.median;
  // Ratios of medians decide the targets; the ratio of minima follows in parentheses (less noise-prone).
  let speedupCell = `${speedup.toFixed(1)}x (${(r.tfjsWasm.min / r.kernel.min).toFixed(1)}x)`;
  if (atTarget) {
    const ok = speedup >= target;
    speedupCell += ` (target ≥ ${target}x: ${ok ? 'met' : '**missed**'})`;
    if (!ok)
      misses.push(
        `${r.kind.name} ${r.shape.label}: ours ${speedup.toFixed(1)}x faster than tfjs-wasm, target ${target}x`,
      );
  }
  let boundCell = '—';
  if (r.boundWasm) {
    const q = r.kernel.median / r.boundWasm.median;
    boundCell = `${q.toFixed(2)} (${(r.kernel.min / r.boundWasm.min).toFixed(2)})${q > 1.5 ? ' **missed**' : ''}`;
    if (q > 1.5)
      misses.push(`${r.kind.name} ${r.shape.label}: WASM kernel ${q.toFixed(2)}x the WASM bound (target ≤ 1.5)`);
  }
  const nativeBoundCell = bn
    ? `${(r.kernel.median / bn.median).toFixed(2)} (${(r.kernel.min / bn.min).toFixed(2)})`
    : '—';
  console.log(
    `| ${r.kind.name} | ${r.shape.label} | ${fm(r.kernel)} | ${fm(r.api)} | ${f(r.native)} | ${fm(r.tfjsWasm)} | ${fm(r.tfjsCpu)} | ${fm(r.boundWasm)} | ${fm(bn)} | ${speedupCell} | ${boundCell} | ${nativeBoundCell} |`,
  );
}
// What one call costs regardless of size (the plain export's call, the options block, the statistics
// buffers): it would dominate at [32, 256] if it were µs, where the bound moves 8192 elements in ~2 µs.
{
  const p = raw._malloc(4 * 64 + 256);
  const o = (p + 4 * 64 + 15) & ~7;
  writeRawOptions(raw, o, { eps: EPS });
  const layer = raw.kindCode('layer');
  const call = () => raw._normlab_normalize(layer, p, 16, 1, 16, 1, o, p + 64, p + 128, p + 160);
  const perCall = (await measure([{ fn: call }], 16, rounds))[0];
  console.log(
    `\nFixed cost of one raw binding call ([1, 16, 1] layer): ${((perCall.median * 16) / 1000).toFixed(2)} µs (min ${((perCall.min * 16) / 1000).toFixed(2)} µs).`,
  );
  raw._free(p);
}
console.log(
  misses.length ? `\nTargets missed:\n${misses.map((m) => `- ${m}`).join('\n')}` : '\nAll targets of this table met.',
);

// ---- training throughput ---------------------------------------------------------------------------
// The lesson's default configuration (TrainConfig in core/include/normlab/train.hpp): spirals (2 inputs,
// 3 classes), plain MLP of 8 hidden layers x 32 units, ReLU, He initialization, SGD with momentum 0.9,
// learning rate 0.03, batch 64; softmax cross-entropy. Also with BatchNorm (Linear -> BatchNorm -> ReLU).
const DEPTH = 8,
  WIDTH = 32,
  BATCH = 64,
  LR = 0.03,
  MOMENTUM = 0.9;
await tf.setBackend('wasm');

function tfjsModel(norm) {
  const model = tfl.sequential();
  for (let i = 0; i < DEPTH; i++) {
    const dense = { units: WIDTH, kernelInitializer: 'heNormal', useBias: norm !== 'batch' };
    if (i === 0) dense.inputShape = [2];
    if (norm === 'batch') {
      model.add(tfl.layers.dense(dense));
      model.add(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: EPS }));
      model.add(tfl.layers.activation({ activation: 'relu' }));
    } else {
      model.add(tfl.layers.dense({ ...dense, activation: 'relu' }));
    }
  }
  model.add(tfl.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'heNormal' }));
  model.compile({ optimizer: tf.train.momentum(LR, MOMENTUM), loss: 'categoricalCrossentropy' });
  return model;
}

async function tfjsStepsPerSecond(norm, steps) {
  const model = tfjsModel(norm);
  const xs = tf.randomNormal([BATCH, 2], 0, 1, 'float32', 1);
  const ys = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: BATCH }, (_, i) => i % 3),
      'int32',
    ),
    3,
  );
  for (let i = 0; i < 10; i++) await model.trainOnBatch(xs, ys);
  const rates = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < steps; i++) await model.trainOnBatch(xs, ys);
    rates.push(steps / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  tf.dispose([xs, ys]);
  model.dispose();
  return rates.sort((a, b) => a - b)[1];
}

let trainer = null;
try {
  trainer = await loadTrainer();
} catch (e) {
  trainer = { error: e.message.split('\n')[0] };
}
function oursStepsPerSecond(norm, steps) {
  const t = trainer.createTrainer({ norm });
  try {
    t.run(10);
    const rates = [];
    for (let r = 0; r < 3; r++) {
      const t0 = process.hrtime.bigint();
      t.run(steps);
      rates.push(steps / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
    return rates.sort((a, b) => a - b)[1];
  } finally {
    t.dispose();
  }
}

const steps = quick ? 20 : 100;
console.log(
  `\n### Training throughput, steps/s (median of 3 runs of ${steps} steps; MLP 8 x 32, ReLU, He, SGD momentum 0.9, lr 0.03, batch 64, spirals)\n`,
);
console.log(
  '| norm | ours: WASM trainer (loadTrainer) | tfjs-layers on tfjs-wasm (trainOnBatch) | ours / tfjs (target ≥ 5) |',
);
console.log('|---|---|---|---|');
for (const norm of ['none', 'batch']) {
  const theirs = await tfjsStepsPerSecond(norm, steps);
  let ours = null;
  let note = '';
  if (trainer?.createTrainer) {
    try {
      ours = oursStepsPerSecond(norm, steps);
    } catch (e) {
      note = `error: ${e.message}`;
    }
  } else {
    note = `not available (${trainer?.error ?? 'no loadTrainer'})`;
  }
  const ratio = ours ? ours / theirs : null;
  const ratioCell = ratio == null ? '—' : `${ratio.toFixed(1)}x${ratio < 5 ? ' **missed**' : ''}`;
  console.log(`| ${norm} | ${ours ? ours.toFixed(0) : note} | ${theirs.toFixed(0)} | ${ratioCell} |`);
}
console.log(
  '\ntfjs steps use trainOnBatch on one fixed batch (data order costs nothing); ours use Trainer::run (its own shuffled batches, no evaluation).',
);
