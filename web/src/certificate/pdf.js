// A tiny one-page PDF writer for the certificate (no PDF library).
//
// PDF 1.4, A4 landscape, the standard Type 1 fonts Helvetica and Helvetica-Bold with /WinAnsiEncoding (no font
// embedding). Text is converted to WinAnsi (Windows-1252) codes: Latin-1 and the 0x80–0x9F punctuation map
// directly; other characters are decomposed (NFKD) and stripped of accents where that gives a WinAnsi letter
// ("ő" -> "o", "ﬁ" -> "fi"), a few have hand-made stand-ins ("Ł" -> "L", "−" -> "-"), and the rest become "?".
// Literal strings escape ( ) \ and write every byte outside printable ASCII as an octal escape, so the file
// body stays ASCII and the xref byte offsets are simply string lengths.
//
//   toWinAnsi(text) -> number[]           WinAnsi codes
//   textWidth(codes, bold, size) -> pt    from the Adobe AFM widths (ASCII exact, accented letters = base letter)
//   certificatePdf(fields) -> Uint8Array  the certificate as a PDF file

import { t } from '../i18n/i18n.js';

// WinAnsi 0x80–0x9F: the code for each Unicode character that lives there.
const CP1252_HIGH = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};
// Stand-ins for common characters that neither exist in WinAnsi nor decompose into it.
const STAND_INS = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  ſ: 's',
  Ə: 'E',
  ə: 'e',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '−': '-',
  '―': '—',
  '′': "'",
  '″': '"',
  '⁄': '/',
  '∕': '/',
  '→': '->',
  '←': '<-',
  '≤': '<=',
  '≥': '>=',
};

function codeOf(ch) {
  const cp = ch.codePointAt(0);
  if (cp >= 0x20 && cp <= 0x7e) return cp;
  if (cp >= 0xa0 && cp <= 0xff) return cp;
  if (CP1252_HIGH[cp] !== undefined) return CP1252_HIGH[cp];
  return -1;
}

/** Convert text to WinAnsi codes, replacing what WinAnsi cannot show (see the header). */
export function toWinAnsi(text) {
  const out = [];
  for (const ch of String(text)) {
    if (/\s/u.test(ch)) {
      out.push(0x20);
      continue;
    }
    const direct = codeOf(ch);
    if (direct >= 0) {
      out.push(direct);
      continue;
    }
    if (/\p{M}|\p{Cc}|\p{Cf}/u.test(ch)) continue; // lone combining marks, controls, zero-width characters
    const standIn = STAND_INS[ch];
    if (standIn !== undefined) {
      for (const c of standIn) out.push(codeOf(c) >= 0 ? codeOf(c) : 0x3f);
      continue;
    }
    const decomposed = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    const codes = [...decomposed].map(codeOf);
    if (decomposed.length > 0 && codes.every((c) => c >= 0)) out.push(...codes);
    else out.push(0x3f); // "?"
  }
  return out;
}

// Adobe AFM advance widths (1/1000 em) for codes 32..126.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];
const WIDE = { 0x85: 1000, 0x97: 1000, 0x99: 1000, 0x89: 1000, 0x8c: 1000, 0x9c: 944, 0xc6: 1000, 0xe6: 889 };
const NARROW = { 0x95: 350, 0x91: 222, 0x92: 222, 0x82: 222, 0xb7: 278, 0xa0: 278, 0xad: 333 };

function widthOf(code, bold) {
  const table = bold ? HELVETICA_BOLD : HELVETICA;
  if (code >= 32 && code <= 126) return table[code - 32];
  if (WIDE[code]) return WIDE[code];
  if (NARROW[code]) return NARROW[code];
  if (code >= 0xc0 && code <= 0xff) {
    // Accented Latin-1 letters have the width of their base letter.
    const base = String.fromCharCode(code).normalize('NFD')[0].charCodeAt(0);
    if (base >= 32 && base <= 126) return table[base - 32];
  }
  return 556;
}

/** Width in points of WinAnsi `codes` set in Helvetica (or Helvetica-Bold) at `size`. */
export function textWidth(codes, bold, size) {
  let units = 0;
  for (const c of codes) units += widthOf(c, bold);
  return (units * size) / 1000;
}

/** A PDF literal string: ( ) \ escaped, bytes outside printable ASCII as octal. */
export function pdfString(codes) {
  let s = '(';
  for (const c of codes) {
    if (c === 0x28 || c === 0x29 || c === 0x5c) s += `\\${String.fromCharCode(c)}`;
    else if (c < 0x20 || c > 0x7e) s += `\\${c.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(c);
  }
  return `${s})`;
}

// A text string for the document information dictionary: UTF-16BE with a byte order mark, as hex.
function infoString(text) {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** Break `codes` into lines no wider than maxWidth (at word spaces; very long words are cut). */
function wrap(codes, bold, size, maxWidth) {
  const words = [];
  let current = [];
  for (const c of codes) {
    if (c === 0x20) {
      if (current.length) words.push(current);
      current = [];
    } else current.push(c);
  }
  if (current.length) words.push(current);
  const lines = [];
  let line = [];
  for (let word of words) {
    while (textWidth(word, bold, size) > maxWidth && word.length > 1) {
      let cut = word.length - 1;
      while (cut > 1 && textWidth(word.slice(0, cut), bold, size) > maxWidth) cut -= 1;
      if (line.length) lines.push(line);
      lines.push(word.slice(0, cut));
      line = [];
      word = word.slice(cut);
    }
    const candidate = line.length ? [...line, 0x20, ...word] : word;
    if (textWidth(candidate, bold, size) <= maxWidth) line = candidate;
    else {
      if (line.length) lines.push(line);
      line = word;
    }
  }
  if (line.length) lines.push(line);
  return lines.length ? lines : [[]];
}

/** Largest size in [min, max] at which the text fits one line; below that, wrapped lines at `min`. */
function fit(codes, bold, maxSize, minSize, maxWidth) {
  for (let size = maxSize; size >= minSize; size -= 1) {
    if (textWidth(codes, bold, size) <= maxWidth) return { size, lines: [codes] };
  }
  return { size: minSize, lines: wrap(codes, bold, minSize, maxWidth) };
}

const PAGE_W = 842;
const PAGE_H = 595;

/**
 * The certificate as a one-page PDF.
 * @param {{ name: string, title: string, dateText: string, scoreText: string, durationText: string,
 *           id: string, hash: string, kicker?: string, note?: string }} f
 * @returns {Uint8Array}
 */
export function certificatePdf(f) {
  const ops = [];
  const color = (r, g, b) => `${r} ${g} ${b} rg`;
  const INK = [0.1, 0.12, 0.16];
  const MUTED = [0.33, 0.36, 0.42];
  const BLUE = [0.16, 0.29, 0.55];
  // Centered text around cx; returns the baseline below the last line.
  const centered = (
    text,
    { bold = false, size, y, cx = PAGE_W / 2, maxSize, minSize = 10, rgb = INK, width = PAGE_W - 160 },
  ) => {
    const codes = toWinAnsi(text);
    const laid = maxSize ? fit(codes, bold, maxSize, minSize, width) : { size, lines: wrap(codes, bold, size, width) };
    let yy = y;
    for (const line of laid.lines) {
      const x = cx - textWidth(line, bold, laid.size) / 2;
      ops.push(
        `BT /${bold ? 'F2' : 'F1'} ${laid.size} Tf ${color(...rgb)} ${x.toFixed(2)} ${yy.toFixed(2)} Td ${pdfString(line)} Tj ET`,
      );
      yy -= laid.size * 1.2;
    }
    return { next: yy, extra: (laid.lines.length - 1) * laid.size * 1.2 };
  };

  // Frame: a thick outer rule and a thin inner one.
  ops.push('q 0.16 0.29 0.55 RG 3 w 30 30 782 535 re S 0.75 w 40 40 762 515 re S Q');
  centered(f.kicker || t('completion.pdf.kicker'), { bold: true, size: 12, y: 492, rgb: BLUE });
  centered(t('completion.cert.certifies'), { size: 14, y: 440, rgb: MUTED });
  const name = centered(f.name, { bold: true, maxSize: 34, minSize: 16, y: 388 });
  let dy = name.extra; // a wrapped name pushes the rest down
  const title = centered(f.title, { bold: true, maxSize: 20, minSize: 12, y: 300 - dy });
  centered(t('completion.cert.completedLesson'), { size: 14, y: 338 - dy, rgb: MUTED });
  dy += title.extra;
  const ruleY = 268 - dy;
  ops.push(`q 0.75 0.78 0.84 RG 0.75 w 180 ${ruleY.toFixed(2)} m 662 ${ruleY.toFixed(2)} l S Q`);
  const columns = [
    [t('completion.pdf.completed'), f.dateText, ''],
    [t('completion.pdf.score'), f.scoreText, t('completion.cert.scoreSub')],
    [t('completion.pdf.duration'), f.durationText, ''],
  ];
  columns.forEach(([label, value, sub], i) => {
    const cx = PAGE_W / 2 + (i - 1) * 200;
    centered(label, { bold: true, size: 9, y: ruleY - 30, cx, rgb: MUTED, width: 190 });
    centered(value, { size: 14, y: ruleY - 50, cx, width: 190 });
    if (sub) centered(sub, { size: 8.5, y: ruleY - 64, cx, rgb: MUTED, width: 190 });
  });
  centered(t('completion.pdf.id'), { bold: true, size: 9, y: ruleY - 100, rgb: MUTED });
  centered(f.id, { bold: true, size: 18, y: ruleY - 122, rgb: BLUE });
  centered(`SHA-256: ${f.hash}`, { size: 8, y: ruleY - 140, rgb: MUTED });
  centered(f.note || t('completion.pdf.note'), { size: 8.5, y: 58, rgb: MUTED });

  const content = ops.join('\n');
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const pdfDate =
    `D:${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}Z`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${infoString(t('completion.pdf.documentTitle', { title: f.title }))} /Author ${infoString(f.name)} ` +
      `/Creator ${infoString(t('completion.pdf.creator'))} /Producer ${infoString(t('completion.pdf.producer'))} /CreationDate (${pdfDate}) >>`,
  ];
  // The binary comment after the header marks the file as binary for transfer tools (PDF 1.4, 7.5.2).
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i) & 0xff;
  return bytes;
}
