// Mastery (web/src/mastery/mastery.js) and its storage (web/src/mastery/mastery-state.js, progress.js v2):
// the level rules, review of missed concepts on a later visit, the visit counter, migration of version-1
// records and codes, two-tab merging, and the progress code / SCORM suspend_data round trips with mastery.
// Run: node --test tests/web/mastery.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createMemoryBackend } from '../../web/src/lms/index.js';
import { STORAGE_KEY, freshProgress, mergeProgress, validateProgress } from '../../web/src/state/progress.js';
import { MAX_VARIANTS } from '../../web/src/mastery/mastery-state.js';
import {
  checksum,
  decodeProgressCode,
  decodeSuspendData,
  encodeProgressCode,
  encodeSuspendData,
  SCORM12_SUSPEND_MAX,
} from '../../web/src/state/progress-code.js';
import { conceptLevels, dueForReview, masteryModel } from '../../web/src/mastery/mastery.js';
import { CONCEPTS } from '../../web/src/vocabulary.js';
import { storeOn } from './progress-store.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lesson = JSON.parse(readFileSync(path.join(root, 'web/content/lesson.json'), 'utf8'));
const model = masteryModel(lesson);

const level = (store, concept) => conceptLevels(store.state, model)[concept].level;

test('seven concepts; every quick check and predict check is tagged; all but training-effects have a predict block', () => {
  // The names and their order live once, in the vocabulary (web/src/vocabulary.js).
  assert.equal(CONCEPTS.length, 7);
  assert.deepEqual(model.concepts, [...CONCEPTS]);
  for (const [id, concepts] of model.quizConcepts) assert.ok(concepts.length > 0, id);
  for (const concept of model.concepts) {
    assert.equal(model.reviewBlocks.has(concept), concept !== 'training-effects', concept);
  }
});

test('a concept without a predict check becomes proficient from two right quick checks', () => {
  const store = storeOn(createMemoryBackend());
  store.beginVisit();
  store.recordAnswer('quiz-speedup', 'a', true, ['training-effects']);
  assert.equal(level(store, 'training-effects'), 'familiar');
  store.recordAnswer('quiz-higher-learning-rates', 'a', true, ['training-effects']);
  assert.equal(level(store, 'training-effects'), 'proficient');
});

test('levels: not started → attempted → familiar → proficient, by the documented rules', () => {
  const store = storeOn(createMemoryBackend());
  store.beginVisit();
  assert.equal(level(store, 'affine'), 'not-started');
  // quiz-after-normalization is tagged centring + affine; a wrong first answer: attempted.
  store.recordAnswer('quiz-after-normalization', 'b', false, ['centring', 'affine']);
  assert.equal(level(store, 'affine'), 'attempted');
  // A right retry does not make the first answer right.
  store.recordAnswer('quiz-after-normalization', 'a', true, ['centring', 'affine']);
  assert.equal(level(store, 'affine'), 'attempted');
  // A right predict variant: familiar (one right first answer).
  store.recordVariant('predict-affine', 11, true, ['affine']);
  assert.equal(level(store, 'affine'), 'familiar');
  // A second, different variant right: two items, one a variant, latest right → proficient.
  store.recordVariant('predict-affine', 12, true, ['affine']);
  assert.equal(level(store, 'affine'), 'proficient');
  // A wrong latest answer drops it back to familiar.
  store.recordVariant('predict-affine', 13, false, ['affine']);
  assert.equal(level(store, 'affine'), 'familiar');
  store.recordVariant('predict-affine', 14, true, ['affine']);
  assert.equal(level(store, 'affine'), 'proficient');
  // Two right quick checks alone are not proficient: one item must be a generated variant.
  const other = storeOn(createMemoryBackend());
  other.recordAnswer('quiz-ln-transformers', 'a', true, ['where-used']);
  other.recordAnswer('quiz-small-batch', 'a', true, ['where-used']);
  assert.equal(level(other, 'where-used'), 'familiar');
  other.recordVariant('predict-where-used', 5, true, ['where-used']);
  assert.equal(level(other, 'where-used'), 'proficient');
});

test('one answer per instance: the same seed is recorded once', () => {
  const store = storeOn(createMemoryBackend());
  store.recordVariant('predict-axes', 99, true, ['axes']);
  store.recordVariant('predict-axes', 99, false, ['axes']);
  assert.equal(store.state.mastery.variants.length, 1);
  assert.equal(store.state.mastery.missed.axes, undefined);
  assert.throws(() => store.recordVariant('Bad Id', 1, true), RangeError);
  assert.throws(() => store.recordVariant('predict-axes', -1, true), RangeError);
});

test('a missed concept comes back for review on a later visit, until a variant is answered right then', () => {
  const backend = createMemoryBackend();
  let store = storeOn(backend);
  assert.equal(store.beginVisit(), 1);
  store.recordVariant('predict-centring', 1, false, ['centring']);
  store.recordAnswer('quiz-bn-axes', 'b', false, ['axes', 'batch-dependence']);
  assert.deepEqual(dueForReview(store.state, model, store.visit), [], 'not in the visit of the miss');
  // Reload: visit 2.
  store = storeOn(backend);
  assert.equal(store.beginVisit(), 2);
  assert.deepEqual(dueForReview(store.state, model, 2), ['axes', 'batch-dependence', 'centring']);
  store.recordVariant('predict-centring', 2, true, ['centring']);
  store.recordVariant('predict-axes', 3, false, ['axes']);
  // Visit 3: centring was put right in visit 2; axes was missed again; batch-dependence was never reviewed.
  store = storeOn(backend);
  assert.equal(store.beginVisit(), 3);
  assert.deepEqual(dueForReview(store.state, model, 3), ['axes', 'batch-dependence']);
  assert.equal(store.state.mastery.missed.axes, 2);
});

test('the visit counter and the mastery part survive a reload; a reset starts over at visit 1', () => {
  const backend = createMemoryBackend();
  const a = storeOn(backend);
  a.beginVisit();
  a.recordVariant('predict-eval-shift', 42, true, ['train-eval']);
  const b = storeOn(backend);
  assert.equal(b.beginVisit(), 2);
  assert.deepEqual(
    b.state.mastery.variants.map((v) => [v.item, v.seed, v.correct, v.visit]),
    [['predict-eval-shift', 42, true, 1]],
  );
  assert.equal(level(b, 'train-eval'), 'familiar');
  b.reset();
  assert.equal(b.visit, 1);
  assert.equal(b.state.mastery.visits, 1);
  assert.deepEqual(b.state.mastery.variants, []);
});

test('a version-1 record (before mastery) is migrated, not thrown away', () => {
  const v1 = freshProgress(new Date('2026-11-20T10:00:00.000Z'));
  delete v1.mastery;
  v1.version = 1;
  v1.checks['quiz-bn-axes'] = {
    first: 'a',
    firstCorrect: true,
    firstAt: '2026-11-20T10:01:00.000Z',
    last: 'a',
    lastCorrect: true,
    lastAt: '2026-11-20T10:01:00.000Z',
    attempts: 1,
  };
  const backend = createMemoryBackend({ [STORAGE_KEY]: JSON.stringify(v1) });
  const store = storeOn(backend);
  assert.equal(store.recovered, null);
  assert.equal(store.state.version, 2);
  assert.equal(store.state.checks['quiz-bn-axes'].firstCorrect, true);
  assert.deepEqual(store.state.mastery, { visits: 0, variants: [], missed: {} });
  assert.equal(level(store, 'axes'), 'familiar', 'old answers count towards mastery');
  assert.equal(JSON.parse(backend.getItem(STORAGE_KEY)).version, 2);
});

test('two tabs: mastery merges as a join (visits max, variants union, misses max)', () => {
  const base = freshProgress(new Date('2026-11-26T10:00:00Z'));
  const at = (s) => `2026-11-26T10:0${s}:00.000Z`;
  const x = validateProgress({
    ...base,
    updatedAt: at(1),
    mastery: {
      visits: 2,
      missed: { axes: 1 },
      variants: [{ item: 'predict-axes', seed: 1, correct: false, visit: 1, at: at(1) }],
    },
  }).progress;
  const y = validateProgress({
    ...base,
    updatedAt: at(2),
    mastery: {
      visits: 3,
      missed: { axes: 2, affine: 3 },
      variants: [{ item: 'predict-affine', seed: 5, correct: false, visit: 3, at: at(2) }],
    },
  }).progress;
  const xy = mergeProgress(x, y);
  assert.deepEqual(xy, mergeProgress(y, x));
  assert.deepEqual(mergeProgress(xy, x), xy);
  assert.equal(xy.mastery.visits, 3);
  assert.deepEqual(xy.mastery.missed, { affine: 3, axes: 2 });
  assert.equal(xy.mastery.variants.length, 2);
});

test('at most the newest MAX_VARIANTS variants are kept', () => {
  const store = storeOn(createMemoryBackend());
  for (let i = 0; i < MAX_VARIANTS + 15; i++)
    store.recordVariant('predict-small-batch', i, i % 2 === 0, ['batch-dependence']);
  const seeds = store.state.mastery.variants.map((v) => v.seed);
  assert.equal(seeds.length, MAX_VARIANTS);
  assert.equal(seeds.at(-1), MAX_VARIANTS + 14);
});

test('progress code and suspend_data carry mastery; version-1 codes still load; 4096 characters hold', () => {
  const store = storeOn(createMemoryBackend());
  store.beginVisit();
  for (const id of model.quizConcepts.keys()) store.recordAnswer(id, 'b', false, model.quizConcepts.get(id));
  for (let i = 0; i < MAX_VARIANTS; i++)
    store.recordVariant([...model.itemConcepts.keys()][i % 6], 4000000000 + i, i % 3 !== 0, ['axes']);
  store.complete({ score: 0, total: 8 });
  store.setLearnerName('Ł'.repeat(120));
  const p = store.state;
  const back = decodeProgressCode(encodeProgressCode(p));
  assert.ok(back.ok, back.detail);
  assert.deepEqual(back.progress, p);
  const suspend = encodeSuspendData(p);
  assert.ok(suspend.length <= SCORM12_SUSPEND_MAX, `${suspend.length}`);
  const decoded = decodeSuspendData(suspend);
  assert.ok(decoded.ok, decoded.detail);
  assert.deepEqual(decoded.progress.mastery.missed, p.mastery.missed, 'misses survive whatever is trimmed');
  // A code made before mastery existed (compact version 1, no "m").
  const v1 = {
    v: 1,
    e: 'a1b2c3d4e5f60718',
    s: Date.parse('2026-11-20T10:00:00.000Z'),
    u: 5000,
    r: 'intro',
    c: {},
    w: [0, 0],
    g: 0,
    t: 0,
  };
  const body = Buffer.from(JSON.stringify(v1)).toString('base64url');
  const old = decodeProgressCode(`NL1.${body}.${checksum(body)}`);
  assert.ok(old.ok, old.detail);
  assert.deepEqual(old.progress.sectionsRead, ['intro']);
  assert.deepEqual(old.progress.mastery, { visits: 0, variants: [], missed: {} });
  // A damaged mastery part is rejected with a catalogue message and a diagnostic detail.
  const bad = { ...v1, v: 2, m: [1, [['predict-axes', -4, 1, 1, 0]], {}] };
  const badBody = Buffer.from(JSON.stringify(bad)).toString('base64url');
  const result = decodeProgressCode(`NL1.${badBody}.${checksum(badBody)}`);
  assert.equal(result.ok, false);
  assert.match(result.error, /not valid for this lesson/);
  assert.match(result.detail, /mastery/);
});
