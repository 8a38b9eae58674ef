// The numbers of "One tensor, every norm", all from the core: one seeded [N, C, L] batch through the five
// kinds, a histogram and moments of each output (core.describe), and how far GroupNorm at the chosen G, at
// G = 1 and at G = C is from LayerNorm and InstanceNorm (core.maxAbsDifference). JS only picks arguments.

import { DISTRIBUTIONS, KINDS } from '../../vocabulary.js';
import { divisors } from '../inputs.js';

export const SHAPE = Object.freeze([8, 16, 16]);
export const [N, C, L] = SHAPE;
export const OFFSETS = Object.freeze(Array.from({ length: 21 }, (_, i) => i / 2)); // 0 … 10 step 0.5
export const OUTPUT_RANGE = Object.freeze([-4, 4]);
const BINS = 32;

/** Allowed GroupNorm group counts: the divisors of C (shape arithmetic, not a statistic). */
export const GROUPS = Object.freeze(divisors(C));

export const DEFAULT_STATE = Object.freeze({ distribution: 'normal', seed: 1, offset: 0, groups: 4 });

/** A valid state from any partial input, keeping `fallback`'s value for anything invalid. */
export function cleanState(input, fallback = DEFAULT_STATE) {
  const s = { ...fallback };
  if (!input || typeof input !== 'object') return s;
  if (DISTRIBUTIONS.includes(input.distribution)) s.distribution = input.distribution;
  const seed = Number(input.seed);
  if (input.seed !== undefined && Number.isInteger(seed) && seed >= 1 && seed <= 99999) s.seed = seed;
  const offset = Number(input.offset);
  if (input.offset !== undefined && OFFSETS.includes(offset)) s.offset = offset;
  const groups = Number(input.groups);
  if (input.groups !== undefined && GROUPS.includes(groups)) s.groups = groups;
  return s;
}

const optionsFor = (kind, groups) => (kind === 'group' ? { groups } : {});

/**
 * Everything the figure shows for `state`: { input, outputs: { kind: describe }, counts: { kind: statCount },
 * differences: { layer, instance, g1Layer, gcInstance } }. The input is cached by distribution/seed/offset.
 */
export function createEveryNorm(core) {
  let inputKey = '';
  let x = null;
  let input = null;
  return function compute(state) {
    const key = `${state.distribution}|${state.seed}|${state.offset}`;
    if (key !== inputKey) {
      x = core.sample(state.distribution, N * C * L, { seed: state.seed, mean: state.offset, std: 1 });
      input = core.describe(x, { bins: BINS });
      inputKey = key;
    }
    const raw = {};
    const outputs = {};
    const counts = {};
    for (const kind of KINDS) {
      raw[kind] = core.normalize(kind, x, SHAPE, optionsFor(kind, state.groups)).output;
      outputs[kind] = core.describe(raw[kind], { bins: BINS, range: [...OUTPUT_RANGE] });
      counts[kind] = core.statCount(kind, SHAPE, optionsFor(kind, state.groups));
    }
    const g1 = core.normalize('group', x, SHAPE, { groups: 1 }).output;
    const gc = core.normalize('group', x, SHAPE, { groups: C }).output;
    const differences = {
      layer: core.maxAbsDifference(raw.group, raw.layer),
      instance: core.maxAbsDifference(raw.group, raw.instance),
      g1Layer: core.maxAbsDifference(g1, raw.layer),
      gcInstance: core.maxAbsDifference(gc, raw.instance),
    };
    return { input, outputs, counts, differences };
  };
}
