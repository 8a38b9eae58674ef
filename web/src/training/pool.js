// pool.js — the training figure's workers (train-worker.js; the protocol is described there) and the two
// jobs the page runs on them: a comparison (the chosen variants, split across the workers) and a sweep
// (every (norm, rate, seed) cell, handed out one by one to whichever worker is free). Every job has a
// run token; a message whose token is not the current job's is dropped, so a reset never shows stale data.
// Results do not depend on the number of workers or the order cells finish in: each cell is an
// independent, seeded run, and the sweep is assembled rate-major per norm (summarizeSweep's order).

import { t } from '../i18n/i18n.js';

export function createPool(size, digitsUrl) {
  const workers = [];
  const listeners = new Set();
  const readies = [];
  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./train-worker.js', import.meta.url), {
      type: 'module',
      name: `normlab-train-${i}`,
    });
    readies.push(
      new Promise((resolve, reject) => {
        const first = ({ data }) => {
          if (data.type === 'ready') resolve(data);
          else if (data.type === 'fatal') reject(new Error(data.message));
          else return;
          worker.removeEventListener('message', first);
        };
        worker.addEventListener('message', first);
        worker.addEventListener('error', (event) =>
          reject(new Error(event.message || t('training.panel.workerFailed'))),
        );
      }),
    );
    worker.addEventListener('message', ({ data }) => {
      for (const fn of listeners) fn(data, i);
    });
    worker.postMessage({ type: 'init', digitsUrl });
    workers.push(worker);
  }
  return {
    size,
    ready: Promise.all(readies).then((all) => all[0]),
    send: (i, message) => workers[i].postMessage(message),
    broadcast: (message) => workers.forEach((w) => w.postMessage(message)),
    listen(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      listeners.clear();
      workers.forEach((w) => w.terminate());
    },
  };
}

/**
 * Train `runs` ([{ key, config }]) for `steps` steps; variants are dealt round-robin to the workers.
 * handlers: onProgress(run), onDone(runs), onError(message). Returns { pause(), resume(), cancel() }.
 */
export function startCompare(pool, token, runs, steps, handlers, grid = 0) {
  const shares = Array.from({ length: Math.min(pool.size, runs.length) }, () => []);
  runs.forEach((run, i) => shares[i % shares.length].push(run));
  const finished = [];
  let open = shares.length;
  const stop = pool.listen((m) => {
    if (m.token !== token) return;
    if (m.type === 'progress') m.runs.forEach(handlers.onProgress);
    else if (m.type === 'done') {
      finished.push(...m.runs);
      if (--open === 0) {
        stop();
        handlers.onDone(finished);
      }
    } else if (m.type === 'error') {
      stop();
      pool.broadcast({ type: 'cancel', token });
      handlers.onError(m);
    }
  });
  shares.forEach((share, i) => pool.send(i, { type: 'compare', token, runs: share, steps, grid }));
  return {
    pause: () => pool.broadcast({ type: 'pause', token }),
    resume: () => pool.broadcast({ type: 'resume', token }),
    cancel() {
      stop();
      pool.broadcast({ type: 'cancel', token });
    },
  };
}

/**
 * Run every cell of `plan` ({ config, norms, learningRates, seeds, targetLoss }) with runToTarget, then
 * summarizeSweep. handlers: onCell(run, done, total), onDone({ sweeps, variants }), onError(message).
 * Returns { cancel() }.
 */
export function startSweep(pool, token, plan, handlers) {
  const cells = [];
  for (const norm of plan.norms) {
    plan.learningRates.forEach((learningRate, r) =>
      plan.seeds.forEach((seed, s) => {
        cells.push({ id: cells.length, norm, learningRate, seed, slot: r * plan.seeds.length + s });
      }),
    );
  }
  const results = new Array(cells.length);
  let next = 0;
  let done = 0;
  const give = (worker) => {
    if (next >= cells.length) return;
    const c = cells[next++];
    pool.send(worker, {
      type: 'cell',
      token,
      id: c.id,
      config: { ...plan.config, norm: c.norm },
      learningRate: c.learningRate,
      seed: c.seed,
      targetLoss: plan.targetLoss,
    });
  };
  let sweeps = null;
  const stop = pool.listen((m, worker) => {
    if (m.token !== token) return;
    if (m.type === 'cell') {
      results[m.id] = m.run;
      done++;
      handlers.onCell({ ...m.run, norm: cells[m.id].norm }, done, cells.length);
      give(worker);
      if (done === cells.length) {
        sweeps = plan.norms.map((norm) => ({
          norm,
          targetLoss: plan.targetLoss,
          learningRates: plan.learningRates,
          seeds: plan.seeds,
          runs: cells
            .filter((c) => c.norm === norm)
            .sort((a, b) => a.slot - b.slot)
            .map((c) => results[c.id]),
        }));
        pool.send(0, { type: 'summarize', token, sweeps });
      }
    } else if (m.type === 'summary') {
      stop();
      handlers.onDone({ sweeps, variants: m.variants });
    } else if (m.type === 'error') {
      stop();
      pool.broadcast({ type: 'cancel', token });
      handlers.onError(m);
    }
  });
  // Two cells in flight per worker, so a worker never waits for the page between cells.
  for (let k = 0; k < 2; k++) for (let w = 0; w < pool.size; w++) give(w);
  return {
    cancel() {
      stop();
      pool.broadcast({ type: 'cancel', token });
    },
  };
}
