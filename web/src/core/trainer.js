// trainer.js — the training simulation's object over its raw module (normlab-train.wasm). Configurations
// cross as they are: the bindings read them by name from TrainConfig's field table
// (core/bindings/train_config.hpp) and the core validates them.
import { checkKeys, number } from './args.js';
import { check, fail, NormlabError } from './module.js';

export function createTrainerCore(M) {
  // Copies the digits bytes (when given) into the heap for the duration of fn(ptr, length).
  function withDigits(options, fn) {
    const digits = checkKeys(options, ['digits']).digits;
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
      const created = withDigits(options, (ptr, len) => check(M.createTrainer(cfg, ptr, len)));
      let id = created.id;
      const live = () => {
        if (id === 0) fail('trainer', 'has been disposed');
        return id;
      };
      return Object.freeze({
        config: created.config,
        /** Runs n steps: { firstStep, loss, accuracy, evals, diverged, reason, divergence }. */
        step: (n) => check(M.trainerStep(live(), number(n, 'steps', NaN))),
        /** Runs n steps without reports; false once diverged. */
        run: (n) => check(M.trainerRun(live(), number(n, 'steps', NaN))),
        /** Inference-mode metrics, per-layer statistics and the watched layer's histogram now. */
        evaluate: () => check(M.trainerEvaluate(live())),
        /** { stepsDone, diverged, reason, divergence }. */
        status: () => check(M.trainerStatus(live())),
        /** Full-training-set loss in inference mode. */
        trainLoss: () => check(M.trainerTrainLoss(live())),
        /** The spirals model's class per cell of a resolution × resolution grid. */
        predictGrid: (resolution) => check(M.trainerPredictGrid(live(), number(resolution, 'resolution', NaN))),
        /** The data set as the trainer sees it. */
        data: () => check(M.trainerData(live())),
        dispose() {
          if (id !== 0) check(M.disposeTrainer(id));
          id = 0;
        },
      });
    },

    /** One sweep cell: train until the inference-mode training loss <= targetLoss, the budget ends, or divergence. */
    runToTarget(cfg, learningRate, seed, targetLoss, options = {}) {
      return withDigits(options, (ptr, len) =>
        check(
          M.runToTarget(
            cfg,
            number(learningRate, 'learningRate', NaN),
            number(seed, 'seed', NaN),
            number(targetLoss, 'targetLoss', NaN),
            ptr,
            len,
          ),
        ),
      );
    },

    /** Each variant's best rate, stable range and speed-up (against "none", each at its own best rate). */
    summarizeSweep(sweeps) {
      return check(M.summarizeSweep(sweeps));
    },

    /** The lesson's default sweep: { config, norms, learningRates, seeds, targetLoss }. */
    defaultSweepPlan() {
      return check(M.defaultSweepPlan());
    },

    /** The conv net's batch-size study config (conv_batch_study_config) for one norm and batch size. */
    convStudyConfig(norm, batchSize) {
      if (typeof norm !== 'string') fail('norm', 'must be a string');
      return check(M.convStudyConfig(norm, number(batchSize, 'batchSize', NaN)));
    },

    /** The Transformer's study config (transformer_study_config) for one norm, placement and warm-up. */
    transformerStudyConfig(norm, placement, warmupSteps) {
      if (typeof norm !== 'string') fail('norm', 'must be a string');
      if (typeof placement !== 'string') fail('placement', 'must be a string');
      return check(M.transformerStudyConfig(norm, placement, number(warmupSteps, 'warmupSteps', NaN)));
    },

    /** Current size of the WASM heap in bytes. */
    heapBytes() {
      return M.HEAPU8.buffer.byteLength;
    },
  });
}
