// What each predict-check generator offers to the content file: its option ids (the content gives each a
// text and an explanation), the {placeholders} its templates may use, and whether it needs scenarios.
// Free of DOM modules so that the content schema (web/src/content/schema.js) can check predict blocks with it.

import { KINDS } from '../vocabulary.js';

export const PREDICT_GENERATORS = Object.freeze({
  'small-batch': {
    options: ['first-only', 'second-only', 'both', 'neither'],
    values: [
      'batch',
      'features',
      'distribution',
      'first',
      'second',
      'firstSmall',
      'firstLarge',
      'secondSmall',
      'secondLarge',
      'firstRatio',
      'secondRatio',
    ],
  },
  'eval-shift': {
    options: ['near-zero', 'positive', 'negative'],
    values: ['steps', 'momentum', 'mean', 'std', 'runningMean', 'runningVar', 'evalMean', 'trainMean', 'evalStd'],
  },
  centring: {
    options: ['both-zero', 'rms-positive', 'rms-negative', 'ln-keeps'],
    values: ['mean', 'std', 'features', 'lnMean', 'rmsMean', 'rms', 'lnStd', 'rmsStd'],
  },
  affine: {
    options: ['beta-gamma', 'zero-one', 'gamma-beta', 'beta-gamma-squared'],
    values: ['kind', 'gamma', 'beta', 'absGamma', 'absBeta', 'gammaSquared', 'inMean', 'inStd', 'outMean', 'outStd'],
  },
  axes: {
    options: ['per-channel', 'per-sample', 'per-sample-channel', 'per-sample-group'],
    values: [
      'kind',
      'n',
      'c',
      'l',
      'g',
      'perChannel',
      'perSample',
      'perSampleChannel',
      'perSampleGroup',
      'count',
      'pooled',
    ],
  },
  'where-used': {
    options: KINDS,
    values: [],
    scenarios: true,
  },
});

export const PREDICT_GENERATOR_NAMES = Object.freeze(Object.keys(PREDICT_GENERATORS));
