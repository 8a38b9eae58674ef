// The UI string catalogue (web/src/i18n/) and Intl formatting: every key the page uses exists, plurals
// and placeholders work, numbers and dates follow the locale, and no UI text is hard-coded in web/src.
// Run: node --test tests/web/i18n.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  t, hasString, setLocale, formatNumber, formatPercent, formatTimes, formatDuration, formatDate, formatList,
  formatInteger,
} from '../../web/src/i18n/i18n.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = path.join(root, 'web/src');

function sources(dir = srcDir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...sources(file));
    else if (name.endsWith('.js')) out.push(file);
  }
  return out;
}
const files = sources().filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
const rel = (f) => path.relative(root, f);

test('every literal key passed to t() exists in the catalogue', () => {
  setLocale('en');
  const missing = [];
  let count = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
      count += 1;
      if (!hasString(m[1])) missing.push(`${rel(file)}: ${m[1]}`);
    }
  }
  assert.ok(count > 0, 'the page uses the catalogue');
  assert.deepEqual(missing, []);
});

test('no UI text is hard-coded in web/src (text, labels, ARIA, titles, placeholders)', () => {
  // A string literal starting with a letter, in a place that becomes visible or spoken text.
  const patterns = [
    /\btext:\s*(['`])[A-Za-z]/,
    /['"]?aria-(?:label|valuetext|roledescription|description)['"]?\s*[:,]\s*(['`])[A-Za-z]/,
    /\.(?:textContent|innerText|title|placeholder|ariaLabel)\s*=\s*(['`])[A-Za-z]/,
    /\bsetAttribute\(\s*'(?:aria-label|title|placeholder|aria-valuetext)'\s*,\s*(['`])[A-Za-z]/,
    /\b(?:title|placeholder|label|legend|hint|message):\s*(['`])[A-Z][a-z]+ [a-z]/,
    /\b(?:el|h|button)\(\s*'(?:button|span|p|label|legend|h\d|strong|caption|th|td|li|summary|option)'\s*,\s*(['`])[A-Z][a-z]/,
    /\bnew (?:Normlab)?Error\(\s*(['`])[A-Z][a-z]+ [a-z]/,
  ];
  const found = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(line)) return;
      if (patterns.some((p) => p.test(code))) found.push(`${rel(file)}:${i + 1}: ${line.trim().slice(0, 100)}`);
    });
  }
  assert.deepEqual(found, [], `UI text must come from web/src/i18n/strings-en.js:\n${found.join('\n')}`);
});

test('placeholders, plurals and a missing key', () => {
  setLocale('en');
  assert.equal(t('format.times', { value: '1.6' }), '1.6×');
  assert.equal(formatTimes(1.634), '1.6×');
  assert.throws(() => t('no.such.key'), /no UI string "no\.such\.key"/);
});

test('numbers follow the locale, with a real minus sign and a dash for non-finite values', () => {
  setLocale('en');
  assert.equal(formatNumber(-1.23456, { digits: 2 }), '−1.23');
  assert.equal(formatNumber(-0.0001, { digits: 3 }), '0.000');
  assert.equal(formatNumber(NaN), '—');
  assert.equal(formatNumber(Infinity), '—');
  assert.equal(formatNumber(1234.5), '1,234.5');
  assert.equal(formatInteger(1024), '1,024');
  assert.equal(formatNumber(0.00001234, { significant: 3 }), '1.23E−5');
  assert.equal(formatPercent(12.34), '12.3%');
  assert.equal(formatDuration(420), '420ms');
  assert.equal(formatDuration(1234), '1.2s');
  assert.equal(formatList(['BatchNorm', 'LayerNorm', 'RMSNorm']), 'BatchNorm, LayerNorm, and RMSNorm');
  setLocale('de-DE');
  assert.equal(formatNumber(-1.5, { digits: 2 }), '−1,50');
  assert.equal(formatNumber(1234.5), '1.234,5');
  assert.equal(formatDate(new Date(2026, 10, 26)), '26. November 2026');
  // No German catalogue: strings fall back to English, numbers stay German.
  assert.equal(formatTimes(1.634), '1,6×');
  setLocale('en-GB');
  assert.equal(formatDate(new Date(2026, 10, 26)), '26 November 2026');
  setLocale(null);
});

test('the "matches PyTorch" note claims what the parity test checks', async () => {
  const { PARITY } = await import('../../web/src/figures/parity-note.js');
  const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden/torch-vectors.json'), 'utf8'));
  assert.equal(golden.vectors.length, PARITY.vectors);
  assert.ok(golden.torchPackage.includes(PARITY.torch), golden.torchPackage);
  const parity = readFileSync(path.join(root, 'tests/wasm/torch-parity.test.mjs'), 'utf8');
  const tol = parity.match(/TOL = Object\.freeze\(\{ forward: ([\d.e-]+), stats: ([\d.e-]+), grad: ([\d.e-]+)/);
  assert.ok(tol, 'the parity test states its tolerances');
  assert.equal(Number(tol[1]), PARITY.forwardTolerance);
  assert.equal(Number(tol[3]), PARITY.gradientTolerance);
});
