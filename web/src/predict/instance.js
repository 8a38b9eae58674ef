// One instance of a predict check: parameters drawn from a seed, the core's numbers for them and the option
// those numbers make correct. A seed whose numbers fall between the options' thresholds is skipped (the next
// seed is tried), so every instance a learner sees has one unambiguous answer. The seed recorded for an
// instance reproduces it exactly: params(seed) → run(core).
//
//   makeInstance(generator, core, block, seed, { avoid }) -> { seed, key, params, correct, values, chart,
//                                                              scenario?, order }
//   avoid: the key of the instance on screen ("Try another" never shows the same parameters again)

import { seededRandom, shuffled } from './rng.js';

const MAX_TRIES = 200;

export const paramsKey = (params) => JSON.stringify(params, Object.keys(params).sort());

export function makeInstance(generator, core, block, seed, { avoid = null } = {}) {
  for (let k = 0; k < MAX_TRIES; k++) {
    const s = (seed + k) >>> 0;
    const params = generator.params(seededRandom(s), block);
    const key = paramsKey(params);
    if (key === avoid) continue;
    const result = generator.run(core, params, block);
    if (!result.correct) continue;
    const ids = block.options.map((o) => o.id);
    const order = generator.shuffle ? shuffled(seededRandom(s ^ 0x5bd1e995), ids) : ids;
    return { seed: s, key, params, order, ...result };
  }
  throw new Error(`predict generator "${generator.name}" found no unambiguous instance near seed ${seed}`); // i18n-exempt: a programming error, caught and shown as a catalogue message
}
