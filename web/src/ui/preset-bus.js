// preset-bus.js — one page-wide channel for "load this set-up into the figures": the model map (and the
// teacher panel) publish a preset; the playground and the training figure apply their part of it. A figure
// mounted after the publication (they load lazily) still receives the latest one.
//
//   presetMessage({ id, label?, playground?, training? }) -> a frozen, checked preset message
//   publishPreset(fields)                 sends presetMessage(fields) to every subscriber
//   subscribePreset(handler) -> unsubscribe      handler(preset) is called at once with the latest preset, if any
//
// The message's shape is the constructors below: they reject a field a figure does not know or a value of the
// wrong type (TypeError naming it), so a misspelt preset fails where it is written. Whether a value is one
// the figure offers (a batch size of its list, a learning rate of the sweep) is the figure's clean(): a value
// it does not offer falls back to its default, and a field left out keeps the figure's current value.

import { DISTRIBUTIONS, KINDS, TRAINING_NORMS } from '../vocabulary.js';

const isInteger = (v) => Number.isInteger(v);
const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const oneOf = (list) => (v) => list.includes(v);

// Field → check, for each figure's part (the state fields of figures/playground/hash.js and training/presets.js).
const PLAYGROUND_FIELDS = Object.freeze({
  kind: oneOf(KINDS),
  n: isInteger,
  c: isInteger,
  g: isInteger,
  eps: (v) => isNumber(v) && v > 0,
  gamma: isNumber,
  beta: isNumber,
  dist: oneOf(DISTRIBUTIONS),
  mode: oneOf(['train', 'eval']),
  seed: isInteger,
});
const TRAINING_FIELDS = Object.freeze({
  preset: (v) => typeof v === 'string',
  variants: (v) => Array.isArray(v) && v.every(oneOf(TRAINING_NORMS)),
  rate: (v) => isNumber(v) && v > 0,
  batch: isInteger,
  dataset: (v) => typeof v === 'string',
  steps: isInteger,
  log: (v) => typeof v === 'boolean',
});

function checkedPart(name, fields, checks) {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields))
    throw new TypeError(`preset.${name} must be an object`);
  for (const [key, value] of Object.entries(fields)) {
    if (!Object.hasOwn(checks, key)) throw new TypeError(`preset.${name}.${key} is not a field of the ${name} figure`);
    if (!checks[key](value))
      throw new TypeError(`preset.${name}.${key} has a value of the wrong kind: ${JSON.stringify(value)}`);
  }
  return Object.freeze(structuredClone(fields));
}

/** The playground's part of a preset: kind, n, c, g, eps, gamma, beta, dist, mode, seed (each optional). */
export const playgroundPreset = (fields) => checkedPart('playground', fields, PLAYGROUND_FIELDS);

/** The training figure's part: preset, variants, rate, batch, dataset, steps, log (each optional). */
export const trainingPreset = (fields) => checkedPart('training', fields, TRAINING_FIELDS);

/** A preset message: an id (e.g. "model-map:resnet"), a label for people, and the parts for the figures. */
export function presetMessage({ id, label, playground, training, ...rest }) {
  if (typeof id !== 'string' || !id) throw new TypeError('preset.id must be a non-empty string');
  if (label !== undefined && typeof label !== 'string') throw new TypeError('preset.label must be a string');
  const unknown = Object.keys(rest);
  if (unknown.length) throw new TypeError(`preset.${unknown[0]} is not a part of a preset`);
  return Object.freeze({
    id,
    ...(label !== undefined && { label }),
    ...(playground !== undefined && { playground: playgroundPreset(playground) }),
    ...(training !== undefined && { training: trainingPreset(training) }),
  });
}

const handlers = new Set();
let latest = null;

/** Send the preset made of `fields` (see presetMessage) to every subscriber. */
export function publishPreset(fields) {
  const preset = presetMessage(fields);
  latest = preset;
  for (const handler of [...handlers]) {
    try {
      handler(preset);
    } catch (error) {
      console.error(error);
    }
  }
}

/** Receive presets; the latest one (if any) arrives at once. Returns a function that unsubscribes. */
export function subscribePreset(handler) {
  handlers.add(handler);
  if (latest) {
    try {
      handler(latest);
    } catch (error) {
      console.error(error);
    }
  }
  return () => handlers.delete(handler);
}

/** Forget the latest preset (tests). */
export function resetPresetBus() {
  latest = null;
  handlers.clear();
}
