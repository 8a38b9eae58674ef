// "BatchNorm switches to eval mode after k training steps with momentum m: what is the output's mean?"
// The core trains the running statistics (k calls of normalize in training mode, which update them in place
// from running mean 0 / variance 1, as a fresh nn.BatchNorm1d) and then normalizes a fresh batch in eval
// mode. |mean| < 0.1 counts as "about 0", beyond ±0.3 as clearly shifted; instances in between are skipped.
import { PREDICT_GENERATORS } from '../catalog.js';
import { pick } from '../rng.js';

const N = 32;
const C = 4;
const NEAR = 0.1;
const CLEAR = 0.3;

export default {
  name: 'eval-shift',
  ...PREDICT_GENERATORS['eval-shift'],
  params(random) {
    return {
      steps: pick(random, [1, 2, 3, 5, 10, 20, 50, 100]),
      momentum: pick(random, [0.01, 0.1, 0.3, 0.5]),
      mean: pick(random, [-4, -3, -2, 2, 3, 4]),
      std: pick(random, [0.5, 1, 2]),
      dataSeed: 1 + Math.floor(random() * 100000),
    };
  },
  run(core, p) {
    const runningMean = new Float32Array(C);
    const runningVar = new Float32Array(C).fill(1);
    const batch = (i) => core.sample('normal', N * C, { seed: p.dataSeed + i, mean: p.mean, std: p.std });
    for (let i = 0; i < p.steps; i++) {
      core.normalize('batch', batch(i), [N, C, 1], { runningMean, runningVar, momentum: p.momentum });
    }
    const fresh = batch(p.steps + 1000);
    // Training mode on the fresh batch: a copy of the running statistics, so the shown ones stay put.
    const train = core.normalize('batch', fresh, [N, C, 1], {
      runningMean: runningMean.slice(),
      runningVar: runningVar.slice(),
      momentum: p.momentum,
    });
    const evalOut = core.normalize('batch', fresh, [N, C, 1], { training: false, runningMean, runningVar });
    const trainStats = core.describe(train.output, { bins: 1 });
    const evalStats = core.describe(evalOut.output, { bins: 1 });
    const lo = Math.min(trainStats.min, evalStats.min);
    const hi = Math.max(trainStats.max, evalStats.max);
    const hist = (values) => core.describe(values, { bins: 24, range: [lo, hi], median: false }).histogram;
    const m = evalStats.mean;
    const correct = Math.abs(m) < NEAR ? 'near-zero' : m > CLEAR ? 'positive' : m < -CLEAR ? 'negative' : null;
    return {
      correct,
      values: {
        steps: p.steps,
        momentum: p.momentum,
        mean: p.mean,
        std: p.std,
        runningMean: runningMean[0],
        runningVar: runningVar[0],
        evalMean: m,
        trainMean: trainStats.mean,
        evalStd: evalStats.std,
      },
      chart: {
        type: 'histograms',
        name: { key: 'predict.chart.evalName' },
        series: [
          { label: { key: 'predict.chart.trainMode' }, histogram: hist(train.output), mean: trainStats.mean },
          { label: { key: 'predict.chart.evalMode' }, histogram: hist(evalOut.output), mean: m },
        ],
      },
    };
  },
};
