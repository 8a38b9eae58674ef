// The preset bus (web/src/ui/preset-bus.js) and how the playground and the training figure read a preset:
// the latest preset reaches a late subscriber, unsubscribing stops delivery, a failing handler does not stop
// the others; partial presets change only the fields they name, bad values fall back, and switching the
// training preset brings that preset's own variants (the Transformer preset compares none/LayerNorm/RMSNorm).
// Also the playground's PyTorch code generator (torch-code.js) for every kind and mode.
// Run: node --test tests/web/figure-presets.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presetMessage, publishPreset, resetPresetBus, subscribePreset } from '../../web/src/ui/preset-bus.js';
import { MODEL_ORDER, presetMessage as modelMapMessage } from '../../web/src/figures/model-map/presets.js';
import { embedPresetMessage } from '../../web/src/teacher/preset-buttons.js';
import { PRESETS as EMBED_PRESETS } from '../../web/src/embed/params.js';
import { cleanState as cleanPlayground, DEFAULTS } from '../../web/src/figures/playground/hash.js';
import { cleanerFor, defaultState, PRESETS } from '../../web/src/training/presets.js';
import { moduleCall, pyFloat, torchCode } from '../../web/src/figures/playground/torch-code.js';
import { setLocale } from '../../web/src/i18n/i18n.js';

setLocale('en');
const RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];
const cleanTraining = cleanerFor(RATES);
const WARMUP = { steps: 30, batch: 32, momentum: 0.1 };

test('the bus delivers the latest preset at once, and stops after unsubscribe', () => {
  resetPresetBus();
  const seen = [];
  const stop = subscribePreset((p) => seen.push(p.id));
  publishPreset({ id: 'a' });
  const late = [];
  subscribePreset((p) => late.push(p.id));
  assert.deepEqual(late, ['a'], 'a figure mounted later still gets the latest preset');
  stop();
  publishPreset({ id: 'b' });
  assert.deepEqual(seen, ['a']);
  assert.deepEqual(late, ['a', 'b']);
  resetPresetBus();
});

test('a preset message is checked where it is made: unknown fields and wrong kinds of value throw', () => {
  const ok = presetMessage({
    id: 'p',
    label: 'P',
    playground: { kind: 'rms', n: 4, eps: 1e-6 },
    training: { variants: ['none', 'rms'] },
  });
  assert.deepEqual(ok, {
    id: 'p',
    label: 'P',
    playground: { kind: 'rms', n: 4, eps: 1e-6 },
    training: { variants: ['none', 'rms'] },
  });
  assert.ok(Object.isFrozen(ok) && Object.isFrozen(ok.playground));
  assert.throws(() => presetMessage({ label: 'no id' }), TypeError);
  assert.throws(() => presetMessage({ id: 'p', playground: { kind: 'batchnorm' } }), /playground\.kind/);
  assert.throws(() => presetMessage({ id: 'p', playground: { batch: 4 } }), /playground\.batch is not a field/);
  assert.throws(() => presetMessage({ id: 'p', training: { variants: ['weight'] } }), /training\.variants/);
  assert.throws(() => presetMessage({ id: 'p', training: { log: 'yes' } }), /training\.log/);
  assert.throws(() => presetMessage({ id: 'p', grouping: {} }), /preset\.grouping/);
  assert.throws(() => publishPreset({ id: 'p', playground: { n: '4' } }), TypeError);
});

test('every preset the page publishes passes the checks of the bus', () => {
  for (const id of MODEL_ORDER) assert.doesNotThrow(() => presetMessage(modelMapMessage(id, id)), id);
  for (const name of Object.keys(EMBED_PRESETS))
    assert.doesNotThrow(() => presetMessage(embedPresetMessage(name)), name);
});

test('a handler that throws does not stop the others', () => {
  resetPresetBus();
  const seen = [];
  const original = console.error;
  console.error = () => {};
  try {
    subscribePreset(() => {
      throw new Error('boom');
    });
    subscribePreset((p) => seen.push(p.id));
    publishPreset({ id: 'x' });
  } finally {
    console.error = original;
  }
  assert.deepEqual(seen, ['x']);
  resetPresetBus();
});

test('a playground preset changes only the fields it names; bad values fall back', () => {
  const current = { ...DEFAULTS, kind: 'group', n: 8, c: 64, g: 8, seed: 4 };
  const next = cleanPlayground({ ...current, kind: 'rms', n: 4, c: 4096, eps: 1e-6 }, current);
  assert.deepEqual(next, { ...current, kind: 'rms', n: 4, c: 4096, g: 8, eps: 1e-6 });
  const bad = cleanPlayground({ ...current, kind: 'nope', n: 5, eps: 0.5, gamma: 9 }, current);
  assert.equal(bad.kind, 'group');
  assert.equal(bad.n, DEFAULTS.n);
  assert.equal(bad.eps, DEFAULTS.eps);
  assert.equal(bad.gamma, DEFAULTS.gamma);
});

test('a training preset: switching preset brings its own variants and rate unless it names them', () => {
  const current = cleanTraining({});
  assert.deepEqual(current, defaultState());
  const transformer = cleanTraining({ preset: 'transformer' }, current);
  assert.deepEqual(transformer.variants, PRESETS.transformer.variants);
  assert.deepEqual(transformer.variants, ['pre-layer', 'post-layer', 'pre-rms', 'post-rms']);
  assert.equal(transformer.dataset, 'sequence');
  const named = cleanTraining({ preset: 'transformer', variants: ['none', 'pre-layer', 'layer'], batch: 16 }, current);
  assert.deepEqual(named.variants, ['none', 'pre-layer'], 'a plain norm is no Transformer variant');
  assert.equal(named.batch, 16);
  assert.equal(named.steps, 250, "the preset's own steps");
  assert.equal(named.rate, 0.03, "the preset's own rate");
  assert.equal(
    cleanTraining({ preset: 'transformer' }, { ...current, log: false }).log,
    false,
    'fields not named are kept',
  );
  // The same preset again: the learner's variants stay.
  const mine = { ...current, variants: ['none', 'batch'] };
  assert.deepEqual(cleanTraining({ preset: 'fair', rate: 0.1 }, mine).variants, ['none', 'batch']);
  const bad = cleanTraining({ preset: 'zzz', batch: 3, dataset: 'x', variants: ['batch', 'bogus'] }, current);
  assert.equal(bad.preset, 'fair');
  assert.equal(bad.batch, 64);
  assert.equal(bad.dataset, 'spirals');
  assert.deepEqual(bad.variants, ['batch']);
});

test('PyTorch code: the module and arguments for every kind, γ/β, train and eval mode', () => {
  assert.equal(pyFloat(1e-5), '1e-05');
  assert.equal(pyFloat(1e-8), '1e-08');
  assert.equal(pyFloat(0.001), '0.001');
  assert.equal(pyFloat(1), '1.0');
  assert.equal(pyFloat(-0.2), '-0.2');
  const s = { ...DEFAULTS, n: 8, c: 64, g: 16 };
  assert.equal(moduleCall({ ...s, kind: 'batch' }), 'nn.BatchNorm1d(64, eps=1e-05, momentum=0.1)');
  assert.equal(moduleCall({ ...s, kind: 'layer' }), 'nn.LayerNorm([64, 1], eps=1e-05)');
  assert.equal(moduleCall({ ...s, kind: 'rms' }), 'nn.RMSNorm([64, 1], eps=1e-05)');
  assert.equal(moduleCall({ ...s, kind: 'group' }), 'nn.GroupNorm(16, 64, eps=1e-05)');
  assert.equal(moduleCall({ ...s, kind: 'instance' }), 'nn.InstanceNorm1d(64, eps=1e-05)');
  assert.equal(moduleCall({ ...s, kind: 'instance', beta: 0.5 }), 'nn.InstanceNorm1d(64, eps=1e-05, affine=True)');
  assert.throws(() => moduleCall({ ...s, kind: 'weight' }), RangeError);

  const plain = torchCode({ ...s, kind: 'layer' }, WARMUP);
  assert.match(plain, /reshape\(8, 64, 1\)/);
  assert.doesNotMatch(plain, /fill_|train\(\)|eval\(\)/, 'γ = 1, β = 0 need no code; LayerNorm has no mode');
  const rms = torchCode({ ...s, kind: 'rms', gamma: 2, beta: 1 }, WARMUP);
  assert.match(rms, /weight\.fill_\(2\.0\)/);
  assert.doesNotMatch(rms, /bias/);
  assert.match(rms, /RMSNorm has no β/);
  assert.match(rms, /PyTorch ≥ 2\.4/);
  const train = torchCode({ ...s, kind: 'batch', mode: 'train' }, WARMUP);
  assert.match(train, /^norm\.train\(\) {2}# .*\ny = norm\(x\)$/m);
  const evalMode = torchCode({ ...s, kind: 'batch', mode: 'eval', beta: -0.2 }, WARMUP);
  assert.match(evalMode, /bias\.fill_\(-0\.2\)/);
  assert.match(
    evalMode,
    /norm\.train\(\)\nfor batch in warmup_batches: {2}# 30 training batches of shape \[32, 64, 1\]/,
  );
  assert.match(evalMode, /momentum 0\.1\nnorm\.eval\(\) {2}#[^\n]*\ny = norm\(x\)$/);
  assert.match(torchCode({ ...s, kind: 'instance' }, WARMUP), /InstanceNorm needs L > 1/);
});
