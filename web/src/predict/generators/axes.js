// "How many means does this norm compute for a tensor of shape [N, C, L]?" — the count comes from
// core.statCount, the picture from core.groupIds (which element uses which statistic). Each option names one
// way of pooling with its count for this shape; an instance where two options give the same count is skipped.
import { PREDICT_GENERATORS } from '../catalog.js';
import { pick } from '../rng.js';
import { KINDS } from '../../vocabulary.js';

const GROUPS = { 4: [2], 6: [2, 3], 8: [2, 4] };

export default {
  name: 'axes',
  shuffle: true,
  ...PREDICT_GENERATORS.axes,
  params(random) {
    const c = pick(random, [4, 6, 8]);
    return {
      kind: pick(random, KINDS),
      n: pick(random, [2, 3, 4]),
      c,
      l: pick(random, [2, 3]),
      g: pick(random, GROUPS[c]),
    };
  },
  run(core, p) {
    const shape = [p.n, p.c, p.l];
    const opts = p.kind === 'group' ? { groups: p.g } : {};
    const count = core.statCount(p.kind, shape, opts);
    const ids = core.groupIds(p.kind, shape, opts);
    const counts = {
      'per-channel': p.c,
      'per-sample': p.n,
      'per-sample-channel': p.n * p.c,
      'per-sample-group': p.n * p.g,
    };
    const matches = Object.keys(counts).filter((id) => counts[id] === count);
    const distinct = new Set(Object.values(counts)).size === Object.keys(counts).length;
    return {
      correct: distinct && matches.length === 1 ? matches[0] : null,
      values: {
        kind: { kind: p.kind },
        n: p.n,
        c: p.c,
        l: p.l,
        g: p.g,
        perChannel: counts['per-channel'],
        perSample: counts['per-sample'],
        perSampleChannel: counts['per-sample-channel'],
        perSampleGroup: counts['per-sample-group'],
        count,
        pooled: (p.n * p.c * p.l) / count,
      },
      chart: { type: 'grid', name: { key: 'predict.chart.gridName' }, n: p.n, c: p.c, l: p.l, ids: Array.from(ids) },
    };
  },
};
