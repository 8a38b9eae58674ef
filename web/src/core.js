// core.js — the one public entry to the WebAssembly core (web/src/wasm/, built by scripts/build-wasm.sh
// from core/): loadCore() for the figures and loadTrainer() for the training simulation. The modules
// under core/ give each raw module an idiomatic API with defaults, copy typed arrays into the WASM heap
// and back, free every allocation, and turn the core's { error } results into thrown NormlabErrors.
// Nothing here computes a statistic. Works in browsers and in Node >= 20 (the .wasm is read from disk).
import createNormlabModule from './wasm/normlab.mjs';
import { createCore } from './core/figures.js';
import { loadModule } from './core/module.js';
import { createTrainerCore } from './core/trainer.js';

export { NormlabError } from './core/module.js';
export { KINDS, DISTRIBUTIONS } from './core/args.js';

/**
 * Loads the WebAssembly core once per call.
 * options.wasmBinary: the module's bytes (skips fetching); options.wasmUrl: where to fetch them from.
 */
export async function loadCore(options = {}) {
  return createCore(await loadModule(createNormlabModule, new URL('./wasm/normlab.wasm', import.meta.url), options));
}

/**
 * Loads the training simulation's WebAssembly module (separate from loadCore() so that the page's
 * first load stays small; the lesson loads it inside a Web Worker).
 * options.wasmBinary / options.wasmUrl as for loadCore().
 */
export async function loadTrainer(options = {}) {
  const { default: createModule } = await import('./wasm/normlab-train.mjs');
  const wasmFile = new URL('./wasm/normlab-train.wasm', import.meta.url);
  return createTrainerCore(await loadModule(createModule, wasmFile, options));
}
