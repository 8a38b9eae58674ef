// "γ and β after normalization: what are the output's mean and standard deviation?" — the core normalizes
// with the given γ, β (the same value for every channel or feature) and core.describe measures the result.
// Each option predicts a (mean, std) pair; the one within 0.05 of the core's numbers is correct, and an
// instance where another option comes within 0.25 is skipped.
import { PREDICT_GENERATORS } from '../catalog.js';
import { pick } from '../rng.js';

const SHAPE = [8, 8, 4];
const MATCH = 0.05;
const APART = 0.25;

export default {
  name: 'affine',
  shuffle: true,
  ...PREDICT_GENERATORS.affine,
  params(random) {
    return {
      kind: pick(random, ['batch', 'layer', 'group']),
      gamma: pick(random, [2, 3, -2, 1.5, -1.5, 2.5]),
      beta: pick(random, [-1, 1.5, 3, -2.5, 0.5, 4]),
      distribution: pick(random, ['normal', 'skewed', 'bimodal']),
      mean: pick(random, [-3, 0, 2, 5]),
      std: pick(random, [0.5, 2, 4]),
      dataSeed: 1 + Math.floor(random() * 100000),
    };
  },
  run(core, p) {
    const [n, c, l] = SHAPE;
    const x = core.sample(p.distribution, n * c * l, { seed: p.dataSeed, mean: p.mean, std: p.std });
    const width = p.kind === 'layer' ? c * l : c;
    const out = core.normalize(p.kind, x, SHAPE, {
      gamma: new Float32Array(width).fill(p.gamma),
      beta: new Float32Array(width).fill(p.beta),
      ...(p.kind === 'group' ? { groups: 2 } : {}),
    });
    const before = core.describe(x, { bins: 24 });
    const after = core.describe(out.output, { bins: 24 });
    const predicted = {
      'beta-gamma': [p.beta, Math.abs(p.gamma)],
      'zero-one': [0, 1],
      'gamma-beta': [p.gamma, Math.abs(p.beta)],
      'beta-gamma-squared': [p.beta, p.gamma * p.gamma],
    };
    const distance = ([m, s]) => Math.max(Math.abs(m - after.mean), Math.abs(s - after.std));
    const close = Object.keys(predicted).filter((id) => distance(predicted[id]) < MATCH);
    const near = Object.keys(predicted).filter((id) => distance(predicted[id]) < APART);
    const correct = close.length === 1 && near.length === 1 ? close[0] : null;
    return {
      correct,
      values: {
        kind: { kind: p.kind },
        gamma: p.gamma,
        beta: p.beta,
        absGamma: Math.abs(p.gamma),
        absBeta: Math.abs(p.beta),
        gammaSquared: p.gamma * p.gamma,
        inMean: before.mean,
        inStd: before.std,
        outMean: after.mean,
        outStd: after.std,
      },
      chart: {
        type: 'histograms',
        name: { key: 'predict.chart.affineName' },
        series: [
          { label: { key: 'predict.chart.input' }, histogram: before.histogram, mean: before.mean },
          { label: { key: 'predict.chart.output' }, histogram: after.histogram, mean: after.mean },
        ],
      },
    };
  },
};
