// The certificate id: SHA-256 of the canonical JSON of the certified fields, shortened for display.
//
// crypto.subtle is used when available; pages served without a secure context (plain http on a LAN, an
// http course page embedding us) have no crypto.subtle, so a small FIPS 180-4 implementation stands in.
// The id is a self-issued record's checksum: it reveals an accidental edit of the printed fields, but it is
// unkeyed, so anyone can recompute it for edited fields; it proves neither who completed the lesson nor that
// the record is genuine (a static page has no private key to sign with).
//
//   canonicalFields(fields) -> string      sorted-key JSON of { date, durationMinutes, name, score, title, total }
//   sha256Hex(text) -> Promise<string>     64 hex digits
//   shortId(hash) -> "3F2A-91BC-0D4E"
//   makeCertificate(fields) -> Promise<certificate record as stored in progress>

import { MAX_NAME_LENGTH } from '../state/progress.js';

/** Canonical JSON (sorted keys) of the certified fields: what the id is computed from. */
export function canonicalFields({ name, title, date, score, total, durationMinutes }) {
  return JSON.stringify({ date, durationMinutes, name, score, title, total });
}

/** Hex SHA-256 of a UTF-8 string (crypto.subtle when available). */
export async function sha256Hex(text) {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (subtle && typeof subtle.digest === 'function') {
    try {
      const digest = await subtle.digest('SHA-256', bytes);
      return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    } catch {
      // fall through to the built-in implementation
    }
  }
  return sha256Fallback(bytes);
}

// FIPS 180-4 SHA-256, for pages served without a secure context (crypto.subtle is missing there).
// The round constants are the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
let ROUND_K = null;
function roundConstants() {
  if (ROUND_K) return ROUND_K;
  const primes = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  ROUND_K = primes.map((p) => Math.floor((Math.cbrt(p) % 1) * 2 ** 32) >>> 0);
  return ROUND_K;
}
export function sha256Fallback(bytes) {
  const K = roundConstants();
  const H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = H;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => {
      H[i] = (H[i] + v) >>> 0;
    });
  }
  return H.map((v) => v.toString(16).padStart(8, '0')).join('');
}

/** 12 hex digits of the hash, upper case, in groups of four: "3F2A-91BC-0D4E". */
export function shortId(hash) {
  return hash.slice(0, 12).toUpperCase().match(/.{4}/g).join('-');
}

/** Trim, collapse spaces, drop control characters, cap the length. */
export function cleanName(raw) {
  return String(raw)
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
}

/** The certificate record (as stored in progress) for these fields. */
export async function makeCertificate({ name, title, date, score, total, durationMinutes }) {
  const fields = { name: cleanName(name), title, date, score, total, durationMinutes };
  const hash = await sha256Hex(canonicalFields(fields));
  return { id: shortId(hash), hash, ...fields };
}
