// The playground's core calls, with caches so that a slider only recomputes what it changes:
//   stream   core.sample(dist, rows·C) per (dist, C, seed); a batch of n is its first n rows (the core's
//            sampler is a stream: sample(d, k) is a prefix of sample(d, m ≥ k) — tests/wasm checks this)
//   raw      describe + groupMoments of the batch, per (stream, n, kind, groups)
//   output   normalize + describe + groupMoments of the output, on every change
//   noise    core.batchSpread for BatchNorm and LayerNorm, per (dist, n, C, seed)
//   running  BatchNorm running statistics for eval mode, per (dist, C, seed): WARMUP_STEPS training steps
//            of batches of WARMUP_BATCH through core.normalize (which updates them in place), and the
//            core.runningTrace of channel 0 over the same batches.
//   gradient core.backward with the forward's exact input and options, for one of UPSTREAM's gradients
//            ∂L/∂y, + describe/groupMoments of ∂L/∂x; only asked for while the gradient tab is shown.
// Shape is [n, C, 1] (feature vectors). Errors from the core propagate as NormlabError.
// The large arrays (the batch, the output, ∂L/∂y, ∂L/∂x: 8 MB each at 512 × 4096) live in core.heapArrays
// that the core reads and writes in place: a redraw copies nothing across the WASM boundary.

import { constantArray, INPUT_PRESETS } from '../inputs.js';

export const MAX_BATCH = 512;
export const SPREAD_REPEATS = 200;
export const WARMUP_STEPS = 30;
export const WARMUP_BATCH = 32;
export const MOMENTUM = 0.1;
/** The upstream gradients ∂L/∂y the playground offers (loss = sum of outputs, random, one element, ½‖y‖²). */
export const UPSTREAM = Object.freeze(['ones', 'random', 'one', 'output']);
// The random upstream gradient is a standard normal stream of its own, not the input's (same seed).
export const UPSTREAM_SEED_OFFSET = 1000003;
export const GRADIENT_BINS = 30;

/** The normalize() options for a playground state (γ, β per channel; running statistics in eval mode). */
export function normOptions(state, arrays, running) {
  const { kind, c, eps, gamma, beta, g, mode } = state;
  const opts = { eps, gamma: constantArray(arrays, 'gamma', c, gamma) };
  if (kind !== 'rms') opts.beta = constantArray(arrays, 'beta', c, beta);
  if (kind === 'group') opts.groups = g;
  if (kind === 'batch' && mode === 'eval') {
    opts.training = false;
    opts.runningMean = running.mean.slice();
    opts.runningVar = running.var.slice();
  }
  return opts;
}

export function createEngine(core) {
  const arrays = new Map();
  const memo = new Map();
  // One cached value per slot; recomputed when its key changes.
  const cached = (slot, key, make) => {
    const hit = memo.get(slot);
    if (hit && hit.key === key) return hit.value;
    memo.delete(slot); // drop the old value before making the new one (large arrays)
    const value = make();
    memo.set(slot, { key, value });
    return value;
  };
  const groupsOf = (s) => (s.kind === 'group' ? s.g : 0);
  // Heap arrays by slot, kept while their length stays (refilled by the caller when their key changes).
  const heapArrays = new Map();
  const heapArray = (slot, length) => {
    let a = heapArrays.get(slot);
    if (a?.length !== length) {
      a?.dispose();
      a = core.heapArray(length);
      heapArrays.set(slot, a);
    }
    return a;
  };
  // heapArray(slot) holding what fill(array) writes into it, refilled when key changes.
  const heapCached = (slot, key, length, fill) => {
    const a = heapArray(slot, length);
    if (a.key !== key) {
      a.key = null; // a failed fill leaves no stale key behind
      fill(a);
      a.key = key;
    }
    return a;
  };
  // A group of one value (or of equal values) has no skewness: the core reports NaN, which describe()
  // rejects. That summary is then shown as undefined (null) rather than failing the whole view.
  const summarise = (values) => {
    try {
      return core.describe(values, { bins: 1 });
    } catch (error) {
      if (error?.argument === 'values') return null;
      throw error;
    }
  };
  const spreadOf = (moments) => ({
    mean: summarise(moments.mean),
    std: summarise(moments.std),
    skewness: summarise(moments.skewness),
    count: moments.mean.length,
  });

  // Rows are drawn ahead (at least 64, doubling as the batch grows, at most MAX_BATCH) so that dragging the
  // batch-size slider mostly slices an existing draw instead of sampling again.
  function stream(s) {
    const key = `${s.dist}|${s.c}|${s.seed}`;
    const hit = memo.get('stream');
    if (hit && hit.key === key && hit.value.length >= s.n * s.c) return hit.value;
    const rows = Math.min(MAX_BATCH, Math.max(64, s.n, hit && hit.key === key ? 2 * (hit.value.length / s.c) : 0));
    memo.delete('stream');
    const value = core.sample(s.dist, rows * s.c, { seed: s.seed, ...INPUT_PRESETS[s.dist] });
    memo.set('stream', { key, value });
    return value;
  }

  function running(s) {
    return cached('running', `${s.dist}|${s.c}|${s.seed}`, () => {
      const mean = new Float32Array(s.c); // PyTorch's initial running statistics: mean 0, variance 1
      const variance = new Float32Array(s.c).fill(1);
      for (let step = 0; step < WARMUP_STEPS; step++) {
        // The same batches as core.runningTrace draws (seed + step), so its channel-0 trace is this run's.
        const batch = core.sample(s.dist, WARMUP_BATCH * s.c, { seed: s.seed + step, ...INPUT_PRESETS[s.dist] });
        core.normalize('batch', batch, [WARMUP_BATCH, s.c, 1], {
          training: true,
          runningMean: mean,
          runningVar: variance,
          momentum: MOMENTUM,
        });
      }
      const trace = core.runningTrace(s.dist, {
        batch: WARMUP_BATCH,
        features: s.c,
        steps: WARMUP_STEPS,
        momentum: MOMENTUM,
        seed: s.seed,
        ...INPUT_PRESETS[s.dist],
      });
      return { mean, var: variance, trace };
    });
  }

  function noise(s) {
    return cached('noise', `${s.dist}|${s.n}|${s.c}|${s.seed}`, () => {
      const sample = { seed: s.seed, ...INPUT_PRESETS[s.dist] };
      const out = { batch: null, batchError: null, layer: null };
      // The statistics of channel 0 use only channel 0's N values, and a sample's only its own C values:
      // asking for features 1 (BatchNorm) and batch 1 (LayerNorm) gives the same statistics for less sampling.
      try {
        out.batch = core.batchSpread('batch', s.dist, { batch: s.n, features: 1, repeats: SPREAD_REPEATS, ...sample });
      } catch (error) {
        out.batchError = error;
      }
      out.layer = core.batchSpread('layer', s.dist, { batch: 1, features: s.c, repeats: SPREAD_REPEATS, ...sample });
      return out;
    });
  }

  // A NormlabError (an invalid setting, e.g. BatchNorm training on a batch of 1) becomes a value.
  const attempt = (fn) => {
    try {
      return { value: fn() };
    } catch (error) {
      if (error?.name !== 'NormlabError') throw error;
      return { error };
    }
  };

  /**
   * Everything the playground shows for state s. For a setting the core rejects, `error` holds its
   * NormlabError and only the raw side (and the noise panel) is filled in; norm, improvement and
   * normGroups are null.
   */
  // The batch x (a prefix of the stream) in the heap.
  const input = (s) => {
    const length = s.n * s.c;
    return heapCached('input', `${s.dist}|${s.c}|${s.seed}|${s.n}`, length, (a) =>
      a.set(stream(s).subarray(0, length)),
    );
  };

  function run(s) {
    const shape = [s.n, s.c, 1];
    const x = input(s);
    const rawKey = `${s.dist}|${s.c}|${s.seed}|${s.n}`;
    // The table shows no median: skipping it spares the core a partial sort of up to 2M values per frame.
    const raw = cached('raw', rawKey, () => core.describe(x, { bins: 1, median: false }));
    const rawGroups =
      attempt(() =>
        cached('rawGroups', `${rawKey}|${s.kind}|${groupsOf(s)}`, () =>
          spreadOf(core.groupMoments(s.kind, x, shape, { groups: groupsOf(s) })),
        ),
      ).value ?? null;
    const result = { raw, rawGroups, norm: null, improvement: null, normGroups: null, error: null, running: null };
    result.noise = noise(s);
    const eval_ = s.kind === 'batch' && s.mode === 'eval';
    const out = attempt(() => {
      const run_ = eval_ ? running(s) : null;
      // One output array reused across frames (the core writes into it in the heap): no copy, no allocation.
      const output = heapArray('output', x.length);
      return { y: core.normalize(s.kind, x, shape, { ...normOptions(s, arrays, run_), output }).output, run_ };
    });
    if (out.error) return { ...result, error: out.error };
    const { y, run_ } = out.value;
    result.norm = core.describe(y, { bins: 1, median: false });
    result.improvement = core.improvement(raw, result.norm);
    result.normGroups = spreadOf(core.groupMoments(s.kind, y, shape, { groups: groupsOf(s) }));
    result.running = run_;
    return result;
  }

  // ∂L/∂y for state s: filled constant arrays and the seeded stream are kept while their size/seed stay.
  function upstream(s, which, x, shape, opts) {
    const length = x.length;
    if (which === 'ones') return heapCached('upstream', 'ones', length, (a) => a.array().fill(1));
    if (which === 'random') {
      return heapCached('upstream', `random|${s.seed}`, length, (a) =>
        a.set(core.sample('normal', length, { seed: s.seed + UPSTREAM_SEED_OFFSET })),
      );
    }
    if (which === 'one') {
      return heapCached('upstream', 'one', length, (a) => {
        const g = a.array().fill(0);
        g[0] = 1; // output element [0, 0, 0]
      });
    }
    // loss = ½‖y‖² has ∂L/∂y = y: the forward output, in an array of its own (the table's stays untouched).
    const g = heapArray('upstream', length);
    g.key = null;
    return core.normalize(s.kind, x, shape, { ...opts, output: g }).output;
  }

  /**
   * The gradient view for state s and upstream gradient `which` (one of UPSTREAM): { upstream, input,
   * inputGroups } summaries, or { error } when the core rejects the setting (as the forward does).
   */
  function gradient(s, which) {
    const shape = [s.n, s.c, 1];
    const x = input(s);
    const key = `${s.kind}|${s.dist}|${s.n}|${s.c}|${groupsOf(s)}|${s.eps}|${s.gamma}|${s.beta}|${s.mode}|${s.seed}|${which}`;
    const result = attempt(() =>
      cached('gradient', key, () => {
        // Eval mode normalizes with running statistics of their own copy (normOptions copies them).
        const opts = normOptions(s, arrays, s.kind === 'batch' && s.mode === 'eval' ? running(s) : null);
        const g = upstream(s, which, x, shape, opts);
        const { gradInput } = core.backward(s.kind, x, g, shape, {
          ...opts,
          gradInput: heapArray('gradInput', x.length),
        });
        // Only ½‖y‖²'s ∂L/∂y (= y) follows the settings; the other upstream gradients keep their summary while
        // their size and seed stay (describing 2M values is ~11 ms of a redraw at the largest setting).
        const upstreamKey = which === 'output' ? key : `${which}|${g.length}|${which === 'random' ? s.seed : ''}`;
        return {
          upstream: cached('upstreamSummary', upstreamKey, () => core.describe(g, { bins: 1, median: false })),
          input: core.describe(gradInput, { bins: GRADIENT_BINS, median: false }),
          inputGroups: spreadOf(core.groupMoments(s.kind, gradInput, shape, { groups: groupsOf(s) })),
        };
      }),
    );
    return result.error ? { error: result.error } : result.value;
  }

  /** Frees the heap arrays (the figure is gone). */
  function dispose() {
    for (const a of heapArrays.values()) a.dispose();
    heapArrays.clear();
    memo.clear();
  }

  return { run, noise, gradient, dispose };
}
