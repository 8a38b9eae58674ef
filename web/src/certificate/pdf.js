// The certificate as a one-page PDF (A4 landscape), written with pdf-lib and fonts embedded as subsets.
//
// Every text is set in Noto Sans from fonts/ (fonts.js chooses the file per character, text-runs.js orders
// mixed-direction text), so a name in any script the build ships prints as real, selectable text: pdf-lib
// embeds only the glyphs used and a ToUnicode map, so copying the name out of the PDF gives its characters.
// A name with a character no shipped font has (an emoji, a script the build does not ship) is refused with
// MissingGlyphsError rather than printed with empty boxes; the page then offers Print (system fonts).
//
//   certificatePdf(fields, fontSource) -> Promise<Uint8Array>
//   MissingGlyphsError: .characters lists what no font covers

import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { t } from '../i18n/i18n.js';
import { pickFonts } from './fonts.js';
import { visualRuns } from './text-runs.js';

export class MissingGlyphsError extends Error {
  constructor(characters) {
    super(characters.join(' '));
    this.name = 'MissingGlyphsError';
    this.characters = characters;
  }
}

const PAGE_W = 842;
const PAGE_H = 595;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.33, 0.36, 0.42);
const BLUE = rgb(0.16, 0.29, 0.55);
const RULE = rgb(0.75, 0.78, 0.84);

/** Fonts per character of text (embedded in doc on first use); throws MissingGlyphsError. */
async function typeset(doc, source, embedded, raw, weight) {
  // Composed form: "e" + combining acute prints as the font's "é" instead of a mark from another font.
  const text = raw.normalize('NFC');
  const picks = pickFonts(text, await source.candidates(text, weight));
  const missing = new Set();
  for (let i = 0; i < text.length; i++) {
    if (!picks[i] && !/[\udc00-\udfff]/.test(text[i])) missing.add(String.fromCodePoint(text.codePointAt(i)));
  }
  if (missing.size) throw new MissingGlyphsError([...missing]);
  const fonts = [];
  for (const pick of picks) {
    if (!embedded.has(pick.file)) {
      embedded.set(
        pick.file,
        source.bytes(pick.file).then((bytes) => doc.embedFont(bytes, { subset: true })),
      );
    }
    fonts.push(await embedded.get(pick.file));
  }
  return { text, fonts };
}

function lineRuns(set, start, end, size) {
  const runs = visualRuns(set.text.slice(start, end), set.fonts.slice(start, end));
  let width = 0;
  for (const run of runs) {
    run.width = run.font.widthOfTextAtSize(run.text, size);
    width += run.width;
  }
  return { runs, width };
}

/** Line breaks [start, end) at spaces, or between characters in a word wider than maxWidth. */
function wrap(set, size, maxWidth) {
  const text = set.text;
  const fits = (a, b) => lineRuns(set, a, b, size).width <= maxWidth;
  const lines = [];
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (!fits(start, end)) {
      let space = text.lastIndexOf(' ', end - 1);
      while (space > start && !fits(start, space)) space = text.lastIndexOf(' ', space - 1);
      if (space > start) end = space;
      else {
        end = start + 1;
        while (end < text.length && fits(start, end + 1)) end++;
        if (/[\udc00-\udfff]/.test(text[end] ?? '')) end++; // never split a surrogate pair
      }
    }
    lines.push([start, end]);
    start = end;
    while (text[start] === ' ') start++;
  }
  return lines.length ? lines : [[0, 0]];
}

/**
 * A function that draws text centered around cx on the page: at `size`, or at the largest size in
 * [minSize, maxSize] that fits one line, else in wrapped lines. It returns how far extra lines reach down.
 */
function centeredText(doc, page, source) {
  const embedded = new Map();
  return async (
    text,
    { bold = false, size, y, cx = PAGE_W / 2, maxSize, minSize = 10, color = INK, width = PAGE_W - 160 },
  ) => {
    const set = await typeset(doc, source, embedded, text, bold ? 700 : 400);
    let chosen = size ?? maxSize;
    if (maxSize) {
      while (chosen > minSize && lineRuns(set, 0, set.text.length, chosen).width > width) chosen -= 1;
    }
    const lines = wrap(set, chosen, width);
    let yy = y;
    for (const [start, end] of lines) {
      const { runs, width: lineWidth } = lineRuns(set, start, end, chosen);
      let x = cx - lineWidth / 2;
      for (const run of runs) {
        page.drawText(run.text, { x, y: yy, size: chosen, font: run.font, color });
        x += run.width;
      }
      yy -= chosen * 1.2;
    }
    return { extra: (lines.length - 1) * chosen * 1.2 };
  };
}

/**
 * The certificate as a one-page PDF.
 * @param {{ name: string, title: string, dateText: string, scoreText: string, durationText: string,
 *           id: string, hash: string, kicker?: string, note?: string }} f
 * @param {{ candidates(text: string, weight: number): Promise<object[]>, bytes(file: string): Promise<Uint8Array> }} source
 * @returns {Promise<Uint8Array>}
 */
export async function certificatePdf(f, source) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const page = doc.addPage([PAGE_W, PAGE_H]);
  const centered = centeredText(doc, page, source);

  // Frame: a thick outer rule and a thin inner one.
  page.drawRectangle({ x: 30, y: 30, width: 782, height: 535, borderColor: BLUE, borderWidth: 3 });
  page.drawRectangle({ x: 40, y: 40, width: 762, height: 515, borderColor: BLUE, borderWidth: 0.75 });
  await centered(f.kicker || t('completion.pdf.kicker'), { bold: true, size: 12, y: 492, color: BLUE });
  await centered(t('completion.cert.certifies'), { size: 14, y: 440, color: MUTED });
  const name = await centered(f.name, { bold: true, maxSize: 34, minSize: 16, y: 388 });
  let dy = name.extra; // a wrapped name pushes the rest down
  const title = await centered(f.title, { bold: true, maxSize: 20, minSize: 12, y: 300 - dy });
  await centered(t('completion.cert.completedLesson'), { size: 14, y: 338 - dy, color: MUTED });
  dy += title.extra;
  const ruleY = 268 - dy;
  page.drawLine({ start: { x: 180, y: ruleY }, end: { x: 662, y: ruleY }, thickness: 0.75, color: RULE });
  const columns = [
    [t('completion.pdf.completed'), f.dateText, ''],
    [t('completion.pdf.score'), f.scoreText, t('completion.cert.scoreSub')],
    [t('completion.pdf.duration'), f.durationText, ''],
  ];
  for (const [i, [label, value, sub]] of columns.entries()) {
    const cx = PAGE_W / 2 + (i - 1) * 200;
    await centered(label, { bold: true, size: 9, y: ruleY - 30, cx, color: MUTED, width: 190 });
    await centered(value, { size: 14, y: ruleY - 50, cx, width: 190 });
    if (sub) await centered(sub, { size: 8.5, y: ruleY - 64, cx, color: MUTED, width: 190 });
  }
  await centered(t('completion.pdf.id'), { bold: true, size: 9, y: ruleY - 100, color: MUTED });
  await centered(f.id, { bold: true, size: 18, y: ruleY - 122, color: BLUE });
  await centered(`SHA-256: ${f.hash}`, { size: 8, y: ruleY - 140, color: MUTED });
  await centered(f.note || t('completion.pdf.note'), { size: 8.5, y: 58, color: MUTED });

  doc.setTitle(t('completion.pdf.documentTitle', { title: f.title }));
  doc.setAuthor(f.name);
  doc.setCreator(t('completion.pdf.creator'));
  doc.setProducer(t('completion.pdf.producer'));
  doc.setCreationDate(new Date());
  return doc.save();
}
