// The module graph of web/src: every relative import names a file that exists, and the folders of web/src
// import each other without a cycle (a folder is a layer: if ui/ reads embed/, embed/ must not read ui/).
// Files at the top of web/src (main.js, core.js, vocabulary.js) are nodes of their own.
// Run: node --test tests/web/imports.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lex } from './ui-text-scan.mjs';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src');
// The emitted WASM glue is generated code, not a module of the page.
const GENERATED = new Set(['wasm']);

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return GENERATED.has(name) && dir === src ? [] : jsFiles(full);
    return name.endsWith('.js') ? [full] : [];
  });
}

/** Relative specifiers a module imports: static and dynamic imports, re-exports and import.meta.glob patterns. */
export function specifiers(source) {
  const { skeleton, literals } = lex(source);
  const found = [];
  const add = (n) => {
    if (/^\.\.?\//.test(literals[n].value)) found.push(literals[n].value);
  };
  for (const m of skeleton.matchAll(/\b(?:from|import)\s*\(?\s*§(\d+)§/g)) add(Number(m[1]));
  for (const m of skeleton.matchAll(/import\.meta\.glob\(\s*(\[[^\]]*\]|§\d+§)/g)) {
    for (const n of m[1].matchAll(/§(\d+)§/g)) add(Number(n[1]));
  }
  return found;
}

/** The node a file belongs to: its first folder under web/src, or its own name at the top. */
const nodeOf = (file) => path.relative(src, file).split(path.sep)[0];

/** Cycles of a graph (Map node → Set of nodes), each as a path [a, b, …, a]; empty when it has none. */
export function findCycles(graph) {
  const cycles = [];
  const state = new Map(); // node → 'open' while on the stack, 'done' after
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const files = jsFiles(src);

test('every relative import of web/src names an existing file', () => {
  const missing = [];
  for (const file of files) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.includes('*')) continue;
      if (!existsSync(path.resolve(path.dirname(file), spec))) missing.push(`${path.relative(src, file)} → ${spec}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the folders of web/src import each other without a cycle', () => {
  const graph = new Map();
  const why = new Map();
  for (const file of files) {
    const from = nodeOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const to = nodeOf(path.resolve(path.dirname(file), spec));
      if (to === from || to.startsWith('..')) continue;
      graph.get(from).add(to);
      if (!why.has(`${from}>${to}`)) why.set(`${from}>${to}`, `${path.relative(src, file)} → ${spec}`);
    }
  }
  const explained = findCycles(graph).map((cycle) =>
    cycle
      .slice(1)
      .map((to, i) => why.get(`${cycle[i]}>${to}`))
      .join(', '),
  );
  assert.deepEqual(explained, []);
});

test('the cycle finder finds a cycle and accepts a layered graph', () => {
  const graph = (edges) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
  assert.deepEqual(findCycles(graph({ ui: ['i18n'], embed: ['ui'], i18n: [] })), []);
  assert.deepEqual(findCycles(graph({ ui: ['embed'], embed: ['ui'] })), [['ui', 'embed', 'ui']]);
  assert.deepEqual(findCycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] })), [['a', 'b', 'c', 'a']]);
  assert.deepEqual(
    specifiers(
      "import { a } from './a.js'; // from './comment.js'\nconst m = import.meta.glob(['../b.js']); import('./c.js'); export { q } from '../q/q.js'; import 'chart.js';",
    ),
    ['./a.js', './c.js', '../q/q.js', '../b.js'],
  );
});

test('every figure name is a folder figures/<name>/ whose index.js exports mount (the registry loads them by name)', async () => {
  const { FIGURE_NAMES } = await import('../../web/src/vocabulary.js');
  for (const name of FIGURE_NAMES) {
    const entry = path.join(src, 'figures', name, 'index.js');
    assert.ok(existsSync(entry), `figures/${name}/index.js`);
    assert.match(
      readFileSync(entry, 'utf8'),
      /export (?:async function mount\b|\{ mount \} from )/,
      `figures/${name}/index.js exports mount`,
    );
  }
});
