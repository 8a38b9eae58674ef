// Unit tests of the certificate id (certificate-id.js): SHA-256 (@noble/hashes, checked against WebCrypto) and the id.
// The PDF is tested in certificate-pdf.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalFields,
  cleanName,
  makeCertificate,
  sha256Hex,
  shortId,
} from '../../web/src/certificate/certificate-id.js';

const enc = (s) => new TextEncoder().encode(s);

test('SHA-256 matches the FIPS 180-4 test vectors and WebCrypto', async () => {
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(
    sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  for (const s of ['Zoë Łukasz 李', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]) {
    assert.equal(sha256Hex(s), hex(await crypto.subtle.digest('SHA-256', enc(s))), s.slice(0, 10));
  }
});

test('the certificate id is the grouped 12-hex prefix of the SHA-256 of the canonical fields', async () => {
  const fields = {
    name: '  Ada   Lovelace ',
    title: 'Normalization techniques — stabilizing neural networks',
    date: '2026-11-26',
    score: 6,
    total: 8,
    durationMinutes: 15,
  };
  const cert = await makeCertificate(fields);
  assert.equal(cert.name, 'Ada Lovelace');
  assert.equal(cert.hash, sha256Hex(canonicalFields({ ...fields, name: 'Ada Lovelace' })));
  assert.match(cert.id, /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.equal(cert.id, shortId(cert.hash));
  const other = await makeCertificate({ ...fields, score: 7 });
  assert.notEqual(other.id, cert.id, 'changing a field changes the id');
  assert.equal(cleanName('a\u0000b\u200bc\n d'), 'abc d');
});
