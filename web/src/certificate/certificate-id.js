// The certificate id: SHA-256 of the canonical JSON of the certified fields, shortened for display.
//
// The hash is @noble/hashes' (audited, no dependencies): crypto.subtle would do it too, but only in a secure
// context, and a course page on plain http embeds us without one; one implementation serves every page.
// The id is a self-issued record's checksum: it reveals an accidental edit of the printed fields, but it is
// unkeyed, so anyone can recompute it for edited fields; it proves neither who completed the lesson nor that
// the record is genuine (a static page has no private key to sign with).
//
//   canonicalFields(fields) -> string      sorted-key JSON of { date, durationMinutes, name, score, title, total }
//   sha256Hex(text) -> string              64 hex digits
//   shortId(hash) -> "3F2A-91BC-0D4E"
//   makeCertificate(fields) -> Promise<certificate record as stored in progress>

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_NAME_LENGTH } from '../state/progress.js';

/** Canonical JSON (sorted keys) of the certified fields: what the id is computed from. */
export function canonicalFields({ name, title, date, score, total, durationMinutes }) {
  return JSON.stringify({ date, durationMinutes, name, score, title, total });
}

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text) {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
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
  const hash = sha256Hex(canonicalFields(fields));
  return { id: shortId(hash), hash, ...fields };
}
