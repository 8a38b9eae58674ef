// thin.js — which of a loss curve's points the chart draws: at most MAX_POINTS per series. The page thins a live
// run with it and tools/comparisons.mjs thins the shipped runs with it, so both carry the same points.

export const MAX_POINTS = 500;

/** Indices of at most `max` evenly spaced points of an n-point series, always including the last. */
export function thin(n, max = MAX_POINTS) {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const stride = Math.ceil(n / max);
  const out = [];
  for (let i = 0; i < n; i += stride) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}
