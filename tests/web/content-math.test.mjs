// The lesson's formulas: every TeX formula of web/content/lesson.json renders to MathML at build time
// (scripts/tex-to-mathml.mjs, Temml), invalid TeX fails the build with the block named, the built trees pass the
// page's allowlist (web/src/ui/math-tree.js) and the schema's checks of `tex` and `math`, and $…$ parses.
// Run: node --test tests/web/content-math.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { renderContentMath, texToTree } from '../../scripts/tex-to-mathml.mjs';
import { validateContent } from '../../web/src/content/schema.js';
import { collectTex } from '../../web/src/content/math-sources.js';
import { mathTreeProblem, texPlain } from '../../web/src/ui/math-tree.js';
import { parseInline } from '../../web/src/ui/inline-parse.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lesson = JSON.parse(readFileSync(path.join(root, 'web/content/lesson.json'), 'utf8'));
const clone = () => structuredClone(lesson);
const techniques = (c) => c.sections.find((s) => s.id === 'techniques');
const firstFormula = (c) => techniques(c).blocks.find((b) => b.type === 'formula');

/** The tags of a tree, depth first. */
const tags = (tree) => (typeof tree === 'string' ? [] : [tree[0], ...tree.slice(2).flatMap(tags)]);
/** The text of a tree's leaves. */
const leaves = (tree) => (typeof tree === 'string' ? tree : tree.slice(2).map(leaves).join(''));

describe('formulas as MathML', () => {
  const { math, errors } = renderContentMath(lesson);
  const sources = collectTex(lesson);

  test('every formula of the lesson renders to a MathML tree the page accepts', () => {
    assert.deepEqual(errors, []);
    assert.ok(sources.filter((s) => s.display).length >= 15, 'the display formulas');
    assert.ok(sources.filter((s) => !s.display).length >= 5, 'the inline formulas in sentences');
    for (const { tex, display } of sources) {
      const tree = (display ? math.display : math.inline)[tex];
      assert.ok(tree, `no tree for ${tex}`);
      assert.equal(mathTreeProblem(tree), '', tex);
      assert.equal(tree[0], 'math');
      if (display) assert.equal(tree[1].display, 'block', tex);
      assert.ok(
        tags(tree).some((t) => ['mi', 'mn', 'mo', 'mtext'].includes(t)),
        `${tex} has tokens`,
      );
    }
  });

  test('a formula shows its symbols: the standardization has a fraction, a square root, x̂, μ, σ and ε', () => {
    const tree = texToTree(String.raw`\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}}`, { display: true });
    assert.ok(tags(tree).includes('mfrac') && tags(tree).includes('msqrt') && tags(tree).includes('mover'));
    for (const symbol of ['x', 'μ', 'σ', 'ε', '−']) assert.ok(leaves(tree).includes(symbol), symbol);
  });

  test('no tree carries an inline style, an id, a URL or an event handler (the strict CSP and the allowlist)', () => {
    const text = JSON.stringify(math);
    for (const bad of ['"style"', '"href"', '"id"', '"on', 'javascript:']) assert.ok(!text.includes(bad), bad);
  });

  test('the built content (lesson + math) passes the schema; a missing or unsafe tree does not', () => {
    assert.deepEqual(validateContent({ ...lesson, math }), []);
    const missing = structuredClone(math);
    delete missing.display[sources.find((s) => s.display).tex];
    assert.match(
      validateContent({ ...lesson, math: missing }).join('\n'),
      /techniques\)\.blocks\[1\]\.tex\[0\]: no MathML/,
    );
    const unsafe = structuredClone(math);
    const tree = Object.values(unsafe.inline)[0];
    tree.push(['a', { href: 'https://example.org' }, 'x']);
    assert.match(validateContent({ ...lesson, math: unsafe }).join('\n'), /<a> is not an allowed MathML element/);
    tree.pop();
    tree[1].style = 'color: red';
    assert.match(validateContent({ ...lesson, math: unsafe }).join('\n'), /<math style> is not an allowed attribute/);
  });

  test('invalid TeX is rejected at build time with the block named', () => {
    const c = clone();
    firstFormula(c).tex = [String.raw`\frac{1}{`];
    techniques(c).blocks.find((b) => b.type === 'paragraph').text += String.raw` See $\notacommand x$.`;
    const { errors: bad } = renderContentMath(c);
    assert.equal(bad.length, 2);
    assert.match(
      bad[0],
      /^sections\[2\]\(techniques\)\.blocks\[\d+\]\.text: invalid TeX "\\\\notacommand x": .*notacommand/,
    );
    assert.match(
      bad[1],
      /^sections\[2\]\(techniques\)\.blocks\[1\]\.tex\[0\]: invalid TeX "\\\\frac\{1\}\{": .*expected '\}'/,
    );
  });

  test('npm run build stops on invalid TeX: validate-content prints the block and exits 1', () => {
    const c = clone();
    firstFormula(c).tex = String.raw`\sqrt{x`;
    const dir = mkdtempSync(path.join(tmpdir(), 'normlab-tex-'));
    const file = path.join(dir, 'lesson.json');
    writeFileSync(file, JSON.stringify(c));
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/validate-content.mjs'), file], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /sections\[2\]\(techniques\)\.blocks\[1\]\.tex: invalid TeX "\\\\sqrt\{x"/);
  });

  test('the schema wants `tex` (a string or an array of strings) and a label on every formula', () => {
    const c = clone();
    firstFormula(c).tex = [];
    assert.match(validateContent(c).join('\n'), /blocks\[1\]\.tex: must be TeX/);
    const d = clone();
    const f = firstFormula(d);
    f.text = 'μ = (1/M) Σ xᵢ';
    delete f.tex;
    assert.match(validateContent(d).join('\n'), /tex: required for a formula block/);
  });
});

describe('inline math and its plain text', () => {
  test('$…$ is a math token whose TeX is kept as written; \\$ is a dollar sign', () => {
    assert.deepEqual(parseInline(String.raw`the output $\gamma \cdot \hat{x} + \beta$ is learned`), [
      { type: 'text', text: 'the output ' },
      { type: 'math', text: String.raw`\gamma \cdot \hat{x} + \beta` },
      { type: 'text', text: ' is learned' },
    ]);
    assert.deepEqual(parseInline(String.raw`costs \$5 or $x$`), [
      { type: 'text', text: 'costs $5 or ' },
      { type: 'math', text: 'x' },
    ]);
    assert.deepEqual(parseInline('a lone $ sign'), [{ type: 'text', text: 'a lone $ sign' }]);
  });

  test('texPlain keeps the symbols a reader sees (for word counts and plain copies)', () => {
    assert.equal(texPlain(String.raw`y_i = \gamma \cdot \hat{x}_i + \beta`), 'yi = γ·xi + β');
    assert.equal(texPlain(String.raw`\mathtt{running\_var} \leftarrow m`), 'running_var ←m');
  });
});
