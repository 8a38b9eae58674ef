// Reads back what a certificate PDF shows, for the node and browser tests: every text-showing operator of page 1
// with its position, font and glyph ids, each glyph's Unicode text (the font's ToUnicode map) and whether the
// embedded font program draws something for it (fontkit on the embedded FontFile2).
//
//   inspectPdf(bytes) -> { pageCount, title, author, shows: [{ x, y, size, font, cids, text, glyphs }] }
//     glyphs: [{ cid, text, inked }] (text: the glyph's ToUnicode entry; a ligature has several characters)
//   lineText(shows, y) -> the text of the shows on baseline y, left to right, each show's glyphs in order
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, decodePDFRawStream } from 'pdf-lib';

const latin1 = (bytes) => Buffer.from(bytes).toString('latin1');
const hexText = (hex) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

// bfchar entries "<cid> <utf16>" and bfrange entries "<first> <last> <utf16>" (the forms pdf-lib writes).
function toUnicodeMap(text) {
  const map = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, cid, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      map.set(parseInt(cid, 16), hexText(dst));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, a, b, dst] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = parseInt(dst, 16);
      for (let cid = parseInt(a, 16); cid <= parseInt(b, 16); cid++) {
        map.set(cid, String.fromCodePoint(start + cid - parseInt(a, 16)));
      }
    }
  }
  return map;
}

function fontInfo(font) {
  const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const program = fontkit.create(Buffer.from(decodePDFRawStream(descriptor.lookup(PDFName.of('FontFile2'))).decode()));
  return {
    baseFont: font.lookup(PDFName.of('BaseFont')).decodeText(),
    unicode: toUnicodeMap(latin1(decodePDFRawStream(font.lookup(PDFName.of('ToUnicode'))).decode())),
    inked: (cid) => cid > 0 && cid < program.numGlyphs && program.getGlyph(cid).path.commands.length > 0,
  };
}

export async function inspectPdf(bytes) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPages()[0];
  const fontDict = page.node.Resources().lookup(PDFName.of('Font'), PDFDict);
  const fonts = new Map();
  for (const [key, ref] of fontDict.entries()) fonts.set(key.asString(), fontInfo(doc.context.lookup(ref)));
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const content = streams.map((s) => latin1(decodePDFRawStream(s).decode())).join('\n');
  const shows = [];
  let font = null;
  let size = 0;
  let x = 0;
  let y = 0;
  for (const m of content.matchAll(/(\/\S+) ([\d.]+) Tf|1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|<([0-9A-Fa-f]*)> Tj/g)) {
    if (m[1]) [font, size] = [fonts.get(m[1]), Number(m[2])];
    else if (m[3]) [x, y] = [Number(m[3]), Number(m[4])];
    else {
      const cids = (m[5].match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
      const glyphs = cids.map((cid) => ({ cid, text: font.unicode.get(cid) ?? '\ufffd', inked: font.inked(cid) }));
      const text = glyphs.map((g) => g.text).join('');
      shows.push({ x, y, size, font: font.baseFont, cids, text, glyphs });
    }
  }
  return { pageCount: doc.getPageCount(), title: doc.getTitle(), author: doc.getAuthor(), shows };
}

export function lineText(shows, y) {
  return shows
    .filter((s) => Math.abs(s.y - y) < 0.01)
    .sort((a, b) => a.x - b.x)
    .map((s) => s.text)
    .join('');
}
