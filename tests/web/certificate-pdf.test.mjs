// The certificate PDF (web/src/certificate/pdf.js with pdf-lib) for names in every script the build ships:
// read back with certificate-pdf-inspect.mjs, the name's glyphs come from an embedded font that draws each of
// them (no .notdef, no empty glyph), its text reads back as the name, Arabic is shaped, right-to-left and mixed
// text is in visual order; the fixed text and the metadata are there. Needs the fonts of the last build
// (web/public/fonts, from scripts/build-fonts.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificatePdf, MissingGlyphsError } from '../../web/src/certificate/pdf.js';
import { cjkOrder, createFontSource, decodeCover, pickFonts } from '../../web/src/certificate/fonts.js';
import { visualRuns } from '../../web/src/certificate/text-runs.js';
import { inspectPdf, lineText } from './certificate-pdf-inspect.mjs';

const fontsDir = new URL('../../web/public/fonts/', import.meta.url).pathname;
const NAME_Y = 388;
const fields = (name) => ({
  name,
  title: 'Normalization techniques — stabilizing neural networks',
  dateText: '26 November 2026',
  scoreText: '6 of 8',
  durationText: '15 minutes',
  id: 'ABCD-EF01-2345',
  hash: 'ab'.repeat(32),
});

function localFonts(languages = []) {
  assert.ok(existsSync(join(fontsDir, 'index.json')), 'web/public/fonts is missing: run npm run build first');
  const fetched = [];
  const source = createFontSource(
    async (name) => {
      fetched.push(name);
      return new Uint8Array(readFileSync(join(fontsDir, name)));
    },
    { languages },
  );
  return { source, fetched };
}

async function certificateFor(name, languages) {
  const { source, fetched } = localFonts(languages);
  const pdf = await inspectPdf(await certificatePdf(fields(name), source));
  return { pdf, fetched, nameShows: pdf.shows.filter((s) => Math.abs(s.y - NAME_Y) < 0.01) };
}

function assertInked(shows, label) {
  for (const show of shows) {
    for (const glyph of show.glyphs) {
      assert.notEqual(glyph.cid, 0, `${label}: .notdef in "${show.text}" (${show.font})`);
      const blank = /^\s+$/.test(glyph.text);
      assert.ok(glyph.inked || blank, `${label}: glyph ${glyph.cid} of "${show.text}" draws nothing`);
    }
  }
}

const NAMES = [
  {
    script: 'ASCII with PDF syntax characters',
    name: 'Ada (the) Lovelace \\ <img src=x onerror=alert(1)>',
    font: /^NotoSans-Bold/,
  },
  { script: 'Latin with diacritics', name: 'Zoë Łukasz-Dvořák Nguyễn Thị Ånström', font: /^NotoSans-Bold/ },
  { script: 'Greek', name: 'Ελένη Παπαδοπούλου', font: /^NotoSans-Bold/ },
  { script: 'Cyrillic', name: 'Дмитрий Шостакович', font: /^NotoSans-Bold/ },
  { script: 'Chinese (simplified)', name: '李小龙 王芳', font: /^NotoSansSC-Bold/ },
  { script: 'Chinese (traditional)', name: '陳大文 劉德華', languages: ['zh-TW'], font: /^NotoSansTC-Bold/ },
  { script: 'Japanese', name: '山田 たろう', font: /^NotoSansJP-Bold/ },
  { script: 'Korean', name: '김민준', font: /^NotoSansKR-Bold/ },
  { script: 'Arabic', name: 'محمد بن علي', rtl: true, font: /^NotoSansArabic-Bold/ },
  { script: 'Hebrew', name: 'שרה כהן', rtl: true, font: /^NotoSansHebrew-Bold/ },
];

for (const { script, name, languages, rtl, font } of NAMES) {
  test(`a ${script} name prints with an embedded font that has every character`, async () => {
    const { pdf, nameShows } = await certificateFor(name, languages);
    assert.equal(pdf.pageCount, 1);
    assert.equal(pdf.author, name);
    assert.ok(nameShows.length > 0);
    assertInked(nameShows, script);
    assert.ok(
      nameShows.some((s) => font.test(s.font)),
      `${script}: fonts ${nameShows.map((s) => s.font)}`,
    );
    // Right-to-left glyphs are stored in visual order: read back right to left.
    const text = lineText(pdf.shows, NAME_Y);
    assert.equal(rtl ? [...text].reverse().join('') : text, name);
  });
}

test('Arabic letters are shaped: the same letter takes a different glyph in another position', async () => {
  const { nameShows } = await certificateFor('ممم');
  assert.equal(nameShows.length, 1);
  const [final, medial, initial] = nameShows[0].cids; // visual order: left is the end of the word
  assert.equal(nameShows[0].text, 'ممم');
  assert.equal(new Set([final, medial, initial]).size, 3, 'initial, medial and final forms');
});

test('mixed right-to-left and left-to-right text is in visual order, brackets mirrored', async () => {
  const { nameShows, pdf } = await certificateFor('محمد (Ali) 2026');
  assertInked(nameShows, 'mixed');
  assert.equal(lineText(pdf.shows, NAME_Y), '2026 (Ali) دمحم');
});

test('the fixed text uses the build-time subsets; a Latin name fetches nothing else', async () => {
  const { pdf, fetched, nameShows } = await certificateFor('Ada Lovelace');
  assert.deepEqual(fetched.sort(), ['fixed-400.woff', 'fixed-700.woff', 'index.json']);
  assertInked(pdf.shows, 'fixed text');
  const all = pdf.shows.map((s) => s.text).join('\n');
  for (const part of ['CERTIFICATE OF COMPLETION', 'This certifies that', 'Normalization techniques — stabilizing']) {
    assert.ok(all.includes(part), part);
  }
  for (const part of ['ABCD-EF01-2345', '26 November 2026', '6 of 8', '15 minutes', `SHA-256: ${'ab'.repeat(32)}`]) {
    assert.ok(
      pdf.shows.some((s) => s.text === part),
      part,
    );
  }
  assert.equal(lineText(nameShows, NAME_Y), 'Ada Lovelace');
  assert.equal(pdf.title, 'Certificate of completion — Normalization techniques — stabilizing neural networks');
});

test('a name typed with combining marks prints in composed form', async () => {
  const { pdf, nameShows } = await certificateFor('Zoe\u0308 Nguye\u0302\u0303n');
  assertInked(nameShows, 'combining');
  assert.equal(lineText(pdf.shows, NAME_Y), 'Zoë Nguyễn');
});

test('a long name shrinks, then wraps onto more lines, and pushes the rest down', async () => {
  const { pdf } = await certificateFor('Wolfgang Amadeus '.repeat(6).trim());
  const nameLines = new Set(pdf.shows.filter((s) => s.size === 16).map((s) => s.y));
  assert.ok(nameLines.size >= 2, 'wrapped at the minimum size');
  const title = pdf.shows.find((s) => s.text.startsWith('Normalization'));
  assert.ok(title.y < 300, 'the title moved down');
});

test('a character no shipped font has is refused with the characters named, not drawn as boxes', async () => {
  const { source } = localFonts();
  await assert.rejects(certificatePdf(fields('Ada 😀 ᚠ'), source), (error) => {
    assert.ok(error instanceof MissingGlyphsError);
    assert.deepEqual(error.characters, ['😀', 'ᚠ']);
    return true;
  });
});

test('font choice: compact cover lists, CJK family order, fonts kept across spaces', () => {
  assert.deepEqual(decodeCover([65, 3, 2, 1]), [
    [65, 67],
    [70, 70],
  ]);
  assert.deepEqual(cjkOrder('山田たろう', ['ko']), ['jp', 'kr', 'sc', 'tc']);
  assert.deepEqual(cjkOrder('김민준'), ['kr', 'sc', 'tc', 'jp']);
  assert.deepEqual(cjkOrder('陳大文', ['en', 'zh-HK']), ['tc', 'sc', 'jp', 'kr']);
  const arabic = {
    file: 'a',
    ranges: [
      [0x20, 0x20],
      [0x600, 0x6ff],
    ],
  };
  const latin = { file: 'l', ranges: [[0x20, 0x7e]] };
  const picks = pickFonts('مح مد x', [latin, arabic]);
  assert.deepEqual(
    picks.map((p) => p.file),
    ['a', 'a', 'a', 'a', 'a', 'a', 'l'],
    'the space between Arabic words stays in the Arabic run',
  );
  const ascii = { file: 'fixed', ranges: [[0x20, 0x7e]] };
  const latin1 = { file: 'latin', ranges: [[0x20, 0xff]] };
  assert.deepEqual(
    pickFonts('Ada Zoë', [ascii, latin1]).map((p) => p.file),
    ['fixed', 'fixed', 'fixed', 'fixed', 'latin', 'latin', 'latin'],
    'a word goes whole to a font that has all of it',
  );
});

test('visual runs: the Unicode Bidirectional Algorithm orders mixed text and mirrors brackets', () => {
  const text = 'محمد (Ali) 2026';
  const one = new Array(text.length).fill('F');
  const runs = visualRuns(text, one);
  assert.deepEqual(
    runs.map((r) => [r.text, r.rtl]),
    [
      ['2026', false],
      [' (', true],
      ['Ali', false],
      ['محمد )', true],
    ],
  );
  assert.deepEqual(
    visualRuns('Ada שרה', new Array(7).fill('F')).map((r) => r.text),
    ['Ada ', 'שרה'],
  );
});
