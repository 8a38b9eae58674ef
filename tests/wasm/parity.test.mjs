// The native build and the WASM build give bit-identical sampler streams for one seed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getCore } from './load.mjs';
import { DISTRIBUTIONS } from '../../web/src/core.js';

const core = await getCore();
const cli = fileURLToPath(new URL('../../build/native/normlab_cli', import.meta.url));

test('native CLI is built (npm test builds it first)', () => {
  assert.ok(existsSync(cli), `missing ${cli}: run npm run build:native`);
});

for (const distribution of DISTRIBUTIONS) {
  test(`${distribution}: same seed, same bits natively and in WASM`, () => {
    for (const [seed, shift, scale] of [
      [42, 0, 1],
      [7, 1000, 0.01],
      [123456789, -3, 2.5],
    ]) {
      const bytes = execFileSync(cli, ['sample', distribution, '4096', String(seed), String(shift), String(scale)]);
      const native = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      const wasm = new Uint32Array(core.sample(distribution, 4096, { seed, shift, scale }).buffer);
      assert.equal(wasm.length, native.length);
      const firstDiff = wasm.findIndex((bits, i) => bits !== native[i]);
      assert.equal(firstDiff, -1, `${distribution} seed ${seed}: first differing draw at ${firstDiff}`);
    }
  });
}
