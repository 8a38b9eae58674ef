// The model map's presets (web/src/figures/model-map/presets.js): every value is one the playground and the training
// simulation accept, so a preset arrives in the figures unchanged; every entry has its prose in the lesson.
// Run: node --test tests/web/model-map-presets.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MODEL_ORDER, MODEL_PRESETS, presetMessage } from '../../web/src/figures/model-map/presets.js';
import { cleanState as cleanPlayground } from '../../web/src/figures/playground/hash.js';
import { cleanerFor } from '../../web/src/training/presets.js';
import { loadTrainer } from '../../web/src/core.js';
import { validateContent } from '../../web/src/content/schema.js';

const lesson = JSON.parse(readFileSync(new URL('../../web/content/lesson.json', import.meta.url), 'utf8'));
const { learningRates } = (await loadTrainer()).defaultSweepPlan();

test('the map lists five entries, one per normalization kind', () => {
  assert.deepEqual([...MODEL_ORDER].sort(), Object.keys(MODEL_PRESETS).sort());
  assert.deepEqual(MODEL_ORDER.map((id) => MODEL_PRESETS[id].kind).sort(), [
    'batch',
    'group',
    'instance',
    'layer',
    'rms',
  ]);
  for (const id of MODEL_ORDER) assert.equal(MODEL_PRESETS[id].playground.kind, MODEL_PRESETS[id].kind, id);
});

test("each playground preset survives the playground's cleanState unchanged", () => {
  for (const id of MODEL_ORDER) {
    const given = MODEL_PRESETS[id].playground;
    const clean = cleanPlayground(given);
    for (const [key, value] of Object.entries(given)) assert.deepEqual(clean[key], value, `${id}.${key}`);
  }
});

test("each training preset survives the training figure's cleanState unchanged", () => {
  for (const id of MODEL_ORDER) {
    const given = MODEL_PRESETS[id].training;
    const clean = cleanerFor(learningRates)(given);
    for (const [key, value] of Object.entries(given)) assert.deepEqual(clean[key], value, `${id}.${key}`);
    assert.ok(clean.variants.length > 0, `${id}: at least one variant`);
  }
});

test('every entry sets the fields a previous entry may have changed (the figures keep fields left out)', () => {
  for (const id of MODEL_ORDER) {
    const { playground, training } = MODEL_PRESETS[id];
    for (const key of ['kind', 'n', 'c', 'eps']) assert.ok(key in playground, `${id}: playground.${key}`);
    for (const key of ['preset', 'dataset', 'batch', 'variants']) assert.ok(key in training, `${id}: training.${key}`);
  }
});

test('presetMessage copies the preset (a figure changing it cannot change the map) and rejects unknown ids', () => {
  const message = presetMessage('detection', 'Detection');
  assert.equal(message.id, 'model-map:detection');
  assert.equal(message.label, 'Detection');
  message.training.variants.push('rms');
  message.playground.n = 64;
  assert.deepEqual(MODEL_PRESETS.detection.training.variants, ['none', 'batch', 'group']);
  assert.equal(MODEL_PRESETS.detection.playground.n, 2);
  assert.throws(() => presetMessage('vgg', 'x'), RangeError);
});

test('the lesson has the prose of every entry, and it cites papers that are in the references', () => {
  assert.deepEqual(validateContent(lesson), []);
  const entries = lesson.figureText.modelMap.entries;
  assert.deepEqual(Object.keys(entries).sort(), [...MODEL_ORDER].sort());
  const refs = new Set(lesson.references.map((r) => r.id));
  for (const id of MODEL_ORDER) {
    const cites = [...JSON.stringify(entries[id]).matchAll(/\[@([^\]]+)\]/g)].map((m) => m[1]);
    assert.ok(cites.length > 0, `${id} cites a paper`);
    for (const c of cites) assert.ok(refs.has(c), `${id}: ${c} in references`);
  }
  assert.ok(entries.transformer.diagrams.length === 2, 'pre-LN and post-LN');
  const figures = lesson.sections
    .flatMap((s) => s.blocks)
    .filter((b) => b.type === 'figure')
    .map((b) => b.figure);
  assert.ok(figures.includes('model-map'));
});
