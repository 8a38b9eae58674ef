// comparison-run.js — one comparison run of the training figure as data (its settings and a series per
// variant) and how it is drawn into the views; comparison.js streams a live run into it, and the precomputed
// runs (shipped-comparisons.js seriesOf) fill it at once.
import { formatPercent, t } from '../i18n/i18n.js';
import { fmtSig } from '../ui/format.js';
import { fmtRate, NORM_SHORT } from './presets.js';

/** A variant's status line: diverged (with the core's step and cause), its final loss and accuracy, or its progress. */
function statusOf(s, done, diverged) {
  if (s.diverged) return diverged(s.divergence);
  const last = s.evals[s.evals.length - 1];
  if (done && last) {
    return t('training.panel.finalStatus', {
      loss: fmtSig(last.train.loss),
      accuracy: formatPercent(100 * last.heldout.accuracy, 1),
      step: last.step,
    });
  }
  return s.loss.length
    ? t('training.panel.stepStatus', { step: s.stepsDone, loss: fmtSig(s.loss[s.loss.length - 1]) })
    : t('training.panel.waiting');
}

/** Draws run `run` into the views; the slow views only when `slow`. Returns the share of steps done. */
export function drawRun(run, { curves, ics, grads }, slow, diverged) {
  const done = run.phase === 'done' || run.phase === 'shipped';
  const series = {};
  const lines = [];
  let finished = 0;
  for (const norm of run.variants) {
    const s = run.series[norm];
    series[norm] = { ...s, status: statusOf(s, done, diverged) };
    finished += s.diverged ? run.steps : s.stepsDone;
    lines.push(t('training.panel.legendLine', { name: NORM_SHORT[norm], status: series[norm].status }));
  }
  curves.update(
    series,
    t('training.panel.curvesSummary', { rate: fmtRate(run.rate), batch: run.batch, lines: lines.join(' ') }),
  );
  if (done || slow) {
    const evals = Object.fromEntries(run.variants.map((n) => [n, run.series[n].evals]));
    ics.update(evals);
    grads.update(evals);
  }
  return finished / (run.variants.length * run.steps);
}

/** A new run of the variants of state `s`: its settings (and `s` itself) and an empty series per variant. */
export function newRun(s, token) {
  const run = {
    token,
    phase: 'running',
    state: s,
    variants: [...s.variants],
    steps: s.steps,
    rate: s.rate,
    batch: s.batch,
    dataset: s.dataset,
    t0: performance.now(),
    series: {},
    job: null,
  };
  for (const norm of run.variants) {
    run.series[norm] = {
      loss: [],
      evalSteps: [],
      evalLoss: [],
      evals: [],
      stepsDone: 0,
      diverged: false,
      divergence: null,
    };
  }
  return run;
}
