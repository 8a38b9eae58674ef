// core.js — the one JavaScript module that talks to the WebAssembly core (web/src/wasm/, built by
// scripts/build-wasm.sh from core/). It gives the lesson an idiomatic API with defaults, copies typed
// arrays into the WASM heap and back (one copy each way, no per-element JS work), frees every
// allocation, and turns the core's { error } results into thrown Errors. It never computes a statistic.
// Works in browsers (the .wasm is fetched next to this module) and in Node >= 20 (read from disk).
import createNormlabModule from './wasm/normlab.mjs';

/** An invalid argument, named as in this API (e.g. "groups"); the message states the constraint. */
export class NormlabError extends Error {
  constructor(message, argument = '') {
    super(message);
    this.name = 'NormlabError';
    this.argument = argument;
  }
}

export const KINDS = Object.freeze(['batch', 'layer', 'rms', 'group', 'instance']);
export const DISTRIBUTIONS = Object.freeze(['normal', 'uniform', 'skewed', 'bimodal', 'heavy']);

const isNode =
  typeof process === 'object' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

async function nodeWasmBinary() {
  // A variable specifier keeps bundlers from trying to pull node:fs into the browser build.
  const fsModule = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fsModule);
  return readFile(new URL('./wasm/normlab.wasm', import.meta.url));
}

/**
 * Loads the WebAssembly core once per call.
 * options.wasmBinary: the module's bytes (skips fetching); options.wasmUrl: where to fetch them from.
 */
export async function loadCore(options = {}) {
  const args = {};
  if (options.wasmBinary) args.wasmBinary = options.wasmBinary;
  else if (isNode) args.wasmBinary = await nodeWasmBinary();
  else if (options.wasmUrl) args.locateFile = () => String(options.wasmUrl);
  const module = await createNormlabModule(args);
  return createCore(module);
}

// ---- argument checks that only JavaScript can make (types); the core checks every value rule ----

function fail(argument, constraint) {
  throw new NormlabError(`${argument}: ${constraint}`, argument);
}

function float32(value, argument) {
  if (value instanceof Float32Array) return value;
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    return Float32Array.from(value);
  }
  return fail(argument, 'must be a Float32Array (or an array of numbers)');
}

function number(value, argument, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') fail(argument, 'must be a number');
  return value;
}

function checkKeys(opts, allowed, argument = 'opts') {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts)) fail(argument, 'must be an object');
  for (const key of Object.keys(opts)) {
    if (!allowed.includes(key)) fail(argument, `unknown option "${key}" (expected ${allowed.join(', ')})`);
  }
  return opts;
}

function toShape(shape) {
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((d) => typeof d === 'number')) {
    fail('shape', 'must be an array of three numbers [N, C, L]');
  }
  return { n: shape[0], c: shape[1], l: shape[2] };
}

function kindName(kind) {
  if (typeof kind !== 'string') fail('kind', `must be one of ${KINDS.join(', ')}`);
  return kind;
}

const SAMPLE_KEYS = ['seed', 'shift', 'scale', 'mean', 'std', 'shape', 'separation', 'weight', 'df'];

// The core names shift/scale; a caller who wrote mean/std should see the name they used.
function withAliases(opts, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NormlabError) {
      const alias = { shift: 'mean', scale: 'std' }[e.argument];
      if (alias && opts[alias] !== undefined) throw new NormlabError(e.message.replace(e.argument, alias), alias);
    }
    throw e;
  }
}

function sampleParams(opts) {
  if (opts.mean !== undefined && opts.shift !== undefined) fail('mean', 'give mean or shift, not both');
  if (opts.std !== undefined && opts.scale !== undefined) fail('std', 'give std or scale, not both');
  return {
    seed: number(opts.seed, 'seed', 1),
    shift: number(opts.mean ?? opts.shift, opts.mean !== undefined ? 'mean' : 'shift', 0),
    scale: number(opts.std ?? opts.scale, opts.std !== undefined ? 'std' : 'scale', 1),
    shape: number(opts.shape, 'shape', 2),
    separation: number(opts.separation, 'separation', 4),
    weight: number(opts.weight, 'weight', 0.5),
    df: number(opts.df, 'df', 3),
  };
}

// ---- the core object ----------------------------------------------------------------------------

function createCore(M) {
  const heapF32 = () => M.HEAPF32;

  // One malloc per call for all of its arrays (sizes in floats), freed whatever happens.
  function withHeap(sizes, fn) {
    const offsets = [];
    let total = 0;
    for (const n of sizes) {
      offsets.push(total);
      total += (n + 3) & ~3; // keep every array 16-byte aligned for SIMD loads
    }
    const base = M._malloc(Math.max(16, total * 4));
    if (!base) throw new NormlabError('out of memory: the arrays are too large for this page');
    try {
      return fn(offsets.map((o) => base + o * 4));
    } finally {
      M._free(base);
    }
  }

  const put = (ptr, array) => heapF32().set(array, ptr >> 2);
  // new + set is several times faster than TypedArray.prototype.slice on V8 for large arrays.
  const take = (ptr, n, into = new Float32Array(n)) => {
    into.set(heapF32().subarray(ptr >> 2, (ptr >> 2) + n));
    return into;
  };

  function check(result) {
    if (result && result.error !== undefined) throw new NormlabError(result.error, result.argument);
    return result;
  }

  // The hot bindings return a number, or -1 with the error kept for lastError().
  function checkNumber(result) {
    if (result < 0) check(M.lastError());
    return result;
  }

  // Validates the options shared by normalize and backward; returns them with typed arrays.
  const NORM_KEYS = ['eps', 'groups', 'gamma', 'beta', 'training', 'runningMean', 'runningVar', 'momentum', 'output'];
  function normOptions(opts) {
    const o = checkKeys(opts, NORM_KEYS);
    if (o.training !== undefined && typeof o.training !== 'boolean') fail('training', 'must be true or false');
    for (const name of ['runningMean', 'runningVar']) {
      if (o[name] !== undefined && !(o[name] instanceof Float32Array)) {
        fail(name, 'must be a Float32Array (it is updated in place)');
      }
    }
    return {
      eps: number(o.eps, 'eps', 1e-5),
      groups: number(o.groups, 'groups', 0),
      training: o.training ?? true,
      momentum: number(o.momentum, 'momentum', 0.1),
      gamma: o.gamma === undefined ? null : float32(o.gamma, 'gamma'),
      beta: o.beta === undefined ? null : float32(o.beta, 'beta'),
      runningMean: o.runningMean ?? null,
      runningVar: o.runningVar ?? null,
      output: o.output ?? null,
    };
  }

  // Copies the parameter arrays into their heap slots and builds the options object for the binding.
  function paramsLayout(o) {
    const running = o.runningMean || o.runningVar;
    if (running && (!o.runningMean || !o.runningVar)) {
      fail(o.runningMean ? 'runningVar' : 'runningMean', 'runningMean and runningVar must be given together');
    }
    if (running && o.runningMean.length !== o.runningVar.length) {
      fail('runningVar', `length ${o.runningVar.length} must equal runningMean's (${o.runningMean.length})`);
    }
    return {
      // The last slot holds the 11 option doubles the binding reads (RawNormOptions in embind.cpp).
      sizes: [o.gamma?.length ?? 0, o.beta?.length ?? 0, o.runningMean?.length ?? 0, o.runningVar?.length ?? 0, 22],
      fill([g, b, rm, rv, optionsPtr]) {
        if (o.gamma) put(g, o.gamma);
        if (o.beta) put(b, o.beta);
        if (running) {
          put(rm, o.runningMean);
          put(rv, o.runningVar);
        }
        M.HEAPF64.set(
          [
            o.eps,
            o.groups,
            o.training ? 1 : 0,
            o.momentum,
            g,
            o.gamma?.length ?? 0,
            b,
            o.beta?.length ?? 0,
            rm,
            rv,
            running ? o.runningMean.length : 0,
          ],
          optionsPtr >> 3,
        );
        return optionsPtr;
      },
      copyBack([, , rm, rv]) {
        if (!running) return;
        o.runningMean.set(take(rm, o.runningMean.length));
        o.runningVar.set(take(rv, o.runningVar.length));
      },
    };
  }

  function statCount(kind, shape, opts = {}) {
    const o = checkKeys(opts, ['groups']);
    return check(M.statCount(kindName(kind), toShape(shape), number(o.groups, 'groups', 0))).count;
  }

  return Object.freeze({
    version: M.version(),

    /**
     * Forward pass: { output, mean, rstd } (one mean/rstd per normalization group).
     * opts.output (a Float32Array of N*C*L) is filled and returned as output instead of a new array:
     * live figures reuse one buffer and skip an allocation per redraw.
     */
    normalize(kind, input, shape, opts = {}) {
      const x = float32(input, 'input');
      const s = toShape(shape);
      const o = normOptions(opts);
      if (o.output && (!(o.output instanceof Float32Array) || o.output.length !== x.length)) {
        fail('output', `must be a Float32Array of the input's length (${x.length})`);
      }
      // Room for the largest statistics count any kind can need; the binding reports the real one.
      const maxCount = Math.max(s.c, s.n * s.c);
      const p = paramsLayout(o);
      return withHeap([x.length, x.length, maxCount, maxCount, ...p.sizes], ([xp, yp, mp, rp, ...pp]) => {
        put(xp, x);
        const count = checkNumber(M.normalize(kindName(kind), xp, x.length, s.n, s.c, s.l, p.fill(pp), yp, mp, rp));
        p.copyBack(pp);
        return { output: take(yp, x.length, o.output ?? undefined), mean: take(mp, count), rstd: take(rp, count) };
      });
    },

    /** Gradients of the forward pass: { gradInput, gradGamma?, gradBeta? }. */
    backward(kind, input, gradOutput, shape, opts = {}) {
      const x = float32(input, 'input');
      const g = float32(gradOutput, 'gradOutput');
      const s = toShape(shape);
      if (opts?.output !== undefined) fail('opts', 'unknown option "output" (backward returns new arrays)');
      const o = normOptions(opts);
      const p = paramsLayout(o);
      const ng = o.gamma?.length ?? 0;
      const nb = o.beta?.length ?? 0;
      return withHeap([x.length, g.length, x.length, ng, nb, ...p.sizes], ([xp, gp, dxp, dgp, dbp, ...pp]) => {
        put(xp, x);
        put(gp, g);
        checkNumber(M.backward(kindName(kind), xp, gp, x.length, g.length, s.n, s.c, s.l, p.fill(pp), dxp, dgp, dbp));
        const result = { gradInput: take(dxp, x.length) };
        if (o.gamma) result.gradGamma = take(dgp, ng);
        if (o.beta) result.gradBeta = take(dbp, nb);
        return result;
      });
    },

    /**
     * count, mean, std (population), min, max, median, skewness and a numpy-style histogram.
     * opts.bins (40), opts.range [lo, hi], opts.median (true; false skips the partial sort: median NaN).
     */
    describe(values, opts = {}) {
      const v = float32(values, 'values');
      const o = checkKeys(opts, ['bins', 'range', 'median']);
      if (o.median !== undefined && typeof o.median !== 'boolean') fail('median', 'must be true or false');
      let range = null;
      if (o.range !== undefined) {
        if (!Array.isArray(o.range) || o.range.length !== 2 || !o.range.every((x) => typeof x === 'number')) {
          fail('range', 'must be [lo, hi]');
        }
        range = o.range;
      }
      return withHeap([v.length], ([vp]) => {
        put(vp, v);
        return check(
          M.describe(
            vp,
            v.length,
            number(o.bins, 'bins', 40),
            range !== null,
            range?.[0] ?? 0,
            range?.[1] ?? 0,
            o.median ?? true,
          ),
        );
      });
    },

    /** count draws from a seeded distribution (normal, uniform, skewed, bimodal, heavy). */
    sample(distribution, count, opts = {}) {
      const o = checkKeys(opts, SAMPLE_KEYS);
      if (typeof distribution !== 'string') fail('distribution', `must be one of ${DISTRIBUTIONS.join(', ')}`);
      const n = number(count, 'count');
      const params = sampleParams(o);
      if (!Number.isInteger(n) || n < 1) fail('count', 'must be an integer >= 1');
      return withAliases(o, () =>
        withHeap([n], ([op]) => {
          checkNumber(M.sample(distribution, n, params, op));
          return take(op, n);
        }),
      );
    },

    statCount,

    /**
     * Element `index` of normalize(kind, input, shape, opts), step by step: { x, group, groupSize, mean, rstd,
     * centered, normalized, param, gamma, beta, output }, with output/mean/rstd exactly normalize()'s.
     * Running statistics are read (BatchNorm eval) but never updated; opts.output is not accepted.
     */
    explainElement(kind, input, shape, index, opts = {}) {
      const x = float32(input, 'input');
      const s = toShape(shape);
      if (opts?.output !== undefined) fail('opts', 'unknown option "output" (explainElement returns one element)');
      const i = number(index, 'index');
      const o = normOptions(opts);
      const p = paramsLayout(o);
      return withHeap([x.length, ...p.sizes], ([xp, ...pp]) => {
        put(xp, x);
        return check(M.explainElement(kindName(kind), xp, x.length, s.n, s.c, s.l, i, p.fill(pp)));
      });
    },

    /** max |a[i] − b[i]| (NaN when an element is NaN): how far two outputs are apart. */
    maxAbsDifference(a, b) {
      const x = float32(a, 'a');
      const y = float32(b, 'b');
      return withHeap([x.length, y.length], ([ap, bp]) => {
        put(ap, x);
        put(bp, y);
        return checkNumber(M.maxAbsDifference(ap, x.length, bp, y.length));
      });
    },

    /** For every element, the index of the normalization group whose mean/rstd it uses. */
    groupIds(kind, shape, opts = {}) {
      const o = checkKeys(opts, ['groups']);
      return check(M.groupIds(kindName(kind), toShape(shape), number(o.groups, 'groups', 0))).ids;
    },

    /** Mean, std and skewness within each normalization group of values. */
    groupMoments(kind, values, shape, opts = {}) {
      const v = float32(values, 'values');
      const o = checkKeys(opts, ['groups']);
      const s = toShape(shape);
      return withHeap([v.length], ([vp]) => {
        put(vp, v);
        return check(M.groupMoments(kindName(kind), vp, v.length, s, number(o.groups, 'groups', 0)));
      });
    },

    /** Percent closer to mean 0 and to std 1 after normalization (NaN where nothing could improve). */
    improvement(raw, normalized) {
      for (const [name, v] of [
        ['raw', raw],
        ['normalized', normalized],
      ]) {
        if (!v || typeof v.mean !== 'number' || typeof v.std !== 'number') fail(name, 'must be { mean, std }');
      }
      return check(M.improvement(raw.mean, raw.std, normalized.mean, normalized.std));
    },

    /** Per-repeat statistics of the group holding element [0,0,0] for fresh batches: BatchNorm's noise. */
    batchSpread(kind, distribution, opts = {}) {
      const o = checkKeys(opts, ['batch', 'features', 'repeats', 'groups', ...SAMPLE_KEYS]);
      return withAliases(o, () =>
        check(
          M.batchSpread(
            kindName(kind),
            String(distribution),
            sampleParams(o),
            number(o.batch, 'batch'),
            number(o.features, 'features'),
            number(o.repeats, 'repeats', 200),
            number(o.groups, 'groups', 0),
          ),
        ),
      );
    },

    /** BatchNorm running statistics of channel 0 over training steps, against the batch statistics. */
    runningTrace(distribution, opts = {}) {
      const o = checkKeys(opts, ['batch', 'features', 'steps', 'momentum', ...SAMPLE_KEYS]);
      return withAliases(o, () =>
        check(
          M.runningTrace(
            String(distribution),
            sampleParams(o),
            number(o.batch, 'batch'),
            number(o.features, 'features'),
            number(o.steps, 'steps', 50),
            number(o.momentum, 'momentum', 0.1),
          ),
        ),
      );
    },

    /** Current size of the WASM heap in bytes (it only grows; tests use it to prove nothing leaks). */
    heapBytes() {
      return M.HEAPU8.buffer.byteLength;
    },
  });
}

// ---- the training simulation (a second, lazily loaded module) ------------------------------------

const TRAIN_KEYS = [
  'dataset',
  'depth',
  'width',
  'activation',
  'init',
  'architecture',
  'norm',
  'groups',
  'optimizer',
  'momentum',
  'learningRate',
  'batchSize',
  'eps',
  'bnMomentum',
  'steps',
  'evalEvery',
  'seed',
  'dataSeed',
  'divergenceLoss',
  'watchLayer',
  'histBins',
  'histRange',
];

/**
 * Loads the training simulation's WebAssembly module (separate from loadCore() so that the page's
 * first load stays small; the lesson loads it inside a Web Worker).
 * options.wasmBinary / options.wasmUrl as for loadCore().
 */
export async function loadTrainer(options = {}) {
  const { default: createModule } = await import('./wasm/normlab-train.mjs');
  const args = {};
  if (options.wasmBinary) args.wasmBinary = options.wasmBinary;
  else if (isNode) {
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(/* @vite-ignore */ fsModule);
    args.wasmBinary = await readFile(new URL('./wasm/normlab-train.wasm', import.meta.url));
  } else if (options.wasmUrl) args.locateFile = () => String(options.wasmUrl);
  return createTrainerCore(await createModule(args));
}

function createTrainerCore(M) {
  function check(result) {
    if (result && result.error !== undefined) throw new NormlabError(result.error, result.argument);
    return result;
  }

  function config(value) {
    return checkKeys(value ?? {}, TRAIN_KEYS, 'config');
  }

  // Copies the digits bytes (when given) into the heap for the duration of fn(ptr, length).
  function withDigits(options, fn) {
    const o = checkKeys(options, ['digits']);
    const digits = o.digits;
    if (digits === undefined) return fn(0, 0);
    if (!(digits instanceof Uint8Array)) fail('digits', 'must be a Uint8Array (data/digits/digits.bin)');
    const ptr = M._malloc(Math.max(1, digits.length));
    if (!ptr) throw new NormlabError('out of memory: the digits data does not fit');
    try {
      M.HEAPU8.set(digits, ptr);
      return fn(ptr, digits.length);
    } finally {
      M._free(ptr);
    }
  }

  return Object.freeze({
    version: M.version(),

    /**
     * A trainer for one configuration (see TrainConfig in core/include/normlab/train.hpp; camelCase
     * names). options.digits: the bytes of data/digits/digits.bin, required for dataset "digits".
     * Call dispose() when done: the trainer's memory lives in the WASM heap.
     */
    createTrainer(cfg, options = {}) {
      const created = withDigits(options, (ptr, len) => check(M.createTrainer(config(cfg), ptr, len)));
      let id = created.id;
      const live = () => {
        if (id === 0) fail('trainer', 'has been disposed');
        return id;
      };
      return Object.freeze({
        config: created.config,
        /** Runs n steps: { firstStep, loss, accuracy, evals, diverged, reason }. */
        step: (n) => check(M.trainerStep(live(), number(n, 'steps'))),
        /** Runs n steps without reports; false once diverged. */
        run: (n) => check(M.trainerRun(live(), number(n, 'steps'))).ok,
        /** Inference-mode metrics, per-layer statistics and the watched layer's histogram now. */
        evaluate: () => check(M.trainerEvaluate(live())),
        /** { stepsDone, diverged, reason }. */
        status: () => check(M.trainerStatus(live())),
        /** Full-training-set loss in inference mode. */
        trainLoss: () => check(M.trainerTrainLoss(live())).loss,
        /** The spirals model's class per cell of a resolution × resolution grid. */
        predictGrid: (resolution) => check(M.trainerPredictGrid(live(), number(resolution, 'resolution'))),
        /** The data set as the trainer sees it. */
        data: () => check(M.trainerData(live())),
        dispose() {
          if (id !== 0) M.disposeTrainer(id);
          id = 0;
        },
      });
    },

    /** One sweep cell: train until the inference-mode training loss <= targetLoss, the budget ends, or divergence. */
    runToTarget(cfg, learningRate, seed, targetLoss, options = {}) {
      return withDigits(options, (ptr, len) =>
        check(
          M.runToTarget(
            config(cfg),
            number(learningRate, 'learningRate'),
            number(seed, 'seed'),
            number(targetLoss, 'targetLoss'),
            ptr,
            len,
          ),
        ),
      );
    },

    /** Each variant's best rate, stable range and speed-up (against "none", each at its own best rate). */
    summarizeSweep(sweeps) {
      return check(M.summarizeSweep(sweeps)).variants;
    },

    /** The lesson's default sweep: { config, norms, learningRates, seeds, targetLoss }. */
    defaultSweepPlan() {
      return check(M.defaultSweepPlan());
    },

    /** Current size of the WASM heap in bytes. */
    heapBytes() {
      return M.HEAPU8.buffer.byteLength;
    },
  });
}
