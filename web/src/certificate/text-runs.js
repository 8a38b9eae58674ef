// A line of text as runs in visual order (left to right), each in one font and one direction, for pdf-lib.
//
// pdf-lib draws a string in one font through fontkit, which shapes it (Arabic letters joined, marks placed)
// and, for a right-to-left script, reverses the glyphs; it has no bidirectional algorithm for mixed text and no
// font fallback. So the line is cut here: the Unicode Bidirectional Algorithm (bidi-js) gives each character
// its level and the visual order, the line is split where the font (pickFonts) or the level changes, and each
// run is handed to fontkit in logical order. Brackets in right-to-left runs are mirrored; a right-to-left run
// without a right-to-left letter (fontkit would not reverse it) is reversed here.
//
//   visualRuns(text, picks) -> [{ text, font, rtl }]   picks: one font per UTF-16 unit (fonts.js pickFonts)

import bidiFactory from 'bidi-js';

let bidi = null;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** The runs of one line, left to right. */
export function visualRuns(text, picks) {
  if (!text) return [];
  bidi ??= bidiFactory();
  const embedding = bidi.getEmbeddingLevels(text, 'auto');
  const { levels } = embedding;
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(text, embedding)) {
    const part = order.slice(start, end + 1).reverse();
    order.splice(start, part.length, ...part);
  }
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const runs = [];
  let run = null;
  for (const i of order) {
    const rtl = (levels[i] & 1) === 1;
    const joins =
      run && run.font === picks[i] && run.level === levels[i] && (rtl ? i === run.first - 1 : i === run.last + 1);
    if (joins) {
      if (rtl) run.first = i;
      else run.last = i;
    } else {
      run = { font: picks[i], level: levels[i], first: i, last: i };
      runs.push(run);
    }
  }
  return runs.map(({ font, level, first, last }) => {
    const rtl = (level & 1) === 1;
    let logical = '';
    for (let i = first; i <= last; i++) logical += mirrored.get(i) ?? text[i];
    // fontkit reverses only runs whose script is right-to-left.
    const out = rtl && !RTL_LETTER.test(logical) ? [...logical].reverse().join('') : logical;
    return { text: out, font, rtl };
  });
}
