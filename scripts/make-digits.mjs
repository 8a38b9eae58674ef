// make-digits.mjs — writes data/digits/digits.bin, the project's compact copy of the 8x8 digits, from the
// CSV that Debian's python3-sklearn ships (see data/digits/README.md). Reproducible: same input, same bytes.
// Layout: 1797 images x 64 uint8 pixels (0..16, row-major), then 1797 uint8 labels (0..9).
// Usage: node scripts/make-digits.mjs [path/to/digits.csv.gz] [out/digits.bin]
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'data', 'digits', 'digits.csv.gz');
const target = process.argv[3] ?? join(root, 'data', 'digits', 'digits.bin');
const COUNT = 1797,
  PIXELS = 64;

const rows = gunzipSync(readFileSync(source)).toString('utf8').trim().split('\n');
if (rows.length !== COUNT) throw new Error(`expected ${COUNT} rows, found ${rows.length}`);

const out = new Uint8Array(COUNT * (PIXELS + 1));
rows.forEach((row, i) => {
  const values = row.split(',').map(Number);
  if (values.length !== PIXELS + 1) throw new Error(`row ${i + 1}: expected ${PIXELS + 1} values`);
  values.forEach((v, j) => {
    const max = j < PIXELS ? 16 : 9;
    if (!Number.isInteger(v) || v < 0 || v > max)
      throw new Error(`row ${i + 1}, column ${j + 1}: ${v} not in 0..${max}`);
  });
  out.set(values.slice(0, PIXELS), i * PIXELS);
  out[COUNT * PIXELS + i] = values[PIXELS];
});

writeFileSync(target, out);
const sha = createHash('sha256').update(out).digest('hex');
console.log(`wrote ${target}: ${out.length} bytes, sha256 ${sha}`);
