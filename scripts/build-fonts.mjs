#!/usr/bin/env node
// The certificate PDF's fonts, into web/public/fonts/ (served as files, fetched only when a learner downloads
// the PDF; see README, "Certificate fonts").
//
// - fixed-400.woff, fixed-700.woff: Noto Sans cut (hb-subset, npm subset-font) to the characters the
//   certificate's own text can use: printable ASCII, every UI string catalogue, the lesson title and the month
//   names of each catalogue's language. A Latin name usually needs nothing else.
// - The name is arbitrary, so every script gets Noto Sans Bold in the slices fontsource ships (Google Fonts'
//   unicode-range slices, each a few tens of KB): Latin, Greek, Cyrillic and Vietnamese; Arabic; Hebrew; and
//   Simplified Chinese, Traditional Chinese, Japanese, Korean (about 100 slices each). The page fetches only
//   the slices holding the name's characters.
// - index.json: what each file covers (read from its cmap), the CJK families' lists in sc/tc/jp/kr.json.
// Every file is rewritten by scripts/woff.mjs (glyphs padded; see there) and is WOFF 1.0 (zlib), which fontkit
// reads; fontkit's WOFF2 reader draws wrong glyphs. Runs only when an input changed (stamp file).
//
// Usage: node scripts/build-fonts.mjs [--out web/public/fonts]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { padGlyphs, readWoff, writeWoff } from './woff.mjs';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
const out = resolve(argv[0] === '--out' && argv[1] ? argv[1] : join(repoRoot, 'web', 'public', 'fonts'));
const WEIGHT = 700; // the name is set in bold

const FAMILIES = [
  {
    id: 'latin',
    pkg: 'noto-sans',
    slices: ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'],
  },
  { id: 'arabic', pkg: 'noto-sans-arabic', slices: ['arabic'] },
  { id: 'hebrew', pkg: 'noto-sans-hebrew', slices: ['hebrew'] },
  { id: 'sc', pkg: 'noto-sans-sc', cjk: true },
  { id: 'tc', pkg: 'noto-sans-tc', cjk: true },
  { id: 'jp', pkg: 'noto-sans-jp', cjk: true },
  { id: 'kr', pkg: 'noto-sans-kr', cjk: true },
];

const pkgDir = (pkg) => join(repoRoot, 'node_modules', '@fontsource', pkg);
const version = (pkg) => JSON.parse(readFileSync(join(pkgDir(pkg), 'package.json'), 'utf8')).version;

/** Code points as [start, length, gap, length, gap, length, ...] (gaps between runs). */
function encodeCover(codePoints) {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const outList = [];
  let prevEnd = -1;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    outList.push(sorted[i] - prevEnd - 1, j - i + 1);
    prevEnd = sorted[j];
    i = j + 1;
  }
  return outList;
}

function normalise(bytes) {
  return writeWoff(padGlyphs(readWoff(bytes)));
}

function cover(bytes) {
  return encodeCover(fontkit.create(bytes).characterSet.filter((cp) => cp >= 0x20));
}

function strings(value, into) {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, into);
  return into;
}

/** Every character the certificate's fixed text can contain. */
async function fixedText() {
  const dir = join(repoRoot, 'web', 'src', 'i18n');
  const parts = [String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i))];
  for (const file of readdirSync(dir).filter((f) => /^strings-[\w-]+\.js$/.test(f))) {
    const lang = file.slice(8, -3);
    const catalogue = (await import(pathToFileURL(join(dir, file)).href)).default;
    parts.push(...strings(catalogue, []));
    for (let m = 0; m < 12; m++) parts.push(new Date(2026, m, 15).toLocaleDateString(lang, { dateStyle: 'full' }));
  }
  parts.push(JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8')).title);
  return [...new Set(parts.join(''))].filter((c) => c.codePointAt(0) >= 0x20).join('');
}

async function main() {
  const stamp = JSON.stringify({
    versions: FAMILIES.map((f) => `${f.pkg}@${version(f.pkg)}`),
    script: readFileSync(fileURLToPath(import.meta.url), 'utf8').length,
    woff: readFileSync(join(repoRoot, 'scripts', 'woff.mjs'), 'utf8').length,
    text: await fixedText(),
  });
  const stampFile = join(out, '.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const index = { fixed: {}, families: {}, cjk: {} };
  const text = await fixedText();
  for (const weight of [400, 700]) {
    const source = readFileSync(join(pkgDir('noto-sans'), 'files', `noto-sans-latin-${weight}-normal.woff`));
    const bytes = normalise(await subsetFont(source, text, { targetFormat: 'truetype' }));
    const file = `fixed-${weight}.woff`;
    writeFileSync(join(out, file), bytes);
    index.fixed[weight] = { file, cover: cover(bytes) };
  }
  let count = 2;
  for (const family of FAMILIES) {
    const files = join(pkgDir(family.pkg), 'files');
    const names = family.cjk
      ? readdirSync(files)
          .map((f) => new RegExp(`^${family.pkg}-(\\d+)-${WEIGHT}-normal\\.woff$`).exec(f)?.[1])
          .filter(Boolean)
          .sort((a, b) => a - b)
      : family.slices;
    const list = names.map((slice) => {
      const bytes = normalise(readFileSync(join(files, `${family.pkg}-${slice}-${WEIGHT}-normal.woff`)));
      const file = `${family.pkg}-${slice}-${WEIGHT}.woff`;
      writeFileSync(join(out, file), bytes);
      count++;
      return { file, cover: cover(bytes) };
    });
    if (family.cjk) {
      index.cjk[family.id] = `${family.id}.json`;
      writeFileSync(join(out, `${family.id}.json`), JSON.stringify(list));
    } else index.families[family.id] = list;
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify(index));
  writeFileSync(stampFile, stamp);
  console.log(`fonts: ${count} files in ${out}`);
}

await main();
