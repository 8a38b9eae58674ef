// vocabulary.js — the names the page shares with the core and the content: the normalization kinds and the
// input distributions, each in one canonical order and, where a figure shows them differently, an explicit
// display order, and the concepts that checks are tagged with. Display names of kinds and distributions are lesson text (figureText.kinds / .distributions in lesson.json, and
// the UI catalogue's training.norms* for the training figure), so they follow the content and the locale.
// Pure data, with no import: the core's wrapper (web/src/core/args.js) takes its lists from here without
// pulling in the UI catalogue.

/** The core's normalization kinds, in the core's order. */
export const KINDS = Object.freeze(['batch', 'layer', 'rms', 'group', 'instance']);

/**
 * The kinds as the walkthrough figures list them: from statistics over the batch (BatchNorm) to ever smaller
 * sets within one sample, with RMSNorm, which drops the mean, last.
 */
export const KIND_DISPLAY_ORDER = Object.freeze(['batch', 'layer', 'instance', 'group', 'rms']);

/**
 * The training figure's variants: no normalization, then the kinds the trainer implements, then the
 * Transformer's placements of LayerNorm and RMSNorm (Pre-LN, Post-LN, Post-LN with warm-up).
 */
export const TRAINING_NORMS = Object.freeze([
  'none',
  'batch',
  'layer',
  'rms',
  'group',
  'instance',
  'pre-layer',
  'post-layer',
  'post-layer-warmup',
  'pre-rms',
  'post-rms',
  'post-rms-warmup',
]);

/** The core's input distributions, in the core's order (core/src/sample.cpp). */
export const DISTRIBUTIONS = Object.freeze(['normal', 'uniform', 'skewed', 'bimodal', 'heavy']);

/**
 * The distributions as the figures list them: the normal first, then ever further from it (skewed, bimodal,
 * heavy-tailed), with the uniform, which has no tails at all, last.
 */
export const DISTRIBUTION_DISPLAY_ORDER = Object.freeze(['normal', 'skewed', 'bimodal', 'heavy', 'uniform']);

/** The live figures a lesson can show: each is web/src/figures/<name>/index.js. */
export const FIGURE_NAMES = Object.freeze([
  'grouping',
  'distributions',
  'training',
  'playground',
  'every-norm',
  'inspector',
  'model-map',
]);

/** The seven concepts that quick checks and predict checks are tagged with (mastery: web/src/mastery/). */
export const CONCEPTS = Object.freeze([
  'axes',
  'batch-dependence',
  'train-eval',
  'affine',
  'centring',
  'where-used',
  'training-effects',
]);

/** Catalogue keys are camelCase forms of kebab-case ids. */
export const camelKey = (id) => id.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** [{ value, label }] for a control, from values and a function that names one. */
export const labelled = (values, labelOf) => values.map((value) => ({ value, label: labelOf(value) }));
