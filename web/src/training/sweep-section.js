// sweep-section.js — the learning-rate sweep part of the training figure. It shows the shipped sweep
// (data/sweep-default.json, computed at build time by the native build of the same C++ code) at once
// for the default plan, and re-runs the current preset's sweep live in the workers on request: progress
// bar, Stop, then summarizeSweep (in the worker) and, for the default plan, a cell-by-cell check against
// the shipped runs. The measured speed-up sentence is written from whichever summary is shown.
import { button, el, fmtMs } from './dom.js';
import { isShippedPlan, PRESETS, sweepPlan } from './presets.js';
import { startSweep } from './pool.js';
import { speedupSentences, sweepDifferences, sweepTable } from './sweep-view.js';

export function createSweepSection(container, { pool, plan, shipped, nextToken, onInteract, rates }) {
  const intro = el('p', { className: 'fig-note' });
  const source = el('p', { className: 'tr-source' });
  const tableBox = el('div', { className: 'tr-table-box', attrs: { role: 'region', tabindex: '0',
    'aria-label': 'Sweep table (scrolls sideways on narrow screens)' } });
  const sentence = el('div', { className: 'tr-speedup', attrs: { 'aria-live': 'polite' } });
  const rerun = button('Re-run live in your browser', () => { onInteract(); start(); }, 'button button-primary fig-button');
  const stopButton = button('Stop the sweep', () => { onInteract(); stop('Sweep stopped.'); });
  stopButton.hidden = true;
  const progressId = `tr-sweep-progress-${Math.random().toString(36).slice(2, 8)}`;
  const progressLabel = el('label', { className: 'tr-progress-label', text: 'Sweep progress', attrs: { for: progressId } });
  const progress = el('progress', { attrs: { id: progressId, max: '1', value: '0' } });
  const status = el('p', { className: 'tr-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const verdict = el('div', { className: 'tr-verdict', attrs: { 'aria-live': 'polite' } });
  const actions = el('div', { className: 'tr-actions' }, rerun, stopButton,
    el('div', { className: 'tr-progress' }, progressLabel, progress));
  container.append(intro, source, tableBox, sentence, actions, status, verdict);

  const live = new Map();   // plan key → { variants, runs, ms, plan }
  let state = null;
  let job = null;

  const keyOf = (s) => `${s.preset}|${s.dataset}`;
  const planOf = (s) => {
    const p = sweepPlan(plan, s);
    const chosen = rates ? p.learningRates.filter((r) => rates.includes(r)) : [];
    return chosen.length ? { ...p, learningRates: chosen } : p;
  };

  function show() {
    const p = planOf(state);
    const cells = p.norms.length * p.learningRates.length * p.seeds.length;
    intro.textContent = `For every variant, learning rate (${p.learningRates.length} rates from ` +
      `${p.learningRates[0]} to ${p.learningRates[p.learningRates.length - 1]}) and seed (${p.seeds.join(', ')}): ` +
      `the training steps until the loss on the full training set, in inference mode and checked every ` +
      `${p.config.evalEvery} steps, is at most ${p.targetLoss}; budget ${p.config.steps} steps, batch ` +
      `${p.config.batchSize}, ${PRESETS[state.preset].name} preset on the ${state.dataset}. Each cell is the median ` +
      `over the seeds; "stable" (shaded) means every seed reached the target; bold marks each variant's best rate. ` +
      `${cells} training runs in all.`;
    const mine = live.get(keyOf(state));
    const useShipped = !mine && shipped && isShippedPlan(state);
    tableBox.replaceChildren();
    sentence.replaceChildren();
    if (mine) {
      source.textContent = `Measured in your browser (${pool.size} worker${pool.size > 1 ? 's' : ''}, ${fmtMs(mine.ms)}).`;
    } else if (useShipped) {
      source.textContent = 'Precomputed when this page was built, by the native build of the same C++ code ' +
        `(${shipped.generator}), so it shows at once. Re-run it to measure it in your browser.`;
    } else {
      source.textContent = `No precomputed sweep for this preset and data set. Re-run it live: ${cells} runs, ` +
        'up to a few minutes (runs stop early once they reach the target or diverge).';
      return;
    }
    const variants = mine ? mine.variants : shipped.summary;
    const shown = mine ? mine.plan : { learningRates: shipped.learningRates, seeds: shipped.seeds };
    tableBox.append(sweepTable(variants, shown, 'Median steps to the target loss'));
    const lines = speedupSentences(variants, shown);
    const lead = mine ? 'What your browser measured: ' : 'What the precomputed sweep measured: ';
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
    status.textContent = `Running the sweep: 0 of ${total} runs…`;
    let shownAt = 0;
    job = startSweep(pool, token, p, {
      onCell(run, done) {
        liveRuns.push(run);
        progress.value = done / total;
        const now = performance.now();
        if (now - shownAt > 1000 || done === total) {
          shownAt = now;
          status.textContent = `Running the sweep: ${done} of ${total} runs…`;
        }
      },
      onDone({ variants }) {
        const ms = performance.now() - t0;
        job = null;
        live.set(keyOf(s), { variants, runs: liveRuns, ms, plan: p });
        stop(`Sweep finished: ${total} runs in ${fmtMs(ms)}.`);
        container.dataset.sweep = 'done';
        container.dataset.sweepMs = String(Math.round(ms));
        if (shipped && isShippedPlan(s)) {
          const partial = p.learningRates.length < plan.learningRates.length;
          const diffs = sweepDifferences(shipped.runs, liveRuns);
          if (!partial && liveRuns.length !== shipped.runs.length) {
            diffs.push(`the shipped sweep has ${shipped.runs.length} runs, the live one ${liveRuns.length}`);
          }
          verdict.dataset.match = diffs.length ? 'false' : 'true';
          if (!diffs.length) {
            verdict.append(el('p', { className: 'tr-match', text: 'Your browser reproduced the precomputed sweep exactly: ' +
              `all ${liveRuns.length} runs${partial ? ' of the rates chosen in the address' : ''} have the same outcome ` +
              'and the same number of steps (same seeds, same code).' }));
          } else {
            verdict.append(el('p', { className: 'tr-mismatch', text: `Your browser's sweep differs from the precomputed one in ` +
              `${diffs.length} of ${liveRuns.length} runs:` }), el('ul', {}, ...diffs.map((d) => el('li', { text: d }))));
          }
        }
        if (keyOf(state) === keyOf(s)) show();
        container.dispatchEvent(new CustomEvent('normlab:training-sweep', { bubbles: true, detail: { ms, runs: liveRuns.length } }));
      },
      onError(m) {
        job = null;
        stop('');
        verdict.replaceChildren(el('p', { className: 'fig-error', text: m.message, attrs: { role: 'alert' } }));
      },
    });
  }

  return {
    setState(next) {
      const changed = !state || keyOf(state) !== keyOf(next);
      state = next;
      if (changed && job) stop('Sweep stopped: the preset or data set changed.');
      if (changed) {
        verdict.replaceChildren();
        show();
      }
    },
    destroy() { job?.cancel(); job = null; },
  };
}
