// The embed-snippet builder (web/src/teacher/snippet.js): every parameter, escaping, and the invalid or
// pointless combinations it explains. Each snippet's URL is read back with the page's own parser.
// Run: node --test tests/web/teacher-snippet.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSnippet, escapeAttribute, HEIGHT_RANGE, lessonBase } from '../../web/src/teacher/snippet.js';
import { HIDEABLE, parseEmbedParams, PRESETS } from '../../web/src/embed/params.js';
import { hasString, setLocale } from '../../web/src/i18n/i18n.js';

const base = 'https://lessons.example.org/normalization/';
const title = 'Normalization techniques — interactive lesson';
const codes = (r) => r.problems.map((p) => `${p.level}:${p.code}`);
const parsed = (r) => parseEmbedParams(new URL(r.url).search);

test('defaults: embed=1 only, the documented iframe attributes', () => {
  const r = buildSnippet({ base, title });
  assert.equal(r.url, `${base}?embed=1`);
  assert.deepEqual(r.problems, []);
  assert.equal(
    r.html,
    [
      `<iframe src="${base}?embed=1"`,
      `        title="${title}"`,
      '        width="100%" height="900" loading="lazy"',
      '        allow="fullscreen; clipboard-write"',
      '        referrerpolicy="strict-origin-when-cross-origin"',
      '        style="border:0;max-width:100%"></iframe>',
    ].join('\n'),
  );
});

test("every parameter, read back by the lesson's parser", () => {
  const r = buildSnippet({
    base,
    title,
    embed: true,
    theme: 'dark',
    step: 3,
    preset: 'small-batch',
    hide: ['references', 'toc'],
    pass: 75,
    height: 1200,
  });
  assert.deepEqual(r.problems, []);
  assert.equal(r.url, `${base}?embed=1&step=3&preset=small-batch&hide=references,toc&pass=75&theme=dark`);
  assert.match(
    r.html,
    /src="https:\/\/lessons\.example\.org\/normalization\/\?embed=1&amp;step=3&amp;preset=small-batch&amp;hide=references,toc&amp;pass=75&amp;theme=dark"/,
  );
  assert.match(r.html, /height="1200"/);
  const p = parsed(r);
  assert.deepEqual(
    {
      embed: p.embed,
      step: p.step,
      preset: p.preset.name,
      hide: p.hide,
      pass: p.pass,
      theme: p.theme,
      ignored: p.ignored,
    },
    { embed: true, step: 3, preset: 'small-batch', hide: ['references', 'toc'], pass: 75, theme: 'dark', ignored: [] },
  );
  assert.equal(p.teacher, false, 'a snippet for learners never turns teacher mode on');
});

test('each preset and each hideable part round-trips', () => {
  for (const name of Object.keys(PRESETS))
    assert.equal(parsed(buildSnippet({ base, title, preset: name })).preset.name, name);
  const r = buildSnippet({ base, title, hide: [...HIDEABLE] });
  assert.deepEqual(parsed(r).hide, [...HIDEABLE]);
});

test("without embed, the page address alone; the current page's query and fragment are dropped", () => {
  const r = buildSnippet({ base: `${base}?teacher=1#pg=kind:batch`, title, embed: false });
  assert.equal(r.url, base);
  assert.equal(lessonBase('not a url'), null);
  assert.equal(lessonBase('http://127.0.0.1:5173/?teacher=1#x'), 'http://127.0.0.1:5173/');
});

test('escaping: a title or address with quotes and angle brackets cannot break out of the attribute', () => {
  assert.equal(escapeAttribute('a"b<c>&d'), 'a&quot;b&lt;c&gt;&amp;d');
  const r = buildSnippet({ base: 'https://x.example/a"b<c>/', title: 'T "quoted" <script>' });
  assert.ok(!/<script>/.test(r.html));
  assert.match(r.html, /title="T &quot;quoted&quot; &lt;script&gt;"/);
  assert.ok(!/src="[^"]*"[^\n]*"[^\n]*\n/.test(r.html.split('\n')[0]), 'one quoted src on the first line');
  assert.equal((r.html.split('\n')[0].match(/"/g) || []).length, 2);
});

test('invalid values are left out and explained', () => {
  const r = buildSnippet({
    base,
    title,
    step: 9,
    preset: 'resnet',
    hide: ['quiz', 'sidebar'],
    pass: 120,
    theme: 'blue',
    height: 50,
  });
  assert.deepEqual(codes(r).sort(), [
    'error:height',
    'error:hide',
    'error:pass',
    'error:preset',
    'error:step',
    'error:theme',
  ]);
  assert.equal(r.url, `${base}?embed=1&hide=quiz`);
  assert.match(r.html, new RegExp(`height="${HEIGHT_RANGE.default}"`));
  assert.equal(r.problems.find((p) => p.code === 'step').max, 6);
  assert.equal(r.problems.find((p) => p.code === 'hide').value, 'sidebar');
  assert.deepEqual(codes(buildSnippet({ base: 'nonsense', title })), ['error:base']);
  assert.deepEqual(codes(buildSnippet({ base, title, pass: 'abc' })), ['error:pass']);
  assert.deepEqual(codes(buildSnippet({ base, title, step: '2.5' })), ['error:step']);
});

test('combinations that would not do what a teacher expects are kept, with a warning', () => {
  assert.deepEqual(codes(buildSnippet({ base, title, hide: ['quiz'], pass: 80 })), ['warning:passUnreachable']);
  assert.deepEqual(codes(buildSnippet({ base, title, hide: ['quiz'], pass: 0 })), [], 'a pass mark of 0 is reachable');
  assert.deepEqual(codes(buildSnippet({ base, title, hide: ['walkthrough'], step: 2 })), ['warning:stepHidden']);
  assert.deepEqual(codes(buildSnippet({ base, title, hide: ['playground'], preset: 'inference' })), [
    'warning:presetHidden',
  ]);
  assert.deepEqual(codes(buildSnippet({ base, title, hide: ['training'], preset: 'hard' })), ['warning:presetHidden']);
  assert.deepEqual(codes(buildSnippet({ base: 'file:///home/t/normalization-lesson.html', title })), [
    'warning:notHttp',
  ]);
  assert.equal(buildSnippet({ base, title, hide: ['quiz'], pass: 80 }).url, `${base}?embed=1&hide=quiz&pass=80`);
});

test('every problem code has its explanation in the catalogue', () => {
  setLocale('en');
  for (const code of [
    'base',
    'notHttp',
    'hide',
    'step',
    'stepHidden',
    'preset',
    'presetHidden',
    'pass',
    'passUnreachable',
    'theme',
    'height',
  ]) {
    assert.ok(hasString(`teacher.problem.${code}`), code);
  }
  setLocale(null);
});
