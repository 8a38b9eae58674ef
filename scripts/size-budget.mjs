// scripts/size-budget.mjs — the page's download sizes against their budgets (docs/performance.md):
// the first load (what the page fetches before the learner scrolls: HTML, the entry script and everything it
// imports statically, CSS, the lesson content, the icon) at most 350 KB gzipped; the figures' WebAssembly
// module at most 60 KB gzipped; the training module, loaded only by the training worker, at most 96 KB (it holds
// the MLP, the conv net and the Transformer since 2026-12-04: 80.3 KB then); and of
// the first load, the JavaScript (the entry and its static imports, each file gzipped as served) at most 50 KB;
// the certificate's PDF maker, loaded only on the first Download PDF, at most 520 KB.
// Prints a Markdown table and exits 1 when a budget is exceeded.  Usage: node scripts/size-budget.mjs [dist/web]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist/web');
const KB = 1024;
const gz = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const raw = (file) => readFileSync(join(root, file)).length;

// The entry's static import graph (Vite emits `import{…}from"./x.js"` and `import"./x.js"`; dynamic
// `import("./x.js")` is lazy and not followed).
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\s*)["'](\.\/[^"']+\.js)["']/g)) {
      visit(join(file, '..', m[1]));
    }
  };
  visit(entry);
  return [...seen];
}

const html = readFileSync(join(root, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
const scripts = refs.filter((r) => r.endsWith('.js')).flatMap(staticGraph);
const styles = refs.filter((r) => r.endsWith('.css') || r.endsWith('.svg'));
const assets = readdirSync(join(root, 'assets'));
const content = assets.filter((f) => /^lesson-.*\.json$/.test(f)).map((f) => `assets/${f}`);
const firstLoad = ['index.html', ...new Set(scripts), ...styles, ...content];

const rows = firstLoad.map((f) => ({ file: f, raw: raw(f), gz: gz(f) }));
const firstTotal = rows.reduce((s, r) => s + r.gz, 0);
const firstJs = rows.filter((r) => r.file.endsWith('.js')).reduce((s, r) => s + r.gz, 0);
const everything = ['index.html', ...styles, ...assets.map((f) => `assets/${f}`)];
const allTotal = everything.reduce((s, f) => s + gz(f), 0);
// Vite names assets [name]-[hash]: an 8-character hash that may itself hold "-" or "_".
const coreWasm = assets.find((f) => /^normlab-[\w-]{8}\.wasm$/.test(f));
const trainWasm = assets.find((f) => /^normlab-train-[\w-]{8}\.wasm$/.test(f));
const pdfMaker = assets.find((f) => /^pdf-download-[\w-]{8}\.js$/.test(f));

const budgets = [
  { what: 'first load (before the learner scrolls)', size: firstTotal, budget: 350 * KB },
  { what: 'first-load JavaScript (entry script and its static imports)', size: firstJs, budget: 50 * KB },
  { what: "figures' WebAssembly module", size: coreWasm ? gz(`assets/${coreWasm}`) : NaN, budget: 60 * KB },
  {
    what: 'training WebAssembly module (worker only)',
    size: trainWasm ? gz(`assets/${trainWasm}`) : NaN,
    budget: 96 * KB,
  },
  // pdf-lib with fontkit, loaded on the first click on Download PDF (502 KB when added, 2026-12-05); the
  // fonts are fetched apart. Vite's chunk-size warning is set just above it (web/vite.config.js).
  {
    what: 'certificate PDF maker (on the first Download PDF)',
    size: pdfMaker ? gz(`assets/${pdfMaker}`) : NaN,
    budget: 520 * KB,
  },
];

console.log('\n### Download sizes (gzip -9)\n');
console.log('| first-load file | bytes | gzipped |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${(r.gz / KB).toFixed(1)} KB |`);
console.log(
  `\nEverything the lesson can load (all figures, Chart.js, both modules, the worker): ${(allTotal / KB).toFixed(1)} KB gzipped.\n`,
);
console.log('| budget | size | limit | |');
console.log('|---|---|---|---|');
let over = 0;
for (const b of budgets) {
  const ok = b.size <= b.budget;
  if (!ok) over++;
  console.log(`| ${b.what} | ${(b.size / KB).toFixed(1)} KB | ${b.budget / KB} KB | ${ok ? 'within' : '**over**'} |`);
}
process.exit(over ? 1 : 0);
