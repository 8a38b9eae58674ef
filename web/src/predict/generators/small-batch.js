// "The batch shrinks: whose statistics get noisy?" — two norms' statistic for the same element, over 200
// fresh batches at a small batch size and at 64 (core.batchSpread). A statistic counts as noisier when its
// spread grows by more than half, as unchanged when it stays within 10 %; an instance in between is never
// shown. The pair varies (BatchNorm against a batch-independent norm, or two batch-independent norms).
import { PREDICT_GENERATORS } from '../catalog.js';
import { pick, shuffled } from '../rng.js';

const LARGE = 64;
const NOISIER = 1.5;
const STEADY = 0.1;
// BatchNorm first, then the batch-independent norms it is paired against (instance norm is left out).
const BATCH_PAIR_KINDS = ['batch', 'layer', 'rms', 'group'];

/**
 * The spread of `kind`'s statistic for one element over fresh batches of `batch` rows of instance `p`'s data
 * (core.batchSpread). RMSNorm's mean is 0 by definition: its statistic is the mean square.
 */
export function statisticSpread(core, p, kind, batch) {
  const spread = core.batchSpread(kind, p.distribution, {
    batch,
    features: p.features,
    seed: p.dataSeed,
    mean: p.mean,
    std: p.std,
    ...(kind === 'group' ? { groups: 4 } : {}),
  });
  return kind === 'rms' ? spread.varSd : spread.meanSd;
}

export default {
  name: 'small-batch',
  ...PREDICT_GENERATORS['small-batch'],
  params(random) {
    // BatchNorm is in two of every three pairs: it is the norm the question is about.
    const withBatch = random() < 2 / 3;
    const others = shuffled(random, BATCH_PAIR_KINDS.slice(1));
    const pair = withBatch ? shuffled(random, ['batch', others[0]]) : others.slice(0, 2);
    return {
      first: pair[0],
      second: pair[1],
      batch: pick(random, [2, 3, 4]),
      features: pick(random, [16, 32, 64]),
      distribution: pick(random, ['normal', 'skewed', 'bimodal', 'uniform']),
      mean: pick(random, [0, 1, 2]),
      std: pick(random, [1, 1.5, 2]),
      dataSeed: 1 + Math.floor(random() * 100000),
    };
  },
  run(core, p) {
    const spread = (kind, batch) => statisticSpread(core, p, kind, batch);
    const firstSmall = spread(p.first, p.batch);
    const firstLarge = spread(p.first, LARGE);
    const secondSmall = spread(p.second, p.batch);
    const secondLarge = spread(p.second, LARGE);
    const verdict = (small, large) => {
      const ratio = small / large;
      if (ratio > NOISIER) return 'noisier';
      if (Math.abs(ratio - 1) < STEADY) return 'steady';
      return null;
    };
    const a = verdict(firstSmall, firstLarge);
    const b = verdict(secondSmall, secondLarge);
    let correct = null;
    if (a && b) {
      correct =
        a === 'noisier' ? (b === 'noisier' ? 'both' : 'first-only') : b === 'noisier' ? 'second-only' : 'neither';
    }
    const bar = (kind, batch, value) => ({ label: { key: 'predict.chart.spreadBar', kind, batch }, value });
    return {
      correct,
      values: {
        batch: p.batch,
        features: p.features,
        distribution: { distribution: p.distribution },
        first: { kind: p.first },
        second: { kind: p.second },
        firstSmall,
        firstLarge,
        secondSmall,
        secondLarge,
        firstRatio: firstSmall / firstLarge,
        secondRatio: secondSmall / secondLarge,
      },
      chart: {
        type: 'bars',
        name: { key: 'predict.chart.spreadName' },
        bars: [
          bar(p.first, LARGE, firstLarge),
          bar(p.first, p.batch, firstSmall),
          bar(p.second, LARGE, secondLarge),
          bar(p.second, p.batch, secondSmall),
        ],
      },
    };
  },
};
