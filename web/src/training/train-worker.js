// train-worker.js — the training simulation's Web Worker. It loads the trainer (loadTrainer() in core.js)
// and runs what the page asks for, so the page never freezes. It computes nothing itself: every number
// it posts comes from the core.
//
// Protocol (page → worker; every job message carries the page's run `token`):
//   { type: 'init', digitsUrl }                       → { type: 'ready', plan, version } | { type: 'fatal', message }
//   { type: 'compare', token, runs: [{ key, config }], steps, grid }
//       trains every run for `steps` steps, interleaved in chunks so all curves grow together; streams
//       { type: 'progress', token, runs: [{ key, firstStep, loss, evals, stepsDone, diverged, divergence }] }
//       at most every PROGRESS_MS (only the new steps), then { type: 'done', token, runs: [{ key, grid? }] }
//   { type: 'pause', token } / { type: 'resume', token }   (ignored unless token is the running job's)
//   { type: 'cancel', token }                          stops the job with that token and frees its trainers
//   { type: 'cell', token, id, config, learningRate, seed, targetLoss }
//                                                      → { type: 'cell', token, id, run } (one sweep cell)
//   { type: 'summarize', token, sweeps }               → { type: 'summary', token, variants }
// Errors of a job: { type: 'error', token, message, argument } (e.g. BatchNorm with batch size 1).
// A newer 'compare' replaces the running one; the page drops any message whose token is not current.
import { loadTrainer } from '../core.js';

const PROGRESS_MS = 100; // at most ~10 progress messages per second per worker (~20 with two)
const CHUNK = 25; // steps per run between checks for pause/cancel messages

let core = null;
let digitsUrl = '';
let digits = null;
let job = null; // { token, paused, cancelled, trainers, wake }

const post = (message, transfer = []) => self.postMessage(message, transfer);

// Yield to the event loop (so pause/cancel messages are handled) without setTimeout's 4 ms clamping.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

async function digitsFor(config) {
  if (config.dataset !== 'digits') return {};
  if (!digits) {
    const response = await fetch(digitsUrl);
    // The page words the message (the catalogue is not loaded in the worker): argument "digits".
    if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { argument: 'digits' });
    digits = new Uint8Array(await response.arrayBuffer());
  }
  return { digits };
}

function fail(token, error) {
  post({ type: 'error', token, message: error?.message || String(error), argument: error?.argument || '' });
}

function endJob(current) {
  for (const t of current.trainers) t.trainer.dispose();
  current.trainers = [];
  if (job === current) job = null;
}

async function compare({ token, runs, steps, grid }) {
  if (job) {
    job.cancelled = true;
    job.wake?.();
  }
  const current = { token, paused: false, cancelled: false, trainers: [], wake: null };
  job = current;
  try {
    for (const run of runs) {
      const options = await digitsFor(run.config);
      current.trainers.push({ key: run.key, trainer: core.createTrainer(run.config, options), pending: null });
    }
  } catch (error) {
    fail(token, error);
    endJob(current);
    return;
  }
  let lastPost = 0;
  const flush = () => {
    const out = [];
    const transfer = [];
    for (const t of current.trainers) {
      const p = t.pending;
      if (!p) continue;
      const loss = Float64Array.from(p.loss);
      transfer.push(loss.buffer);
      out.push({
        key: t.key,
        firstStep: p.firstStep,
        loss,
        accuracy: Float64Array.from(p.accuracy),
        evals: p.evals,
        stepsDone: p.stepsDone,
        diverged: p.diverged,
        divergence: p.divergence,
      });
      t.pending = null;
    }
    if (out.length) post({ type: 'progress', token, runs: out }, transfer);
    lastPost = performance.now();
  };
  try {
    for (let done = 0; done < steps && !current.cancelled;) {
      const n = Math.min(CHUNK, steps - done);
      for (const t of current.trainers) {
        const r = t.trainer.step(n);
        const p = t.pending || (t.pending = { firstStep: r.firstStep, loss: [], accuracy: [], evals: [] });
        for (let i = 0; i < r.loss.length; i++) {
          p.loss.push(r.loss[i]);
          p.accuracy.push(r.accuracy[i]);
        }
        p.evals.push(...r.evals);
        Object.assign(p, { stepsDone: t.trainer.status().stepsDone, diverged: r.diverged, divergence: r.divergence });
      }
      done += n;
      if (current.trainers.every((t) => t.trainer.status().diverged)) done = steps;
      if (performance.now() - lastPost >= PROGRESS_MS || done >= steps) flush();
      await yieldNow();
      while (current.paused && !current.cancelled)
        await new Promise((resolve) => {
          current.wake = resolve;
        });
    }
    if (!current.cancelled) {
      const out = current.trainers.map((t) => {
        const entry = { key: t.key };
        if (grid && t.trainer.config.dataset === 'spirals' && !t.trainer.status().diverged) {
          entry.grid = t.trainer.predictGrid(grid);
          const d = t.trainer.data();
          entry.points = { x: d.trainX, y: d.trainY };
        }
        return entry;
      });
      post({ type: 'done', token, runs: out });
    }
  } catch (error) {
    fail(token, error);
  } finally {
    endJob(current);
  }
}

async function cell({ token, id, config, learningRate, seed, targetLoss }) {
  try {
    const run = core.runToTarget(config, learningRate, seed, targetLoss, await digitsFor(config));
    post({ type: 'cell', token, id, run });
  } catch (error) {
    fail(token, error);
  }
}

const queue = []; // cells and summaries run one at a time, in arrival order, between yields
let draining = false;
async function drain() {
  if (draining) return;
  draining = true;
  while (queue.length) {
    const message = queue.shift();
    if (message.type === 'cell') await cell(message);
    else {
      try {
        post({ type: 'summary', token: message.token, variants: core.summarizeSweep(message.sweeps) });
      } catch (error) {
        fail(message.token, error);
      }
    }
    await yieldNow();
  }
  draining = false;
}

let cancelledCells = -1; // cells queued under a token the page has cancelled are skipped

self.onmessage = async ({ data }) => {
  switch (data.type) {
    case 'init':
      digitsUrl = data.digitsUrl;
      try {
        core = await loadTrainer();
        const plan = core.defaultSweepPlan();
        post({
          type: 'ready',
          version: core.version,
          plan: {
            ...plan,
            learningRates: Array.from(plan.learningRates),
            seeds: Array.from(plan.seeds),
            norms: Array.from(plan.norms),
          },
        });
      } catch (error) {
        post({ type: 'fatal', message: error?.message || String(error) });
      }
      break;
    case 'compare':
      compare(data);
      break;
    case 'pause':
    case 'resume':
      if (job && job.token === data.token) {
        job.paused = data.type === 'pause';
        if (!job.paused) job.wake?.();
      }
      break;
    case 'cancel':
      if (job && job.token === data.token) {
        job.cancelled = true;
        job.wake?.();
      }
      cancelledCells = data.token;
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i].token === data.token) queue.splice(i, 1);
      break;
    case 'cell':
    case 'summarize':
      if (data.token === cancelledCells) break;
      queue.push(data);
      drain();
      break;
    default:
      break;
  }
};
