// The playground's settings in the URL fragment, under its own key and beside whatever else the fragment
// holds: "#pg=kind:batch,n:64,c:256,g:32,eps:1e-5,gamma:1,beta:0,dist:normal,mode:train,seed:1".
// Parts of the fragment are separated by "&"; only the part starting with "pg=" is read or written.
// Every field is checked against the values the controls offer; anything else falls back to the default.

import { DISTRIBUTIONS, KIND_DISPLAY_ORDER } from '../../vocabulary.js';
import { BETAS, divisors, GAMMAS } from '../inputs.js';

export const HASH_KEY = 'pg';
export const BATCH_SIZES = Object.freeze([1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512]);
export const FEATURES = Object.freeze([8, 16, 32, 64, 128, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096]);
export const EPSILONS = Object.freeze([1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);

/** The GroupNorm default for c channels: 32 groups when 32 divides c, otherwise the largest divisor below. */
export const defaultGroups = (c) =>
  divisors(c)
    .filter((g) => g <= 32)
    .pop();

export const DEFAULTS = Object.freeze({
  kind: 'batch',
  n: 64,
  c: 256,
  g: 32,
  eps: 1e-5,
  gamma: 1,
  beta: 0,
  dist: 'normal',
  mode: 'train',
  seed: 1,
});

const inList = (list, v) => list.find((x) => x === v);

/** A complete, valid state from a partial or untrusted one (strings from the URL are accepted). */
export function cleanState(input, base = DEFAULTS) {
  const s = input && typeof input === 'object' ? input : {};
  const num = (v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
  const out = { ...base };
  if (KIND_DISPLAY_ORDER.includes(s.kind)) out.kind = s.kind;
  if (DISTRIBUTIONS.includes(s.dist)) out.dist = s.dist;
  if (s.mode === 'train' || s.mode === 'eval') out.mode = s.mode;
  if (s.n !== undefined) out.n = inList(BATCH_SIZES, num(s.n)) ?? DEFAULTS.n;
  if (s.c !== undefined) out.c = inList(FEATURES, num(s.c)) ?? DEFAULTS.c;
  if (s.eps !== undefined) out.eps = EPSILONS.find((e) => Math.abs(e - num(s.eps)) <= e * 1e-6) ?? DEFAULTS.eps;
  if (s.gamma !== undefined) out.gamma = GAMMAS.find((x) => Math.abs(x - num(s.gamma)) < 1e-9) ?? DEFAULTS.gamma;
  if (s.beta !== undefined) out.beta = BETAS.find((x) => Math.abs(x - num(s.beta)) < 1e-9) ?? DEFAULTS.beta;
  if (s.seed !== undefined) {
    const seed = num(s.seed);
    out.seed = Number.isInteger(seed) && seed >= 1 && seed < 2 ** 31 ? seed : DEFAULTS.seed;
  }
  const g = s.g !== undefined ? num(s.g) : out.g;
  out.g = Number.isInteger(g) && g >= 1 && out.c % g === 0 ? g : defaultGroups(out.c);
  return out;
}

const parts = (hash) => hash.replace(/^#/, '').split('&').filter(Boolean);

/** The state in `hash` (location.hash), or null when the fragment has no playground part. */
export function readHash(hash) {
  const part = parts(hash).find((p) => p.startsWith(`${HASH_KEY}=`));
  if (!part) return null;
  let body = part.slice(HASH_KEY.length + 1);
  try {
    body = decodeURIComponent(body);
  } catch {
    return cleanState({});
  }
  const fields = {};
  for (const pair of body.split(',')) {
    const at = pair.indexOf(':');
    if (at > 0) fields[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return cleanState(fields);
}

/** `hash` with the playground part replaced by `state` (other parts kept, in order). */
export function writeHash(hash, state) {
  const value =
    `${HASH_KEY}=` +
    ['kind', 'n', 'c', 'g', 'eps', 'gamma', 'beta', 'dist', 'mode', 'seed']
      .map((k) => `${k}:${k === 'eps' ? state.eps.toExponential(0).replace('e+0', '') : state[k]}`)
      .join(',');
  const list = parts(hash);
  const at = list.findIndex((p) => p.startsWith(`${HASH_KEY}=`));
  if (at >= 0) list[at] = value;
  else list.push(value);
  return `#${list.join('&')}`;
}
