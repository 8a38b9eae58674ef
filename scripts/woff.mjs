// WOFF 1.0 read and write, and the one repair the shipped fonts need before fontkit can subset them.
//
// fontkit's TrueType subsetter (inside pdf-lib's font embedding) copies each glyph's bytes as they are and
// writes the short loca format (offsets / 2) whenever the subset is small: a glyph of odd length then shifts
// every glyph after it, and the PDF shows garbage or nothing (Noto Sans Arabic's slices have hundreds of
// odd-length glyphs). padGlyphs() rewrites glyf with every glyph padded to a multiple of four bytes (what the
// OpenType spec recommends) and loca in the long format, so any subset of any shipped font is well formed.
//
//   readWoff(bytes) -> Map(tag -> table bytes)     also accepts a bare sfnt (TrueType) file
//   padGlyphs(tables) -> tables                     glyf/loca/head rewritten as described above
//   writeWoff(tables) -> Buffer                     tables zlib-compressed where that is smaller
import { deflateSync, inflateSync } from 'node:zlib';

const TRUETYPE = 0x00010000;

/** The tables of a WOFF 1.0 or sfnt file. */
export function readWoff(bytes) {
  const buf = Buffer.from(bytes);
  const tables = new Map();
  if (buf.toString('latin1', 0, 4) === 'wOFF') {
    const count = buf.readUInt16BE(12);
    for (let i = 0; i < count; i++) {
      const at = 44 + i * 20;
      const tag = buf.toString('latin1', at, at + 4);
      const [offset, compLength, origLength] = [4, 8, 12].map((d) => buf.readUInt32BE(at + d));
      const raw = buf.subarray(offset, offset + compLength);
      tables.set(tag, compLength < origLength ? inflateSync(raw) : Buffer.from(raw));
    }
    return tables;
  }
  if (buf.readUInt32BE(0) !== TRUETYPE) throw new Error('readWoff: neither WOFF 1.0 nor TrueType');
  const count = buf.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = buf.toString('latin1', at, at + 4);
    const offset = buf.readUInt32BE(at + 8);
    tables.set(tag, Buffer.from(buf.subarray(offset, offset + buf.readUInt32BE(at + 12))));
  }
  return tables;
}

/** glyf with every glyph padded to 4 bytes, loca in the long format, head.indexToLocFormat = 1. */
export function padGlyphs(tables) {
  const head = Buffer.from(tables.get('head'));
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!glyf || !loca) return tables;
  const long = head.readInt16BE(50) === 1;
  const count = loca.length / (long ? 4 : 2) - 1;
  const offset = (i) => (long ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  const parts = [];
  const newLoca = Buffer.alloc((count + 1) * 4);
  let at = 0;
  for (let i = 0; i < count; i++) {
    newLoca.writeUInt32BE(at, i * 4);
    const bytes = glyf.subarray(offset(i), offset(i + 1));
    const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
    bytes.copy(padded);
    parts.push(padded);
    at += padded.length;
  }
  newLoca.writeUInt32BE(at, count * 4);
  head.writeInt16BE(1, 50);
  // checkSumAdjustment describes an sfnt file that is never built; neither fontkit nor PDF readers check it.
  head.writeUInt32BE(0, 8);
  return new Map([...tables, ['head', head], ['loca', newLoca], ['glyf', Buffer.concat(parts)]]);
}

function checksum(bytes) {
  const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
  Buffer.from(bytes).copy(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** A WOFF 1.0 file of these tables (sorted by tag, as the format requires). */
export function writeWoff(tables) {
  const tags = [...tables.keys()].sort();
  const sfntHeader = 12 + 16 * tags.length;
  const entries = tags.map((tag) => {
    const data = tables.get(tag);
    const packed = deflateSync(data, { level: 9 });
    return { tag, data, stored: packed.length < data.length ? packed : data };
  });
  const dirEnd = 44 + 20 * entries.length;
  const out = [];
  let offset = dirEnd;
  const dir = Buffer.alloc(20 * entries.length);
  let sfntSize = sfntHeader;
  entries.forEach((e, i) => {
    dir.write(e.tag, i * 20, 'latin1');
    dir.writeUInt32BE(offset, i * 20 + 4);
    dir.writeUInt32BE(e.stored.length, i * 20 + 8);
    dir.writeUInt32BE(e.data.length, i * 20 + 12);
    dir.writeUInt32BE(checksum(e.data), i * 20 + 16);
    const padded = Buffer.alloc(Math.ceil(e.stored.length / 4) * 4);
    e.stored.copy(padded);
    out.push(padded);
    offset += padded.length;
    sfntSize += Math.ceil(e.data.length / 4) * 4;
  });
  const header = Buffer.alloc(44);
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(TRUETYPE, 4);
  header.writeUInt32BE(offset, 8);
  header.writeUInt16BE(entries.length, 12);
  header.writeUInt32BE(sfntSize, 16);
  return Buffer.concat([header, dir, ...out]);
}
