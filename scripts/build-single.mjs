#!/usr/bin/env node
// npm run build:single — the whole lesson as one self-contained HTML file, dist/normalization-lesson.html:
// scripts, styles, the lesson content, both WebAssembly modules and the shipped data inlined
// (web/vite.single.config.js). It works opened straight from disk (file://) with no network.
//
// Usage: node scripts/build-single.mjs [--out <file>]   (default: dist/normalization-lesson.html)
// Builds in a temporary folder; dist/web is not touched.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
let out = join(repoRoot, 'dist', 'normalization-lesson.html');
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--out' && argv[i + 1]) out = resolve(argv[++i]);
  else throw new Error(`unknown argument ${argv[i]} (usage: build-single.mjs [--out <file>])`);
}

const temp = mkdtempSync(join(tmpdir(), 'normlab-single-'));
try {
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.single.config.js', '--outDir', temp, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  const left = readdirSync(temp).filter((name) => name !== 'index.html');
  if (left.length) {
    console.warn(
      `build:single: files that could not be inlined (not shipped; the page works without them): ${left.join(', ')}`,
    );
  }
  const html = readFileSync(join(temp, 'index.html'), 'utf8');
  if (/<script[^>]+src=|<link[^>]+rel="stylesheet"[^>]+href=/.test(html)) {
    throw new Error('build:single: the HTML still refers to external scripts or styles');
  }
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(join(temp, 'index.html'), out);
  console.log(`build:single: ${relative(process.cwd(), out)} (${(html.length / 1024 / 1024).toFixed(2)} MiB)`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
