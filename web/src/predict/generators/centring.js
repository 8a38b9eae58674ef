// "Inputs with a mean offset: what do LayerNorm and RMSNorm do to it?" — both normalize the same samples
// (core.normalize); the per-sample output means come from core.groupMoments. |mean| < 0.25 counts as
// "about 0", beyond ±0.5 as a kept offset; instances in between are skipped.
import { PREDICT_GENERATORS } from '../catalog.js';
import { pick } from '../rng.js';

const N = 4;
const ZERO = 0.25;
const KEPT = 0.5;

export default {
  name: 'centring',
  ...PREDICT_GENERATORS.centring,
  params(random) {
    return {
      mean: pick(random, [-5, -3, -2, 0, 0, 2, 3, 5]),
      std: pick(random, [0.5, 1, 1.5]),
      features: pick(random, [64, 128, 256]),
      distribution: pick(random, ['normal', 'skewed', 'uniform']),
      dataSeed: 1 + Math.floor(random() * 100000),
    };
  },
  run(core, p) {
    const shape = [N, p.features, 1];
    const x = core.sample(p.distribution, N * p.features, { seed: p.dataSeed, mean: p.mean, std: p.std });
    const ln = core.normalize('layer', x, shape);
    const rms = core.normalize('rms', x, shape);
    const lnMoments = core.groupMoments('layer', ln.output, shape);
    const rmsMoments = core.groupMoments('layer', rms.output, shape);
    const lnMean = lnMoments.mean[0];
    const rmsMean = rmsMoments.mean[0];
    const classify = (m) => (Math.abs(m) < ZERO ? 'zero' : m > KEPT ? 'positive' : m < -KEPT ? 'negative' : null);
    const ln0 = classify(lnMean);
    const rms0 = classify(rmsMean);
    let correct = null;
    if (ln0 === 'zero' && rms0)
      correct = rms0 === 'zero' ? 'both-zero' : rms0 === 'positive' ? 'rms-positive' : 'rms-negative';
    else if (ln0 && ln0 !== 'zero' && rms0 === 'zero') correct = 'ln-keeps';
    const first = (values) => values.subarray(0, p.features);
    const lo = Math.min(...[ln, rms].map((r) => core.describe(first(r.output), { bins: 1, median: false }).min));
    const hi = Math.max(...[ln, rms].map((r) => core.describe(first(r.output), { bins: 1, median: false }).max));
    const hist = (values) => core.describe(first(values), { bins: 24, range: [lo, hi], median: false }).histogram;
    return {
      correct,
      values: {
        mean: p.mean,
        std: p.std,
        features: p.features,
        lnMean,
        rmsMean,
        rms: 1 / rms.rstd[0],
        lnStd: lnMoments.std[0],
        rmsStd: rmsMoments.std[0],
      },
      chart: {
        type: 'histograms',
        name: { key: 'predict.chart.centringName' },
        series: [
          { label: { key: 'predict.chart.kindOutput', kind: 'layer' }, histogram: hist(ln.output), mean: lnMean },
          { label: { key: 'predict.chart.kindOutput', kind: 'rms' }, histogram: hist(rms.output), mean: rmsMean },
        ],
      },
    };
  },
};
