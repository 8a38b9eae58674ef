// The UI string catalogue (web/src/i18n/) and Intl formatting: every key the page uses exists and every
// entry is used, placeholders agree between entries and call sites, web/index.html's text is the catalogue's,
// numbers and dates follow the locale, and no UI text is hard-coded in web/src.
// Run: node --test tests/web/i18n.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  t,
  hasString,
  setLocale,
  formatNumber,
  formatPercent,
  formatTimes,
  formatDuration,
  formatDate,
  formatList,
  formatInteger,
} from '../../web/src/i18n/i18n.js';
import en from '../../web/src/i18n/strings-en.js';
import { withDurations } from '../../web/src/content/durations.js';
import { applyStaticText, parseAttrSpec } from '../../web/src/i18n/apply-static.js';
import { findKeyUses, findUiText, lex } from './ui-text-scan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const srcDir = path.join(root, 'web/src');
const i18nDir = path.join(srcDir, 'i18n');

function sources(dir = srcDir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...sources(file));
    else if (name.endsWith('.js')) out.push(file);
  }
  return out;
}
const allFiles = sources();
const isCatalogue = (f) => /[\\/]i18n[\\/]strings-[\w-]+\.js$/.test(f);
// The page's code: everything but the catalogues (i18n.js itself uses format.times).
const codeFiles = allFiles.filter((f) => !isCatalogue(f));
const files = codeFiles.filter((f) => !f.startsWith(i18nDir + path.sep));
const rel = (f) => path.relative(root, f);
const html = readFileSync(path.join(root, 'web/index.html'), 'utf8');
// The badges as the page shows them: the duration computed from the content.
const content = withDurations(JSON.parse(readFileSync(path.join(root, 'web/content/lesson.json'), 'utf8')));

/** Every entry of a catalogue: "ns.key" -> string, or an object of plural forms. */
function entries(cat, prefix = '') {
  const out = new Map();
  for (const [name, value] of Object.entries(cat)) {
    const key = prefix ? `${prefix}.${name}` : name;
    const plural = value && typeof value === 'object' && typeof value.other === 'string';
    if (value && typeof value === 'object' && !plural) for (const [k, v] of entries(value, key)) out.set(k, v);
    else out.set(key, value);
  }
  return out;
}
const catalogue = entries(en);
const placeholders = (text) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const entryPlaceholders = (value) =>
  typeof value === 'string' ? placeholders(value) : new Set(Object.values(value).flatMap((v) => [...placeholders(v)]));

// Files whose sentences are diagnostics for programmers and course authors, not the learner's UI: the rules
// that judge a literal by how it reads (sentence, phrase, returned prose) are lifted for them; the rules for
// where text goes (text:, aria-label, textContent, children…) still apply. Each entry gives its reason.
const DIAGNOSTIC_SOURCES = {
  'web/src/core.js': 'argument errors of the core API, for programmers (figures show catalogue messages)',
  'web/src/core/args.js': 'the argument type errors of the same core API (web/src/core.js)',
  'web/src/core/figures.js': 'the argument errors of the same core API (web/src/core.js)',
  'web/src/core/normalization.js': 'the option errors of the same core API (web/src/core.js)',
  'web/src/core/heap.js': 'the out-of-memory error of the same core API (web/src/core.js)',
  'web/src/core/norm-options.js': 'the option type errors of the same core API (web/src/core.js)',
  'web/src/core/trainer.js': 'the argument errors of the same core API, training module (web/src/core.js)',
  'web/src/content/schema.js':
    'content-file validation errors for course authors, listed verbatim as code under a catalogue title',
  'web/src/content/check-context.js': 'the inline-text, id and concept rules of the same content-file validation',
  'web/src/content/check-blocks.js': 'the section and block rules of the same content-file validation',
  'web/src/content/check-text.js': 'the top-level, reference and figureText rules of the same content-file validation',
  'web/src/predict/schema.js': "the predict blocks' part of the content-file validation (called by content/schema.js)",
  'web/src/content/check-math.js': 'the formula rules of the same content-file validation',
  'web/src/ui/math-tree.js':
    'the MathML allowlist (element and attribute names) and the tree problems the validation lists',
  'web/src/state/progress-record.js':
    "why a stored record was rejected: a diagnostic detail for the console, never the learner's message",
  'web/src/mastery/mastery-state.js': 'the mastery part of the same stored-record validation (progress-record.js)',
};

test('every literal key passed to t() exists in the catalogue, and every template key has entries', () => {
  setLocale('en');
  const missing = [];
  let count = 0;
  const isKey = (value) => catalogue.has(value);
  for (const file of codeFiles) {
    const uses = findKeyUses(readFileSync(file, 'utf8'), isKey);
    for (const call of uses.calls) {
      count += 1;
      // An entry, not a namespace: t('completion.pdf') on a group of strings throws at run time.
      if (!hasString(call.key)) missing.push(`${rel(file)}:${call.line}: ${call.key}`);
      else if (!catalogue.has(call.key))
        missing.push(`${rel(file)}:${call.line}: ${call.key} is a namespace, not a string`);
    }
    for (const prefix of uses.prefixes) {
      if (![...catalogue.keys()].some((k) => k.startsWith(prefix))) missing.push(`${rel(file)}: t(\`${prefix}…\`)`);
    }
  }
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g))
    if (!catalogue.has(m[1])) missing.push(`web/index.html: ${m[1]}`);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const [, key] of parseAttrSpec(m[1])) if (!catalogue.has(key)) missing.push(`web/index.html: ${key}`);
  }
  assert.ok(count > 0, 'the page uses the catalogue');
  assert.deepEqual(missing, []);
});

test('every catalogue entry is used in web/src or web/index.html', () => {
  // A key counts as used when it is t()'s literal first argument, when a string literal anywhere equals
  // it (a table of keys passed to t() later), when web/index.html names it (data-i18n, data-i18n-attr), or
  // when it starts with the static part of a template key: t(`kinds.${kind}`) uses every "kinds.…" entry.
  const used = new Set();
  const prefixes = new Set();
  for (const file of codeFiles) {
    const uses = findKeyUses(readFileSync(file, 'utf8'), (value) => catalogue.has(value));
    for (const key of uses.keys) used.add(key);
    for (const prefix of uses.prefixes) prefixes.add(prefix);
  }
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const [, key] of parseAttrSpec(m[1])) used.add(key);
  const unused = [...catalogue.keys()].filter(
    (key) => !used.has(key) && ![...prefixes].some((p) => p && key.startsWith(p)),
  );
  assert.deepEqual(unused, [], 'catalogue entries nothing uses (remove them, or use them)');
});

test('placeholders are well formed, agree between plural forms, and match what each call passes', () => {
  const problems = [];
  for (const [key, value] of catalogue) {
    if (value === null || (typeof value !== 'string' && typeof value !== 'object')) {
      problems.push(`${key}: not a string or plural object`);
      continue;
    }
    const forms = typeof value === 'string' ? { '': value } : value;
    for (const [form, text] of Object.entries(forms)) {
      if (typeof text !== 'string') problems.push(`${key}.${form}: not a string`);
      else if (/[{}]/.test(text.replace(/\{\w+\}/g, ''))) problems.push(`${key}${form && `.${form}`}: a stray brace`);
    }
    if (typeof value === 'object') {
      const other = placeholders(value.other);
      for (const [form, text] of Object.entries(value)) {
        if (!['zero', 'one', 'two', 'few', 'many', 'other'].includes(form))
          problems.push(`${key}.${form}: not a plural category`);
        // A form may leave a placeholder out ("1 group: {min}" needs no {max}), never bring a new one.
        const extra = [...placeholders(text)].filter((p) => !other.has(p));
        if (extra.length) problems.push(`${key}.${form}: {${extra.join('}, {')}} not in "other"`);
      }
    }
  }
  for (const file of codeFiles) {
    for (const call of findKeyUses(readFileSync(file, 'utf8'), (v) => catalogue.has(v)).calls) {
      const value = catalogue.get(call.key);
      if (value === undefined || call.params === null) continue;
      const wanted = entryPlaceholders(value);
      const given = new Set(call.params);
      const plural = typeof value === 'object';
      for (const p of wanted) if (!given.has(p)) problems.push(`${rel(file)}:${call.line}: ${call.key} needs {${p}}`);
      for (const p of given) {
        if (!wanted.has(p) && !(plural && p === 'count'))
          problems.push(`${rel(file)}:${call.line}: ${call.key} has no {${p}}`);
      }
      if (plural && !given.has('count'))
        problems.push(`${rel(file)}:${call.line}: ${call.key} is a plural: pass count`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every other language’s catalogue has the same entries and placeholders as English, and is registered', () => {
  const registry = readFileSync(path.join(i18nDir, 'i18n.js'), 'utf8');
  for (const name of readdirSync(i18nDir).filter((n) => /^strings-[\w-]+\.js$/.test(n))) {
    const lang = name.slice('strings-'.length, -3);
    assert.match(registry, new RegExp(`from '\\./${name.replace('.', '\\.')}'`), `${name} is imported by i18n.js`);
    assert.match(
      registry,
      new RegExp(`CATALOGUES = \\{[^}]*\\b${lang.replace('-', '_')}\\b`),
      `${lang} is in CATALOGUES`,
    );
  }
  return Promise.all(
    readdirSync(i18nDir)
      .filter((n) => /^strings-[\w-]+\.js$/.test(n) && n !== 'strings-en.js')
      .map(async (name) => {
        const other = entries((await import(path.join(i18nDir, name))).default);
        assert.deepEqual([...other.keys()].sort(), [...catalogue.keys()].sort(), `${name}: the same keys as English`);
        for (const [key, value] of other) {
          assert.deepEqual(
            [...entryPlaceholders(value)].sort(),
            [...entryPlaceholders(catalogue.get(key))].sort(),
            `${name}: ${key} has the same placeholders as English`,
          );
        }
      }),
  );
});

test('web/index.html shows the catalogue’s and the content file’s text before any script runs', () => {
  setLocale(html.match(/<html lang="([^"]+)"/)[1]);
  const squash = (text) => text.replace(/\s+/g, ' ').trim();
  let checked = 0;
  for (const m of html.matchAll(/<(\w+)\b([^>]*)\sdata-i18n="([^"]+)"([^>]*)>([\s\S]*?)<\/\1>/g)) {
    assert.doesNotMatch(m[5], /</, `${m[3]}: a data-i18n element holds text only`);
    assert.equal(squash(m[5]), t(m[3]), `web/index.html text of ${m[3]}`);
    checked += 1;
  }
  for (const m of html.matchAll(/<\w+\b[^>]*\sdata-i18n-attr="([^"]+)"[^>]*>/g)) {
    for (const [attr, key] of parseAttrSpec(m[1])) {
      const value = m[0].match(new RegExp(`\\s${attr}="([^"]*)"`));
      assert.ok(value, `web/index.html: the element naming ${key} has ${attr}`);
      assert.equal(value[1], t(key), `web/index.html ${attr} of ${key}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 10, `${checked} static strings checked`);
  // Text that comes from the content file: the first paint shows what renderLesson() will write.
  assert.equal(html.match(/<html lang="([^"]+)"/)[1], content.lang, "<html lang> is the content file's lang");
  assert.equal(html.match(/<title>([^<]*)<\/title>/)[1], t('page.documentTitle', { title: content.title }));
  assert.equal(html.match(/<h1 id="lesson-title">([^<]*)<\/h1>/)[1], content.title);
  const badges = html.match(/<ul class="badges"[^>]*>([\s\S]*?)<\/ul>/)[1];
  assert.deepEqual(
    [...badges.matchAll(/<li>([^<]*)<\/li>/g)].map((b) => b[1]),
    content.badges,
  );
  // Every element with visible text in the shell is marked (nothing left over in English only).
  const shell = html.replace(/<(script|style|noscript|title)\b[\s\S]*?<\/\1>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const loose = [...shell.matchAll(/<(\w+)\b([^>]*)>([^<]*[A-Za-z][^<]*)</g)].filter(
    (m) =>
      !/data-i18n=/.test(m[2]) && !/id="lesson-title"/.test(m[2]) && !(m[1] === 'li' && content.badges.includes(m[3])),
  );
  assert.deepEqual(
    loose.map((m) => m[0]),
    [],
    'static text without data-i18n',
  );
  const labelled = [...shell.matchAll(/<\w+\b[^>]*\s(aria-label|title|placeholder|alt)="[^"]*"[^>]*>/g)].filter(
    (m) => !new RegExp(`data-i18n-attr="[^"]*\\b${m[1]}:`).test(m[0]),
  );
  assert.deepEqual(
    labelled.map((m) => m[0]),
    [],
    'static attributes without data-i18n-attr',
  );
  setLocale(null);
});

// The stylesheets: attributes they show (content: attr(data-caption)) are text attributes for the scan.
const stylesheets = readdirSync(path.join(root, 'web/styles'))
  .filter((n) => n.endsWith('.css'))
  .map((n) => [
    `web/styles/${n}`,
    readFileSync(path.join(root, 'web/styles', n), 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''),
  ]);
const cssTextAttributes = [
  ...new Set(
    stylesheets.flatMap(([, css]) =>
      [...css.matchAll(/(?<![\w-])content:[^;}]*\battr\(\s*([\w-]+)/g)].map((m) => m[1]),
    ),
  ),
];

test('the stylesheets generate no text of their own (content: "…" with words)', () => {
  const found = stylesheets.flatMap(([name, css]) =>
    [...css.matchAll(/(?<![\w-])content:\s*([^;}]*)/g)]
      .filter((m) => /(['"])(?:(?!\1).)*\p{L}{2}/u.test(m[1]))
      .map((m) => `${name}: content: ${m[1].trim()}`),
  );
  assert.deepEqual(found, []);
});

test('no UI text is hard-coded in web/src (text, labels, ARIA, titles, placeholders, sentences)', () => {
  for (const file of Object.keys(DIAGNOSTIC_SOURCES)) assert.ok(existsSync(path.join(root, file)), `${file} exists`);
  const found = [];
  for (const file of files) {
    const diagnostic = rel(file) in DIAGNOSTIC_SOURCES;
    for (const hit of findUiText(readFileSync(file, 'utf8'), { textAttributes: cssTextAttributes })) {
      if (diagnostic && hit.heuristic) continue;
      found.push(`${rel(file)}:${hit.line}: ${hit.why} ${JSON.stringify(hit.value.slice(0, 80))}`);
    }
  }
  assert.deepEqual(found, [], `UI text must come from web/src/i18n/strings-en.js:\n${found.join('\n')}`);
});

test('numbers and dates are formatted only through i18n.js (the page’s locale, one place)', () => {
  // toLocaleString() without a locale uses the browser's, not the page's; Intl belongs in i18n.js.
  const found = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/\.toLocale(?:Date|Time)?String\(|\bIntl\.\w+/.test(code))
          found.push(`${rel(file)}:${i + 1}: ${line.trim().slice(0, 90)}`);
      });
  }
  assert.deepEqual(found, []);
});

test('every Chart.js chart formats its numbers for the page’s locale', () => {
  // Through styleScales() (web/src/charts/chart-theme.js sets options.locale) or an explicit locale option.
  const charts = files.filter((f) => /\bnew Chart\(/.test(readFileSync(f, 'utf8')));
  assert.ok(charts.length > 0);
  const unlocalized = charts.filter(
    (f) => !/\bstyleScales\(|\blocale:\s*(?:chartLocale|locale)\(\)/.test(readFileSync(f, 'utf8')),
  );
  assert.deepEqual(unlocalized.map(rel), []);
});

test('the scanner reads every file of web/src without losing its place (brackets balance in each skeleton)', () => {
  // A regular expression taken for a division, or a quote inside one taken for a string, would hide code
  // (and any text in it) from every rule; it shows up here as unbalanced brackets.
  const pairs = { ')': '(', ']': '[', '}': '{', '⟩': '⟨' };
  const lost = [];
  for (const file of allFiles) {
    const stack = [];
    for (const c of lex(readFileSync(file, 'utf8')).skeleton) {
      if ('([{⟨'.includes(c)) stack.push(c);
      else if (c in pairs && stack.pop() !== pairs[c]) {
        stack.push('!');
        break;
      }
    }
    if (stack.length) lost.push(rel(file));
  }
  assert.deepEqual(lost, []);
  assert.equal(
    lex('const r = /[\'"]/g; const s = \'a\' / 2 / 1; const u = `x${"}"}y`;')
      .literals.map((l) => l.value)
      .join('|'),
    'a|x{x}y|}',
  );
});

test('the scanner finds UI text where it hides, and leaves code alone', () => {
  const hits = (src) => findUiText(src).map((h) => h.value);
  assert.deepEqual(hits("b.textContent = done ? 'Finish' : 'Next';"), ['Finish', 'Next']);
  assert.deepEqual(hits("el('span', { className: 'visually-hidden', text: ' (opens in a new tab)' });"), [
    ' (opens in a new tab)',
  ]);
  assert.deepEqual(hits("notices.show('storage', 'the browser storage for this site is full');"), [
    'the browser storage for this site is full',
  ]);
  assert.deepEqual(hits("el('p', {}, 'Waiting');"), ['Waiting']);
  assert.deepEqual(hits("ctx.fillText('Loss', 4, 12);"), ['Loss']);
  assert.deepEqual(hits("x.setAttribute('aria-label', `Sample ${n}`);"), ['Sample {x}']);
  assert.deepEqual(hits("const o = { yLabel = 'Count' }; f({ label: 'Rate' });"), ['Rate']);
  assert.deepEqual(hits("el('li', { className: on ? 'mm-step is-norm' : 'mm-step', text: t('a.b', { n: 1 }) });"), []);
  assert.deepEqual(
    hits(
      "console.warn('Normlab: ignored invalid parameters'); throw new RangeError(`step ${i} is outside the range`);",
    ),
    [],
  );
  assert.deepEqual(hits("const re = /it's a 'quoted' regex/g; const iso = `PT${h}H${m}M${s}S`;"), []);
  assert.deepEqual(hits("const py = 'from torch import nn'; // i18n-exempt: Python source shown as code"), []);
  assert.deepEqual(hits("if (s === 'baseline never reached') {\n  // i18n-exempt: the core's status value\n}"), []);
  assert.equal(hits("if (s === 'baseline never reached') {\n  // not exempt\n}").length, 1);
  assert.deepEqual(hits("const py = 'from torch import nn';"), ['from torch import nn']);
  assert.deepEqual(
    findUiText("el('div', { attrs: { 'data-caption': 'Sample' } });", { textAttributes: ['data-caption'] }).map(
      (h) => h.value,
    ),
    ['Sample'],
  );
  assert.deepEqual(hits("const LABELS = { pdf: 'Download PDF' };"), ['Download PDF']);
  assert.deepEqual(hits("function f(n) { return n ? `${n} steps` : 'Finished'; }"), ['{x} steps', 'Finished']);
  assert.deepEqual(hits("const g = (on) => (on ? 'Hide details' : 'Show details');"), ['Hide details', 'Show details']);
  assert.deepEqual(
    hits("const k = (e) => e.key === 'Enter'; const c = (r, g) => `${r} ${g} rg`; return `${a} ${b}`;"),
    [],
  );
});

test('placeholders, plurals and a missing key', () => {
  setLocale('en');
  assert.equal(t('format.times', { value: '1.6' }), '1.6×');
  assert.equal(formatTimes(1.634), '1.6×');
  // A missing key is reported on the console (the browser tests fail on console errors), never thrown: a
  // learner's page keeps working and shows the key.
  const logged = [];
  const original = console.error;
  console.error = (message) => logged.push(String(message));
  try {
    assert.equal(t('no.such.key'), 'no.such.key');
    assert.equal(t('format'), 'format');
  } finally {
    console.error = original;
  }
  assert.deepEqual(logged, ['i18n: no UI string "no.such.key"', 'i18n: "format" is not a string']);
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

test('formatting follows <html lang> when it changes after the first number (the content file sets it)', () => {
  setLocale(null);
  const saved = globalThis.document;
  globalThis.document = { documentElement: { lang: 'en' } };
  try {
    assert.equal(formatNumber(1234.5), '1,234.5');
    globalThis.document.documentElement.lang = 'de';
    assert.equal(formatNumber(1234.5), '1.234,5');
    assert.equal(formatNumber(0.25, { maxDigits: 2 }), '0,25');
    assert.equal(formatPercent(12.34), '12,3\u00a0%');
    globalThis.document.documentElement.lang = '';
    assert.equal(formatNumber(0.5), '0.5', 'no lang: English');
  } finally {
    if (saved === undefined) delete globalThis.document;
    else globalThis.document = saved;
  }
});

test('data-i18n-attr lists attribute:key pairs', () => {
  assert.deepEqual(parseAttrSpec('aria-label:page.darkTheme; title:page.contents;'), [
    ['aria-label', 'page.darkTheme'],
    ['title', 'page.contents'],
  ]);
});

test('applyStaticText fills marked text and attributes, and writes nothing that already matches', () => {
  setLocale('en');
  const writes = [];
  const node = (dataset, text, attrs = {}) => ({
    dataset,
    get textContent() {
      return text;
    },
    set textContent(value) {
      writes.push(`text ${dataset.i18n}`);
      text = value;
    },
    getAttribute: (name) => attrs[name] ?? null,
    setAttribute: (name, value) => {
      writes.push(`${name} ${value}`);
      attrs[name] = value;
    },
  });
  const same = node({ i18n: 'page.footer' }, `  ${t('page.footer').replace(/ /g, '\n    ')} `);
  const stale = node({ i18n: 'page.contents' }, 'Inhalt');
  const button = node({ i18nAttr: 'aria-label:page.darkTheme' }, '', { 'aria-label': 'Dunkel' });
  const root = { querySelectorAll: (sel) => (sel === '[data-i18n]' ? [same, stale] : [button]) };
  applyStaticText(root);
  assert.deepEqual(writes, ['text page.contents', `aria-label ${t('page.darkTheme')}`]);
  assert.equal(stale.textContent, 'Contents');
  applyStaticText(root);
  assert.equal(writes.length, 2, 'a second run changes nothing');
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
