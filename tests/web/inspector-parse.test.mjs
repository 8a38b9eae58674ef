// The inspector's input reading (web/src/figures/inspector/parse.js) and its learner messages
// (inspector/messages.js): separators, nested JSON and its shape, every input problem named with its token,
// and the core's NormlabError arguments mapped to catalogue text. Run: node --test tests/web/inspector-parse.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  InputError,
  MAX_VALUES,
  parseDim,
  parseEps,
  parseList,
  parseTensor,
} from '../../web/src/figures/inspector/parse.js';
import { messageFor } from '../../web/src/figures/inspector/messages.js';
import { NormlabError } from '../../web/src/core.js';
import { setLocale, t } from '../../web/src/i18n/i18n.js';

setLocale('en');

const code = (fn) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `an InputError, not ${error}`);
    return { code: error.code, ...error.params };
  }
  return assert.fail('no error');
};

test('free text: commas, spaces, semicolons, new lines, signs, exponents and the Unicode minus', () => {
  assert.deepEqual(parseTensor('1, 2 3;4\n\t5').values, [1, 2, 3, 4, 5]);
  assert.deepEqual(parseTensor(' -1.5e2, +.25, 3., −2 ').values, [-150, 0.25, 3, -2]);
  assert.equal(parseTensor('1 2').shape, null);
  assert.deepEqual(parseList(''), []);
});

test('nested JSON: depth 3 sets [N, C, L], depth 2 sets [N, C, 1], a flat array keeps the inputs', () => {
  assert.deepEqual(parseTensor('[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]'), {
    values: [1, 2, 3, 4, 5, 6, 7, 8],
    shape: [2, 2, 2],
  });
  assert.deepEqual(parseTensor('[[1, 2, 3], [4, 5, 6]]'), { values: [1, 2, 3, 4, 5, 6], shape: [2, 3, 1] });
  assert.deepEqual(parseTensor('[1, 2, 3]'), { values: [1, 2, 3], shape: null });
});

test('every input problem has its own code and names the offending token', () => {
  const tooManyWords = Array(MAX_VALUES + 1)
    .fill('1')
    .join(' ');
  const tooManyJson = `[${Array(MAX_VALUES + 1)
    .fill(0)
    .join(',')}]`;
  const tooMany = { code: 'tooMany', count: MAX_VALUES + 1, max: MAX_VALUES };
  // [what is read, the InputError's fields, why (when the input does not say)]
  const cases = [
    [() => parseTensor('   '), { code: 'empty' }],
    [() => parseTensor('1, 2, abc'), { code: 'notNumber', token: 'abc', position: 3 }],
    [() => parseTensor('1 0x10'), { code: 'notNumber', token: '0x10', position: 2 }],
    [() => parseTensor('nan 1'), { code: 'nonFinite', token: 'nan', position: 1 }],
    [() => parseTensor('1 -Infinity'), { code: 'nonFinite', token: '-Infinity', position: 2 }],
    [() => parseTensor('1e39'), { code: 'nonFinite', token: '1e39', position: 1 }, 'beyond float32'],
    [() => parseTensor(tooManyWords), tooMany, 'too many numbers'],
    [() => parseTensor('[1, 2'), { code: 'json' }],
    [() => parseTensor('[[1, 2], [3]]'), { code: 'ragged' }],
    [() => parseTensor('[[1], 2]'), { code: 'ragged' }],
    [() => parseTensor('[[], []]'), { code: 'emptyArray' }],
    [() => parseTensor('[[[[1]]]]'), { code: 'depth', depth: 4 }],
    [() => parseTensor('[1, "2"]'), { code: 'notNumber', token: '"2"', position: 2 }],
    [() => parseTensor(tooManyJson), tooMany, 'too many numbers in JSON'],
    [() => parseDim('0', 'N'), { code: 'dim', name: 'N', value: '0', max: MAX_VALUES }],
    [() => parseDim('', 'L'), { code: 'dim', name: 'L', value: '—', max: MAX_VALUES }],
    [() => parseEps('tiny'), { code: 'epsNotNumber', value: 'tiny' }],
  ];
  for (const [read, want, why] of cases) assert.deepEqual(code(read), want, why ?? read.toString());
  assert.equal(parseDim(' 16 ', 'C'), 16);
  assert.equal(parseEps('1e-5'), 1e-5);
  assert.equal(parseEps('0'), 0, 'the core, not the parser, rejects eps <= 0');
});

test("every code has a catalogue message, and the core's arguments map to specific messages", () => {
  for (const c of [
    'empty',
    'notNumber',
    'nonFinite',
    'tooMany',
    'json',
    'ragged',
    'emptyArray',
    'depth',
    'dim',
    'epsNotNumber',
  ]) {
    assert.ok(
      messageFor(new InputError(c, { token: 'x', position: 1, count: 2, max: 3, depth: 4, name: 'N', value: 'v' }), {})
        .length > 10,
      c,
    );
  }
  const err = (argument) => new NormlabError(`${argument}: …`, argument);
  const setup = { kind: 'group', shape: [2, 6, 4], groups: 4, eps: '0', count: 48 };
  assert.equal(messageFor(err('groups'), setup), t('inspector.errors.groups', { c: 6, g: 4 }));
  assert.equal(messageFor(err('eps'), setup), t('inspector.errors.eps', { value: '0' }));
  assert.equal(
    messageFor(err('gamma'), setup),
    t('inspector.errors.paramPerChannel', { name: 'γ', count: 6, c: 6, l: 4 }),
  );
  assert.equal(
    messageFor(err('beta'), { ...setup, kind: 'layer' }),
    t('inspector.errors.paramPerElement', { name: 'β', count: 24, c: 6, l: 4 }),
  );
  assert.equal(messageFor(err('beta'), { ...setup, kind: 'rms' }), t('inspector.errors.rmsBeta'));
  assert.equal(messageFor(err('shape'), { kind: 'batch', shape: [1, 3, 1] }), t('inspector.errors.batchOne'));
  assert.equal(messageFor(err('shape'), { kind: 'instance', shape: [2, 3, 1] }), t('inspector.errors.instanceOne'));
  assert.equal(
    messageFor(err('input'), { kind: 'layer', shape: [2, 3, 4], count: 23 }),
    t('inspector.errors.count', { count: 23, n: 2, c: 3, l: 4, expected: 24 }),
  );
  assert.equal(messageFor(new Error('boom'), setup), t('inspector.errors.unexpected'));
});
