// bench/tfjs-backend.mjs — TensorFlow.js 4.22 as the benches run it under Node: tfjs-core with the cpu and
// wasm backends and tfjs-layers, as a deployed page runs it (PROD), the wasm backend single-threaded like
// our module. Leaves the wasm backend selected.
//   const { tf, tfl, simd } = await loadTfjs();
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function loadTfjs() {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  const tfl = await import('@tensorflow/tfjs-layers'); // also registers tfjs-core's gradients
  tf.env().set('PROD', true); // as a deployed page runs it (also silences the "install tfjs-node" hint)
  // Under Node the backend reads its .wasm with fs from this folder (a plain path prefix works; a file://
  // URL does not). Threads off: its threaded binary needs workers, and our module is single-threaded too.
  setWasmPaths(`${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await tf.setBackend('wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return { tf, tfl, simd };
}
