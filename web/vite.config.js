// Vite config for the lesson page. Root is web/, the build goes to <repo>/dist/web with relative URLs
// (base './'), so the folder works from any path on any static host (or inside a course package).
// Assets are never inlined: the .wasm module and the content file must stay files (a strict CSP allows
// no data: fetches, and a course author may want to read the built lesson.json).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: './',
  publicDir: 'public',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  preview: { host: '127.0.0.1' },
});
