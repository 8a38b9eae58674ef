// sweep-section.js — the learning-rate sweep part of the training figure. It shows the shipped sweep
// (data/sweep-default.json, computed at build time by the native build of the same C++ code) at once
// for the default plan, and re-runs the current preset's sweep live in the workers on request: progress
// bar, Stop, then summarizeSweep (in the worker) and, for the default plan, a cell-by-cell check against
// the shipped runs. The measured speed-up sentence is written from whichever summary is shown.
import { t } from '../i18n/i18n.js';
import { button } from '../ui/controls.js';
import { el } from '../ui/el.js';
import { createErrorBox } from '../ui/error-box.js';
import { fmtMs } from '../ui/format.js';
import { fmtRate, hasSweep, isShippedPlan, PRESETS, sweepPlan } from './presets.js';
import { startSweep } from './pool.js';
import { speedupSentences, sweepDifferences, sweepTable } from './sweep-view.js';

export function createSweepSection(container, { pool, plan, shipped, nextToken, onInteract, rates }) {
  const intro = el('p', { className: 'fig-note' });
  const source = el('p', { className: 'tr-source' });
  const tableBox = el('div', {
    className: 'tr-table-box',
    attrs: { role: 'region', tabindex: '0', 'aria-label': t('training.sweep.tableRegion') },
  });
  const sentence = el('div', { className: 'tr-speedup', attrs: { 'aria-live': 'polite' } });
  const rerun = button(
    t('training.sweep.rerun'),
    () => {
      onInteract();
      start();
    },
    'button button-primary fig-button',
  );
  const stopButton = button(t('training.sweep.stop'), () => {
    onInteract();
    stop(t('training.sweep.stopped'));
  });
  stopButton.hidden = true;
  const progressId = `tr-sweep-progress-${Math.random().toString(36).slice(2, 8)}`;
  const progressLabel = el('label', {
    className: 'tr-progress-label',
    text: t('training.sweep.progress'),
    attrs: { for: progressId },
  });
  const progress = el('progress', { attrs: { id: progressId, max: '1', value: '0' } });
  const status = el('p', { className: 'tr-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const verdict = el('div', { className: 'tr-verdict', attrs: { 'aria-live': 'polite' } });
  const actions = el(
    'div',
    { className: 'tr-actions' },
    rerun,
    stopButton,
    el('div', { className: 'tr-progress' }, progressLabel, progress),
  );
  container.append(intro, source, tableBox, sentence, actions, status, verdict);

  const live = new Map(); // plan key → { variants, runs, ms, plan }
  let state = null;
  let job = null;

  const keyOf = (s) => `${s.preset}|${s.dataset}`;
  const planOf = (s) => {
    const p = sweepPlan(plan, s);
    const chosen = rates ? p.learningRates.filter((r) => rates.includes(r)) : [];
    return chosen.length ? { ...p, learningRates: chosen } : p;
  };

  function show() {
    actions.hidden = !hasSweep(state);
    if (actions.hidden) {
      intro.textContent = t('training.sweep.noSweep', { preset: PRESETS[state.preset].name });
      source.textContent = '';
      tableBox.replaceChildren();
      sentence.replaceChildren();
      return;
    }
    const p = planOf(state);
    const cells = p.norms.length * p.learningRates.length * p.seeds.length;
    intro.textContent = t('training.sweep.intro', {
      count: p.learningRates.length,
      first: fmtRate(p.learningRates[0]),
      last: fmtRate(p.learningRates[p.learningRates.length - 1]),
      seeds: Array.from(p.seeds).join(', '),
      evalEvery: p.config.evalEvery,
      target: p.targetLoss,
      budget: p.config.steps,
      batch: p.config.batchSize,
      preset: PRESETS[state.preset].name,
      dataset: t(`training.datasetNames.${state.dataset}`),
      cells,
    });
    const mine = live.get(keyOf(state));
    const useShipped = !mine && shipped && isShippedPlan(state);
    tableBox.replaceChildren();
    sentence.replaceChildren();
    if (mine) {
      source.textContent = t('training.sweep.measured', { count: pool.size, time: fmtMs(mine.ms) });
    } else if (useShipped) {
      source.textContent = t('training.sweep.precomputed', { generator: shipped.generator });
    } else {
      source.textContent = t('training.sweep.noShipped', { cells });
      return;
    }
    const variants = mine ? mine.variants : shipped.summary;
    const shown = mine ? mine.plan : { learningRates: shipped.learningRates, seeds: shipped.seeds };
    tableBox.append(sweepTable(variants, shown, t('training.sweep.caption')));
    const lines = speedupSentences(variants, shown);
    const lead = t(mine ? 'training.sweep.leadMine' : 'training.sweep.leadShipped');
    lines.forEach((line, i) => sentence.append(el('p', { text: i === 0 ? lead + line : line })));
  }

  function stop(message) {
    job?.cancel();
    job = null;
    rerun.hidden = false;
    stopButton.hidden = true;
    rerun.disabled = false;
    status.textContent = message;
    container.dataset.sweep = 'idle';
  }

  function start() {
    if (job) return;
    const s = state;
    const p = planOf(s);
    const token = nextToken();
    const total = p.norms.length * p.learningRates.length * p.seeds.length;
    const liveRuns = [];
    const t0 = performance.now();
    progress.value = 0;
    verdict.replaceChildren();
    rerun.hidden = true;
    stopButton.hidden = false;
    container.dataset.sweep = 'running';
    status.textContent = t('training.sweep.running', { done: 0, total });
    let shownAt = 0;
    job = startSweep(pool, token, p, {
      onCell(run, done) {
        liveRuns.push(run);
        progress.value = done / total;
        const now = performance.now();
        if (now - shownAt > 1000 || done === total) {
          shownAt = now;
          status.textContent = t('training.sweep.running', { done, total });
        }
      },
      onDone({ variants }) {
        const ms = performance.now() - t0;
        job = null;
        live.set(keyOf(s), { variants, runs: liveRuns, ms, plan: p });
        stop(t('training.sweep.finished', { total, time: fmtMs(ms) }));
        container.dataset.sweep = 'done';
        container.dataset.sweepMs = String(Math.round(ms));
        if (shipped && isShippedPlan(s)) {
          const partial = p.learningRates.length < plan.learningRates.length;
          const diffs = sweepDifferences(shipped.runs, liveRuns);
          if (!partial && liveRuns.length !== shipped.runs.length) {
            diffs.push(t('training.sweep.runCount', { shipped: shipped.runs.length, live: liveRuns.length }));
          }
          verdict.dataset.match = diffs.length ? 'false' : 'true';
          if (!diffs.length) {
            verdict.append(
              el('p', {
                className: 'tr-match',
                text: t(partial ? 'training.sweep.matchPartial' : 'training.sweep.match', { count: liveRuns.length }),
              }),
            );
          } else {
            verdict.append(
              el('p', {
                className: 'tr-mismatch',
                text: t('training.sweep.mismatch', { count: diffs.length, total: liveRuns.length }),
              }),
              el('ul', {}, ...diffs.map((d) => el('li', { text: d }))),
            );
          }
        }
        if (keyOf(state) === keyOf(s)) show();
        container.dispatchEvent(
          new CustomEvent('normlab:training-sweep', { bubbles: true, detail: { ms, runs: liveRuns.length } }),
        );
      },
      onError(m) {
        job = null;
        stop('');
        const error = createErrorBox();
        error.show(m.message);
        verdict.replaceChildren(error.root);
      },
    });
  }

  return {
    setState(next) {
      const changed = !state || keyOf(state) !== keyOf(next);
      state = next;
      if (changed && job) stop(t('training.sweep.changed'));
      if (changed) {
        verdict.replaceChildren();
        show();
      }
    },
    destroy() {
      job?.cancel();
      job = null;
    },
  };
}
