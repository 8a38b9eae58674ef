// bench/kernels.mjs — ns/element of the normalization kernels, side by side in one run:
// WASM through loadCore() (copies in and out included), the WASM kernel alone (data already in the
// heap, the raw binding called directly), the same C++ natively (-O3 -march=native), and plain JS.
// Interleaved rounds with warm-up; median and min per cell. Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadCore } from '../web/src/core.js';
import createNormlabModule from '../web/src/wasm/normlab.mjs';
import * as js from './js-baseline.mjs';
import { optionBytes, writeRawOptions } from './raw-options.mjs';

const wasmPath = new URL('../web/src/wasm/normlab.wasm', import.meta.url);
const wasmBinary = readFileSync(wasmPath);
const core = await loadCore({ wasmBinary });
const raw = await createNormlabModule({ wasmBinary });

const SHAPES = [
  [32, 256],
  [256, 1024],
  [1024, 4096],
];
const KINDS = ['batch', 'layer', 'rms', 'group'];
const GROUPS = 8;

function time(fn, elements) {
  const reps = Math.max(1, Math.round(2e6 / elements));
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) fn();
  return Number(process.hrtime.bigint() - t0) / reps / elements;
}

function measure(variants, elements, rounds = 12) {
  const samples = variants.map(() => []);
  for (const v of variants) for (let w = 0; w < 3; w++) v.fn(); // warm-up
  for (let r = 0; r < rounds; r++) variants.forEach((v, i) => samples[i].push(time(v.fn, elements)));
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { median: s[s.length >> 1], min: s[0] };
  });
}

const native = new Map();
const nativeBin = process.argv[2];
if (nativeBin) {
  for (const line of execFileSync(nativeBin, { encoding: 'utf8' }).trim().split('\n')) {
    const r = JSON.parse(line);
    native.set(`${r.kind}/${r.pass}/${r.n}x${r.c}`, r);
  }
}

const rows = [];
for (const [n, c] of SHAPES) {
  const elements = n * c;
  const x = core.sample('normal', elements, { seed: 1 });
  const g = core.sample('uniform', elements, { seed: 2 });
  const y = new Float32Array(elements);
  const stats = Math.max(n * GROUPS, c);
  const base = raw._malloc(4 * (3 * elements + 2 * stats) + 8 + optionBytes(raw));
  raw.HEAPF32.set(x, base >> 2);
  raw.HEAPF32.set(g, (base >> 2) + elements);
  const [xp, gp, yp, mp, rp] = [
    base,
    base + 4 * elements,
    base + 8 * elements,
    base + 12 * elements,
    base + 12 * elements + 4 * stats,
  ];
  const opts = base + 4 * (3 * elements + 2 * stats) + 8 - ((base + 4 * (3 * elements + 2 * stats)) % 8);
  // No affine, no running statistics.
  writeRawOptions(raw, opts, { groups: GROUPS });
  for (const kind of KINDS) {
    const code = raw.kindCode(kind);
    const coreOpts = kind === 'group' ? { groups: GROUPS } : {};
    const jsFn = {
      batch: () => js.batchForward(x, n, c, 1e-5, y),
      layer: () => js.layerForward(x, n, c, 1e-5, y),
      rms: () => js.rmsForward(x, n, c, 1e-5, y),
      group: () => js.groupForward(x, n, c, GROUPS, 1e-5, y),
    }[kind];
    const reuse = { ...coreOpts, output: y };
    const fwd = measure(
      [
        { fn: () => core.normalize(kind, x, [n, c, 1], coreOpts) },
        { fn: () => core.normalize(kind, x, [n, c, 1], reuse) },
        { fn: () => raw._normlab_normalize(code, xp, elements, n, c, 1, opts, yp, mp, rp) },
        { fn: jsFn },
      ],
      elements,
    );
    const bwd = measure(
      [
        { fn: () => core.backward(kind, x, g, [n, c, 1], coreOpts) },
        { fn: () => raw._normlab_backward(code, xp, gp, elements, elements, n, c, 1, opts, yp, 0, 0) },
      ],
      elements,
      6,
    );
    rows.push({
      kind,
      pass: 'forward',
      n,
      c,
      api: fwd[0],
      apiReuse: fwd[1],
      kernel: fwd[2],
      js: fwd[3],
      native: native.get(`${kind}/forward/${n}x${c}`),
    });
    rows.push({
      kind,
      pass: 'backward',
      n,
      c,
      api: bwd[0],
      apiReuse: null,
      kernel: bwd[1],
      js: null,
      native: native.get(`${kind}/backward/${n}x${c}`),
    });
  }
  raw._free(base);
}

const f = (v) => (v == null ? '—' : v.median.toFixed(2));
console.log('\n### Normalization kernels, ns/element (median of 12 interleaved rounds; min in the JSON)\n');
console.log(
  '| kind | pass | shape [N, C] | WASM via loadCore() | same, opts.output reused | WASM kernel | native -O3 -march=native | plain JS | kernel / native (target ≤ 2) | API / kernel (target ≤ 2 at [256,1024]) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
const misses = [];
for (const r of rows) {
  const kn = r.native ? r.kernel.median / r.native.median : null;
  const ak = r.api.median / r.kernel.median;
  const atTarget = r.n === 256 && r.c === 1024;
  const knMark = kn == null ? '—' : `${kn.toFixed(2)}${kn > 2 ? ' **missed**' : ''}`;
  const akMark = `${ak.toFixed(2)}${atTarget && ak > 2 ? ' **missed**' : ''}`;
  if (kn != null && kn > 2) misses.push(`${r.kind} ${r.pass} [${r.n},${r.c}]: WASM kernel ${kn.toFixed(2)}x native`);
  if (atTarget && ak > 2) misses.push(`${r.kind} ${r.pass} [${r.n},${r.c}]: API ${ak.toFixed(2)}x kernel`);
  console.log(
    `| ${r.kind} | ${r.pass} | [${r.n}, ${r.c}] | ${f(r.api)} | ${f(r.apiReuse)} | ${f(r.kernel)} | ${f(r.native)} | ${f(r.js)} | ${knMark} | ${akMark} |`,
  );
}
const size = wasmBinary.length;
const gz = gzipSync(wasmBinary, { level: 9 }).length;
console.log(
  `\nWASM binary: ${(size / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped (target < 60 KB gzipped${gz > 60 * 1024 ? ': **missed**' : ': met'})`,
);
console.log(
  misses.length ? `\nTargets missed:\n${misses.map((m) => `- ${m}`).join('\n')}` : '\nAll kernel targets met.',
);
