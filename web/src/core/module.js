// module.js — loading one of the core's WebAssembly modules, and its one error protocol: every binding
// returns its result, or { error, argument } when the core rejected an argument (core/bindings/common.hpp),
// which check() turns into a thrown NormlabError. Works in browsers (the .wasm is fetched next to the
// glue) and in Node >= 20 (read from disk).

/** An invalid argument, named as in this API (e.g. "groups"); the message states the constraint. */
export class NormlabError extends Error {
  constructor(message, argument = '') {
    super(message);
    this.name = 'NormlabError';
    this.argument = argument;
  }
}

/** Throws the NormlabError "<argument>: <constraint>". */
export function fail(argument, constraint) {
  throw new NormlabError(`${argument}: ${constraint}`, argument);
}

/** A binding's result, or the NormlabError it reported. */
export function check(result) {
  if (result?.error !== undefined) throw new NormlabError(result.error, result.argument);
  return result;
}

/** A hot call's status (>= 0), or the NormlabError of the error the module kept for takeError(). */
export function checkStatus(M, status) {
  return status < 0 ? check(M.takeError()) : status;
}

const isNode =
  typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

async function readFromDisk(url) {
  // A variable specifier keeps bundlers from trying to pull node:fs into the browser build.
  const fsModule = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fsModule);
  return readFile(url);
}

/**
 * Instantiates a module from its Emscripten factory. wasmFile: the .wasm's URL, read from disk under Node.
 * options.wasmBinary: the module's bytes (skips fetching); options.wasmUrl: where to fetch them from.
 */
export async function loadModule(createModule, wasmFile, options = {}) {
  const args = {};
  if (options.wasmBinary) args.wasmBinary = options.wasmBinary;
  else if (isNode) args.wasmBinary = await readFromDisk(wasmFile);
  else if (options.wasmUrl) args.locateFile = () => String(options.wasmUrl);
  return createModule(args);
}
