// ESLint (flat config): the recommended rules for every JavaScript file, with the globals of where each file
// runs, and our one rule of our own: a function holds at most 60 lines outside the functions nested in it
// (scripts/lint/function-length.js says why ESLint's max-lines-per-function does not fit). Formatting is
// Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import functionLength from './scripts/lint/function-length.js';

export default [
  { ignores: ['node_modules/', 'build/', 'build-*/', 'dist/', 'test-results/', 'web/src/wasm/', 'web/public/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { normlab: { rules: { 'function-length': functionLength } } },
    rules: { 'normlab/function-length': ['error', { max: 60 }] },
  },
  // The page, and its training worker.
  {
    files: ['web/src/**/*.js'],
    // __NORMLAB_SINGLE_FILE__ is replaced at build time (Vite's `define` in web/vite*.config.js).
    languageOptions: { globals: { ...globals.browser, __NORMLAB_SINGLE_FILE__: 'readonly' } },
  },
  // core/module.js also loads the modules in Node (the WASM tests and benchmarks import core.js there).
  { files: ['web/src/core/module.js'], languageOptions: { globals: { process: 'readonly' } } },
  { files: ['web/src/training/*-worker.js'], languageOptions: { globals: { ...globals.worker } } },
  // Node scripts and tests. Browser tests and benchmarks also hold functions that run inside the page
  // (page.evaluate), so they see both sets of globals.
  { files: ['scripts/**', 'tests/**', 'bench/**', 'web/*.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['tests/e2e/**', 'bench/**', 'tests/web/**'], languageOptions: { globals: { ...globals.browser } } },
];
