// inputs.js — the layer inputs the figures share, with no DOM: the raw distribution presets, the distribution
// figure's batch shape, the γ and β stops, the allowed GroupNorm group counts and a reusable constant array.

// Raw activations per distribution: the core draws standardized values, then scale and shift them
// (mean = shift, std = scale). Each preset is a visibly un-normalized layer input.
export const INPUT_PRESETS = Object.freeze({
  normal: { shift: 5, scale: 3 },
  skewed: { shift: 2, scale: 1.5 },
  bimodal: { shift: -1.5, scale: 2 },
  heavy: { shift: 1, scale: 2 },
  uniform: { shift: 3, scale: 4 },
});

/** The γ and β slider stops of the distributions figure and the playground: 0 … 3 step 0.05, −3 … 3 step 0.1. */
export const GAMMAS = Object.freeze(Array.from({ length: 61 }, (_, i) => Math.round(i * 5) / 100));
export const BETAS = Object.freeze(Array.from({ length: 61 }, (_, i) => Math.round((i - 30) * 10) / 100));

/** The distribution figure's batch: N = 32 samples × C = 16 channels × L = 8 positions. */
export const DIST_SHAPE = Object.freeze([32, 16, 8]);

/** Divisors of c (the allowed GroupNorm group counts). Integer arithmetic on the shape, not a statistic. */
export function divisors(c) {
  const out = [];
  for (let g = 1; g <= c; g++) if (c % g === 0) out.push(g);
  return out;
}

/** A Float32Array of length n filled with v, reused from `cache` (a Map) while n and v stay the same. */
export function constantArray(cache, key, n, v) {
  let a = cache.get(key);
  if (!a || a.length !== n) {
    a = new Float32Array(n);
    cache.set(key, a);
    a.fill(v);
  } else if (a[0] !== v) {
    a.fill(v);
  }
  return a;
}
