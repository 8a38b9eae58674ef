// The lesson content (web/content/lesson.json) against its schema (web/src/content/schema.js),
// every schema rule against a deliberately broken copy, and the inline-markup parser.
// Run: node --test tests/web/content.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { validateContent, collectCitations, SECTION_ORDER, FIGURE_NAMES } from '../../web/src/content/schema.js';
import { isSafeHref, parseInline } from '../../web/src/ui/inline-parse.js';
import { CONCEPTS, DISTRIBUTIONS, KINDS } from '../../web/src/vocabulary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lesson = JSON.parse(readFileSync(path.join(root, 'web/content/lesson.json'), 'utf8'));
const clone = () => structuredClone(lesson);

// ---- helpers to find things in a (cloned) lesson
const section = (c, id) => c.sections.find((s) => s.id === id);
const allBlocks = (c) => {
  const out = [];
  const walk = (blocks) => {
    for (const b of blocks) {
      out.push(b);
      if (b.type === 'deepdive') walk(b.blocks);
    }
  };
  for (const s of c.sections) walk(s.blocks);
  return out;
};
const quizzes = (c) => allBlocks(c).filter((b) => b.type === 'quiz');
const firstQuiz = (c) => quizzes(c)[0];
const walkthrough = (c) => allBlocks(c).find((b) => b.type === 'walkthrough');
const deepdives = (c) => allBlocks(c).filter((b) => b.type === 'deepdive');

/** Assert that `mutate` turns the valid lesson into one with an error matching `pattern`. */
function assertCaught(mutate, pattern) {
  const c = clone();
  mutate(c);
  const errors = validateContent(c);
  assert.ok(errors.length > 0, 'the broken copy should not validate');
  assert.ok(
    errors.some((e) => pattern.test(e)),
    `expected an error matching ${pattern}, got:\n  ${errors.join('\n  ')}`,
  );
}

describe('the real lesson.json', () => {
  test('passes the schema with no errors', () => {
    assert.deepEqual(validateContent(lesson), []);
  });

  test('has the sections in the documented order', () => {
    assert.deepEqual(
      lesson.sections.map((s) => s.id),
      [...SECTION_ORDER],
    );
  });

  test('has exactly 8 quizzes, each with one correct option and an explanation for every option', () => {
    const qs = quizzes(lesson);
    assert.equal(qs.length, 8);
    for (const q of qs) {
      assert.equal(q.options.filter((o) => o.correct).length, 1, q.id);
      for (const o of q.options) assert.ok(o.explanation.trim().length > 20, `${q.id}/${o.id}`);
      for (const concept of q.concepts ?? []) assert.ok(CONCEPTS.includes(concept), concept);
    }
  });

  test('places each quiz in the section it tests', () => {
    const where = {};
    for (const s of lesson.sections) {
      for (const b of s.blocks) if (b.type === 'quiz') (where[s.id] ??= []).push(b.id);
    }
    assert.deepEqual(where, {
      ics: ['quiz-ics'],
      techniques: ['quiz-bn-axes', 'quiz-ln-transformers'],
      activations: ['quiz-after-normalization'],
      training: ['quiz-speedup', 'quiz-higher-learning-rates'],
      walkthrough: ['quiz-rmsnorm'],
      playground: ['quiz-small-batch'],
    });
    // The RMSNorm check comes right after the walkthrough block.
    const blocks = section(lesson, 'walkthrough').blocks;
    const wi = blocks.findIndex((b) => b.type === 'walkthrough');
    assert.equal(blocks[wi + 1].id, 'quiz-rmsnorm');
  });

  test('has a 6-step walkthrough whose steps show known figures', () => {
    const wt = walkthrough(lesson);
    assert.equal(wt.steps.length, 6);
    for (const step of wt.steps) {
      assert.ok(FIGURE_NAMES.includes(step.figure.name));
      assert.ok(KINDS.includes(step.figure.state.kind));
    }
    assert.match(wt.steps[0].text.join(' '), /original motivation/);
  });

  test('has the seven deep dives of the deep-dives section (and more beside the core text), and the core formulas', () => {
    assert.equal(section(lesson, 'deep-dives').blocks.filter((b) => b.type === 'deepdive').length, 7);
    assert.ok(deepdives(lesson).length >= 7);
    const formulas = allBlocks(lesson)
      .filter((b) => b.type === 'formula')
      .flatMap((b) => b.tex)
      .join('\n');
    assert.ok(formulas.includes(String.raw`\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}}`));
    assert.ok(formulas.includes(String.raw`\operatorname{RMS}(x)`));
    assert.ok(formulas.includes(String.raw`\mathtt{running\_mean} \leftarrow`));
  });

  test('shows each live figure in its section', () => {
    // A section may hold several figures (e.g. grouping, then every-norm); each of these must be where it is listed.
    const figs = {};
    for (const s of lesson.sections) {
      for (const b of s.blocks) if (b.type === 'figure') (figs[s.id] ??= []).push(b.figure);
    }
    const expected = {
      techniques: ['grouping', 'every-norm'],
      activations: ['distributions'],
      training: ['training'],
      playground: ['playground', 'inspector'],
    };
    for (const [section, names] of Object.entries(expected)) {
      for (const name of names)
        assert.ok(figs[section]?.includes(name), `${name} in ${section} (found ${figs[section]})`);
    }
  });

  test('cites every reference at least once, and every citation resolves', () => {
    const cited = new Set(collectCitations(lesson));
    const ids = lesson.references.map((r) => r.id);
    for (const id of ids) assert.ok(cited.has(id), `reference ${id} is never cited`);
    for (const id of cited) assert.ok(ids.includes(id), `citation ${id} has no reference`);
  });

  test('has figure text for every kind and distribution, and the documented hints', () => {
    for (const k of KINDS) assert.ok(lesson.figureText.kinds[k].about.length > 0, k);
    for (const d of DISTRIBUTIONS) assert.ok(lesson.figureText.distributions[d].caption.length > 0, d);
    assert.equal(lesson.figureText.hints.batchSize, 'Larger batches give more stable statistics for BatchNorm');
    assert.equal(lesson.figureText.hints.features, 'e.g. hidden layer size');
  });

  test('makes no generic speed-up claim, no GPT-4 claim and no tiny-LR rule', () => {
    const text = JSON.stringify(lesson);
    assert.doesNotMatch(text, /5\s*[–-]\s*10\s*×|5\s*[–-]\s*10x/i, 'no "5–10×" claims');
    assert.doesNotMatch(text, /GPT-4/, 'GPT-4 architecture is not public');
    assert.doesNotMatch(text, /0\.0001/, 'no "LR must be ≤ 0.0001" rule');
    assert.doesNotMatch(text, /root cause/i);
    assert.match(text, /Santurkar/);
    assert.match(text, /14×/);
    assert.match(text, /2\.3×/);
  });
});

describe('each schema rule catches a broken copy', () => {
  test('a quiz with two correct options', () => {
    assertCaught((c) => {
      firstQuiz(c).options[1].correct = true;
    }, /exactly one option must be correct \(found 2\)/);
  });

  test('a quiz with no correct option', () => {
    assertCaught((c) => {
      for (const o of firstQuiz(c).options) o.correct = false;
    }, /exactly one option must be correct \(found 0\)/);
  });

  test('an option without an explanation', () => {
    assertCaught((c) => {
      delete firstQuiz(c).options[2].explanation;
    }, /every option needs a non-empty explanation/);
  });

  test('an option with a blank explanation', () => {
    assertCaught((c) => {
      firstQuiz(c).options[3].explanation = '   ';
    }, /every option needs a non-empty explanation/);
  });

  test('a quiz with too few or too many options', () => {
    assertCaught((c) => {
      firstQuiz(c).options.splice(2);
    }, /must have 3–5 options \(has 2\)/);
    assertCaught((c) => {
      const q = firstQuiz(c);
      q.options.push({ id: 'e', text: 'x', correct: false, explanation: 'y' });
      q.options.push({ id: 'f', text: 'x', correct: false, explanation: 'y' });
    }, /must have 3–5 options \(has 6\)/);
  });

  test('duplicate option ids within a quiz', () => {
    assertCaught((c) => {
      firstQuiz(c).options[1].id = firstQuiz(c).options[0].id;
    }, /duplicate option id/);
  });

  test('an unknown concept tag', () => {
    assertCaught((c) => {
      firstQuiz(c).concepts = ['vibes'];
    }, /unknown concept "vibes"/);
  });

  test('a duplicate id across sections, quizzes, steps and references', () => {
    assertCaught((c) => {
      firstQuiz(c).id = 'intro';
    }, /duplicate id "intro"/);
    assertCaught((c) => {
      walkthrough(c).steps[1].id = walkthrough(c).steps[0].id;
    }, /duplicate id "step-ics"/);
    assertCaught((c) => {
      deepdives(c)[0].id = c.references[0].id;
    }, /duplicate id "ioffe2015"/);
  });

  test('a claim marker used twice, or malformed', () => {
    assertCaught((c) => {
      c.sections[0].blocks[0].text += ' It trains.[claim:conv-batch1]';
    }, /claim "conv-batch1" also marks a sentence at/);
    assertCaught((c) => {
      c.sections[0].blocks[0].text += ' It trains.[claim:Conv_1]';
    }, /malformed claim marker "\[claim:Conv_1\]"/);
  });

  test('an id that is not kebab-case', () => {
    assertCaught((c) => {
      firstQuiz(c).id = 'Quiz_ICS';
    }, /is not kebab-case/);
  });

  test('a walkthrough with 5 or 7 steps', () => {
    assertCaught((c) => {
      walkthrough(c).steps.pop();
    }, /exactly 6 steps \(has 5\)/);
    assertCaught((c) => {
      const wt = walkthrough(c);
      wt.steps.push({ ...structuredClone(wt.steps[0]), id: 'step-extra' });
    }, /exactly 6 steps \(has 7\)/);
  });

  test('a walkthrough step without a title, text or figure', () => {
    assertCaught((c) => {
      delete walkthrough(c).steps[2].title;
    }, /every step needs a title/);
    assertCaught((c) => {
      walkthrough(c).steps[2].text = [];
    }, /steps\[2\]\.text: must be a non-empty array/);
    assertCaught((c) => {
      delete walkthrough(c).steps[2].figure;
    }, /every step needs a figure/);
  });

  test('a walkthrough step with an unknown figure or an invalid figure state', () => {
    assertCaught((c) => {
      walkthrough(c).steps[1].figure.name = 'histogram';
    }, /unknown figure "histogram"/);
    assertCaught((c) => {
      walkthrough(c).steps[1].figure.state.kind = 'weight';
    }, /state\.kind: must be one of/);
    assertCaught((c) => {
      walkthrough(c).steps[0].figure.state.distribution = 'cauchy';
    }, /state\.distribution: must be one of/);
    assertCaught((c) => {
      walkthrough(c).steps[1].figure.state.groups = 0;
    }, /groups: must be a positive integer/);
  });

  test('a figure block with an unknown figure', () => {
    assertCaught((c) => {
      section(c, 'techniques').blocks.find((b) => b.type === 'figure').figure = 'heatmap';
    }, /unknown figure "heatmap"/);
  });

  test('an unknown citation', () => {
    assertCaught((c) => {
      section(c, 'intro').blocks[0].text += ' ([@nobody2099])';
    }, /citation "\[@nobody2099\]" does not name an entry of references/);
    // …also inside quiz explanations, deep dives and figure text
    assertCaught((c) => {
      firstQuiz(c).options[1].explanation += ' [@ghost]';
    }, /\[@ghost\]/);
    assertCaught((c) => {
      deepdives(c)[0].blocks[0].text += ' [@ghost]';
    }, /\[@ghost\]/);
    assertCaught((c) => {
      c.figureText.kinds.batch.about += ' [@ghost]';
    }, /\[@ghost\]/);
  });

  test('an unsafe link in the content', () => {
    assertCaught((c) => {
      section(c, 'intro').blocks[0].text += ' [click](javascript:alert(1))';
    }, /must be an http\(s\) URL or an in-page #fragment/);
  });

  test('sections in the wrong order, missing or extra', () => {
    assertCaught((c) => {
      [c.sections[1], c.sections[2]] = [c.sections[2], c.sections[1]];
    }, /sections: must be, in this order/);
    assertCaught((c) => {
      c.sections = c.sections.filter((s) => s.id !== 'playground');
    }, /sections: must be, in this order/);
    assertCaught((c) => {
      c.sections.push({ id: 'appendix', title: 'Appendix', blocks: [{ type: 'paragraph', text: 'x' }] });
    }, /sections: must be, in this order/);
  });

  test('7 or 9 quizzes instead of 8', () => {
    assertCaught((c) => {
      const s = section(c, 'playground');
      s.blocks = s.blocks.filter((b) => b.type !== 'quiz');
    }, /exactly 8 quiz blocks \(found 7\)/);
    assertCaught((c) => {
      const extra = structuredClone(firstQuiz(c));
      extra.id = 'quiz-extra';
      section(c, 'intro').blocks.push(extra);
    }, /exactly 8 quiz blocks \(found 9\)/);
  });

  test('a deep dive that nests a quiz, walkthrough or deep dive', () => {
    assertCaught((c) => {
      const q = structuredClone(firstQuiz(c));
      q.id = 'quiz-nested';
      deepdives(c)[0].blocks.push(q);
      section(c, 'ics').blocks = section(c, 'ics').blocks.filter((b) => b.type !== 'quiz');
    }, /a deepdive may not contain a quiz block/);
    assertCaught((c) => {
      deepdives(c)[0].blocks.push({
        type: 'deepdive',
        id: 'dd-inner',
        title: 'x',
        blocks: [{ type: 'paragraph', text: 'y' }],
      });
    }, /a deepdive may not contain a deepdive block/);
  });

  test('an unknown block type, a misspelt field, a missing required field', () => {
    assertCaught((c) => {
      section(c, 'intro').blocks.push({ type: 'html', text: '<b>x</b>' });
    }, /unknown block type "html"/);
    assertCaught((c) => {
      const o = firstQuiz(c).options[0];
      o.explaination = o.explanation;
    }, /unknown option field/);
    assertCaught((c) => {
      delete section(c, 'techniques').blocks.find((b) => b.type === 'formula').label;
    }, /label: required for a formula block/);
    assertCaught((c) => {
      section(c, 'ics').blocks.find((b) => b.type === 'callout').variant = 'danger';
    }, /variant: must be one of note, tip, warning/);
  });

  test('figureText missing a kind, a distribution or a documented hint', () => {
    assertCaught((c) => {
      delete c.figureText.kinds.instance;
    }, /figureText\.kinds\.instance: missing/);
    assertCaught((c) => {
      delete c.figureText.distributions.bimodal;
    }, /figureText\.distributions\.bimodal: missing/);
    assertCaught((c) => {
      delete c.figureText.hints.improvement;
    }, /figureText\.hints\.improvement: missing/);
    assertCaught((c) => {
      c.figureText.kinds.rms.about = '';
    }, /figureText\.kinds\.rms\.about: must not be empty/);
  });

  test('a reference with a non-https URL, a bad year or a missing title', () => {
    assertCaught((c) => {
      c.references[0].url = 'http://arxiv.org/abs/1502.03167';
    }, /url: must be an https URL/);
    assertCaught((c) => {
      c.references[0].year = '2015';
    }, /year: must be an integer year/);
    assertCaught((c) => {
      delete c.references[0].title;
    }, /references\[0\]\.title: must be a non-empty string/);
  });

  test('bad top-level fields', () => {
    assertCaught((c) => {
      c.schemaVersion = 2;
    }, /schemaVersion: must be 1/);
    assertCaught((c) => {
      delete c.title;
    }, /title: must be a non-empty string/);
    assertCaught((c) => {
      c.durationMinutes = 15;
    }, /durationMinutes: is computed from the content/);
    assert.deepEqual(validateContent(null), ['content: must be a JSON object']);
  });
});

describe('parseInline', () => {
  // The tokens parseInline returns, written short.
  const [text, strong, em, code] = ['text', 'strong', 'em', 'code'].map((type) => (t) => ({ type, text: t }));
  const cite = (ref) => ({ type: 'cite', text: ref, ref });
  const link = (t, href) => ({ type: 'link', text: t, href });
  // what: [markup, tokens]
  const CASES = {
    'plain text is a single text token': ['Hello, world.', [text('Hello, world.')]],
    'empty text has no token': ['', []],
    'strong, emphasis and code': [
      'a **bold** and *em* and `x = 1`.',
      [text('a '), strong('bold'), text(' and '), em('em'), text(' and '), code('x = 1'), text('.')],
    ],
    'markup inside code is literal': ['`**not bold** [x](https://a.b)`', [code('**not bold** [x](https://a.b)')]],
    citations: [
      'BN ([@ioffe2015]; [@santurkar2018]).',
      [text('BN ('), cite('ioffe2015'), text('; '), cite('santurkar2018'), text(').')],
    ],
    'http(s) links and in-page fragments': [
      'see [the paper](https://arxiv.org/abs/1502.03167) or [above](#ics)',
      [text('see '), link('the paper', 'https://arxiv.org/abs/1502.03167'), text(' or '), link('above', '#ics')],
    ],
  };
  for (const [what, [markup, tokens]] of Object.entries(CASES)) {
    test(what, () => assert.deepEqual(parseInline(markup), tokens));
  }

  test('a javascript: link is not a link: it stays plain text', () => {
    const tokens = parseInline('[click me](javascript:alert(1))');
    assert.ok(
      tokens.every((t) => t.type === 'text'),
      JSON.stringify(tokens),
    );
    assert.ok(!tokens.some((t) => 'href' in t));
    assert.equal(tokens.map((t) => t.text).join(''), '[click me](javascript:alert(1))');
  });

  test('other unsafe or odd schemes are rejected too', () => {
    for (const href of [
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example/x',
      'ftp://example.com/x',
      'file:///etc/passwd',
      '#',
      '#"><img',
    ]) {
      const tokens = parseInline(`[x](${href})`);
      assert.ok(!tokens.some((t) => t.type === 'link'), `${href} → ${JSON.stringify(tokens)}`);
    }
    assert.equal(isSafeHref('https://example.com/a?b=c#d'), true);
    assert.equal(isSafeHref('javascript:alert(1)'), false);
    assert.equal(isSafeHref(' https://example.com'), false);
  });

  test('HTML is never interpreted: a <script> tag comes out as plain text', () => {
    const src = 'Hi <script>alert("x")</script> <img src=x onerror=alert(1)>';
    assert.deepEqual(parseInline(src), [{ type: 'text', text: src }]);
    assert.deepEqual(parseInline('**<b>bold?</b>**'), [{ type: 'strong', text: '<b>bold?</b>' }]);
  });

  test('unclosed or stray markers stay literal', () => {
    assert.deepEqual(parseInline('2 * 3 = 6'), [{ type: 'text', text: '2 * 3 = 6' }]);
    assert.deepEqual(parseInline('**open'), [{ type: 'text', text: '**open' }]);
    assert.deepEqual(parseInline('a `tick'), [{ type: 'text', text: 'a `tick' }]);
    assert.deepEqual(parseInline('LayerNorm([C, L]) and [N, C, L]'), [
      { type: 'text', text: 'LayerNorm([C, L]) and [N, C, L]' },
    ]);
    assert.deepEqual(parseInline('[@Not_An_Id]'), [{ type: 'text', text: '[@Not_An_Id]' }]);
  });

  test('a claim marker is a token with no text, tying the sentence before it to its test', () => {
    assert.deepEqual(parseInline('It trains.[claim:mlp-x] Next.'), [
      { type: 'text', text: 'It trains.' },
      { type: 'claim', text: '', claim: 'mlp-x' },
      { type: 'text', text: ' Next.' },
    ]);
    assert.deepEqual(parseInline('[claim:Bad Id]'), [{ type: 'text', text: '[claim:Bad Id]' }]);
  });

  test('backslash escapes markup characters', () => {
    assert.deepEqual(parseInline('\\*not em\\* and \\`x\\`'), [{ type: 'text', text: '*not em* and `x`' }]);
  });

  test('every inline string in the lesson parses into known token types with no leftover markup', () => {
    const strings = [];
    const skip = new Set(['id', 'type', 'figure', 'name', 'variant', 'url', 'kind', 'distribution', 'lang']);
    const walk = (v, key) => {
      if (typeof v === 'string') {
        if (!skip.has(key)) strings.push(v);
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(lesson.sections);
    walk(lesson.figureText);
    assert.ok(strings.length > 100);
    for (const s of strings) {
      for (const t of parseInline(s)) {
        assert.ok(['text', 'strong', 'em', 'code', 'math', 'link', 'cite', 'claim'].includes(t.type));
        if (t.type === 'text') assert.doesNotMatch(t.text, /\*\*|\[@|\]\(|\[claim:/, `leftover markup in: ${s}`);
        if (t.type === 'link') assert.ok(isSafeHref(t.href));
      }
    }
  });
});

test('goDeeper: a non-empty title on a predict or figure block, never inside a deep dive', () => {
  const predict = (c) => allBlocks(c).find((b) => b.type === 'predict');
  assertCaught((c) => {
    predict(c).goDeeper = '';
  }, /goDeeper: must be a non-empty string/);
  assertCaught((c) => {
    allBlocks(c).find((b) => b.type === 'paragraph').goDeeper = 'x';
  }, /goDeeper: unknown field for a paragraph block/);
  assertCaught((c) => {
    deepdives(c)[0].blocks.push({ type: 'figure', figure: 'grouping', caption: 'x', goDeeper: 'y' });
  }, /goDeeper: a deep dive is already optional/);
});
