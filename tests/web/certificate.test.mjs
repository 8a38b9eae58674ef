// Unit tests of the certificate helpers (certificate-id.js, pdf.js): SHA-256 (WebCrypto and the built-in fallback), the id, and the
// one-page PDF writer (structure, xref offsets, WinAnsi conversion and escaping).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalFields,
  cleanName,
  makeCertificate,
  sha256Fallback,
  sha256Hex,
  shortId,
} from '../../web/src/certificate/certificate-id.js';
import { certificatePdf, pdfString, textWidth, toWinAnsi } from '../../web/src/certificate/pdf.js';

const enc = (s) => new TextEncoder().encode(s);

test('SHA-256 fallback matches the FIPS 180-4 test vectors and WebCrypto', async () => {
  assert.equal(sha256Fallback(enc('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Fallback(enc('')), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(
    sha256Fallback(enc('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  for (const s of ['Zoë Łukasz 李', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]) {
    assert.equal(sha256Fallback(enc(s)), await sha256Hex(s), s.slice(0, 10));
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
  assert.equal(cert.hash, await sha256Hex(canonicalFields({ ...fields, name: 'Ada Lovelace' })));
  assert.match(cert.id, /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.equal(cert.id, shortId(cert.hash));
  const other = await makeCertificate({ ...fields, score: 7 });
  assert.notEqual(other.id, cert.id, 'changing a field changes the id');
  assert.equal(cleanName('a\u0000b\u200bc\n d'), 'abc d');
});

test('WinAnsi conversion: Latin-1 kept, cp1252 punctuation mapped, others replaced sensibly', () => {
  assert.deepEqual(toWinAnsi('Zoë'), [0x5a, 0x6f, 0xeb]);
  assert.deepEqual(toWinAnsi('—€“”'), [0x97, 0x80, 0x93, 0x94]);
  assert.deepEqual(String.fromCharCode(...toWinAnsi('Łukasz Dvořák ﬁ')), 'Lukasz Dvor\xe1k fi');
  assert.deepEqual(String.fromCharCode(...toWinAnsi('李 😀')), '? ?');
  assert.deepEqual(String.fromCharCode(...toWinAnsi('a\tb')), 'a b');
});

test('PDF strings escape parentheses and backslashes, and write non-ASCII bytes as octal', () => {
  assert.equal(pdfString(toWinAnsi('a(b)c\\d')), '(a\\(b\\)c\\\\d)');
  assert.equal(pdfString(toWinAnsi('é—')), '(\\351\\227)');
  assert.ok(textWidth(toWinAnsi('WWW'), true, 10) > textWidth(toWinAnsi('iii'), true, 10));
});

test('certificatePdf writes a valid one-page PDF 1.4 with a consistent xref table', () => {
  const bytes = certificatePdf({
    name: 'Ada (the) Lovelace \\ <img src=x onerror=alert(1)>',
    title: 'Normalization techniques — stabilizing neural networks',
    dateText: '26 November 2026',
    scoreText: '6 of 8',
    durationText: '15 minutes',
    id: 'ABCD-EF01-2345',
    hash: 'ab'.repeat(32),
  });
  const text = Buffer.from(bytes).toString('latin1');
  assert.ok(text.startsWith('%PDF-1.4\n'));
  assert.ok(text.trimEnd().endsWith('%%EOF'));
  assert.match(text, /\/BaseFont \/Helvetica \/Encoding \/WinAnsiEncoding/);
  assert.match(text, /\/Type \/Pages \/Kids \[3 0 R\] \/Count 1/);
  assert.ok(text.includes('(Ada \\(the\\) Lovelace \\\\ <img src=x onerror=alert\\(1\\)>)'));
  // Every xref entry points at "n 0 obj".
  const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)[1]);
  assert.ok(text.slice(startxref).startsWith('xref\n'));
  const entries = text.slice(startxref).split('\n').slice(3, 10);
  entries.forEach((line, i) => {
    const offset = Number(line.slice(0, 10));
    assert.ok(text.slice(offset).startsWith(`${i + 1} 0 obj`), `object ${i + 1} at ${offset}`);
  });
  // The content stream's /Length is exact.
  const m = /<< \/Length (\d+) >>\nstream\n/.exec(text);
  const start = m.index + m[0].length;
  assert.equal(text.slice(start + Number(m[1]), start + Number(m[1]) + 10), '\nendstream');
});
