// sweep-view.js — the learning-rate sweep as a table (rates × variants: median steps to the target loss,
// "not reached", "diverged in k of 3 seeds", the stable range marked, each variant's best rate in bold),
// the measured speed-up in words, and the cell-by-cell check of a live re-run against the shipped sweep.
// Every number shown here comes from the core's summarizeSweep (VariantSummary / RateSummary in
// core/include/normlab/train.hpp); this file only chooses words and formats.
import { el, fmt, fmtTimes } from './dom.js';
import { NORM_LABELS, NORM_SHORT, fmtRate } from './presets.js';

/** What a RateSummary cell says in words. */
function cellText(rate, seeds) {
  if (rate.medianReached) {
    const partial = rate.reached < seeds ? ` (${rate.reached} of ${seeds} seeds)` : '';
    return `${fmt(rate.medianSteps, 6)}${partial}`;
  }
  if (rate.diverged > 0) return `diverged in ${rate.diverged} of ${seeds} seeds`;
  return 'not reached';
}

/** The sweep table of `variants` (summarizeSweep's result) over `plan`'s rates and seeds. */
export function sweepTable(variants, plan, captionText) {
  const seeds = plan.seeds.length;
  const table = el('table', { className: 'fig-table tr-sweep-table' }, el('caption', { text: captionText }));
  const head = el('tr', {}, el('th', { text: 'Rate', attrs: { scope: 'col' } }));
  for (const v of variants) head.append(el('th', { text: NORM_SHORT[v.norm] || v.norm, attrs: { scope: 'col' } }));
  const body = el('tbody');
  plan.learningRates.forEach((lr, r) => {
    const row = el('tr', {}, el('th', { text: fmtRate(lr), attrs: { scope: 'row' } }));
    for (const v of variants) {
      const rate = v.rates[r];
      const stable = rate.reached === seeds;
      const best = v.reached && v.bestRate === lr;
      const td = el('td', { className: ['tr-cell', stable ? 'is-stable' : '', best ? 'is-best' : '',
        rate.diverged > 0 ? 'is-diverged' : ''].filter(Boolean).join(' ') });
      td.dataset.norm = v.norm;
      td.dataset.rate = String(lr);
      td.append(el('span', { text: cellText(rate, seeds) }));
      const marks = [stable ? 'stable' : '', best ? 'best rate' : ''].filter(Boolean).join(', ');
      if (marks) td.append(el('span', { className: 'visually-hidden', text: ` (${marks})` }));
      row.append(td);
    }
    body.append(row);
  });
  table.append(el('thead', {}, head), body);
  return table;
}

const rateList = (rates) => (rates.length ? `, up to ${fmtRate(rates[rates.length - 1])}` : '');

/**
 * The measured speed-up and stable range in words, one sentence group per normalized variant, each at
 * its own best rate (never one shared rate). Returns an array of strings.
 */
export function speedupSentences(variants, plan) {
  const total = plan.learningRates.length;
  const base = variants.find((v) => v.norm === 'none');
  const out = [];
  for (const v of variants) {
    if (v.norm === 'none') continue;
    const name = NORM_LABELS[v.norm] || v.norm;
    let speed;
    if (v.speedupStatus === 'ratio') {
      const slower = v.speedup < 1 ? ' — slower, not faster' : '';
      speed = `${name} reached the target loss in ${fmt(v.bestSteps, 6)} steps at its best rate (${fmtRate(v.bestRate)}) ` +
        `versus ${fmt(base.bestSteps, 6)} for no normalization at its best rate (${fmtRate(base.bestRate)}): ` +
        `a ${fmtTimes(v.speedup)} speed-up${slower}.`;
    } else if (v.speedupStatus === 'never reached') {
      speed = `${name} never reached the target loss within the budget at any rate${base?.reached
        ? ` (no normalization reached it in ${fmt(base.bestSteps, 6)} steps at ${fmtRate(base.bestRate)})` : ''}.`;
    } else if (v.speedupStatus === 'baseline never reached') {
      speed = `${name} reached the target loss in ${fmt(v.bestSteps, 6)} steps at its best rate (${fmtRate(v.bestRate)}), ` +
        'while without normalization the network never reached it at any rate — there is no finite speed-up to state.';
    } else {
      speed = `${name} reached the target loss in ${fmt(v.bestSteps, 6)} steps at its best rate (${fmtRate(v.bestRate)}).`;
    }
    const defined = out.length === 0 ? ' (every seed reached the target)' : '';
    let range = `It trained stably${defined} at ${v.stableRates.length} of ${total} rates` +
      `${rateList(v.stableRates)}`;
    if (base) range += `, versus ${base.stableRates.length}${rateList(base.stableRates)} without normalization`;
    range += '.';
    out.push(`${speed} ${range}`);
  }
  if (base) {
    const div = variants.filter((v) => v.divergences > 0).map((v) => `${NORM_SHORT[v.norm]} ${v.divergences}`);
    const runs = plan.learningRates.length * plan.seeds.length;
    out.push(div.length ? `Diverged runs (of ${runs} per variant): ${div.join(', ')}.` : 'No run diverged.');
  }
  return out;
}

/**
 * Compare live runs with the shipped ones, cell by cell (outcome and steps must be identical).
 * Both: [{ norm, learningRate, seed, outcome, steps }]. Returns the list of differences in words.
 */
export function sweepDifferences(shippedRuns, liveRuns) {
  const key = (r) => `${r.norm}|${r.learningRate}|${r.seed}`;
  const shipped = new Map(shippedRuns.map((r) => [key(r), r]));
  const out = [];
  for (const live of liveRuns) {
    const s = shipped.get(key(live));
    const name = `${NORM_SHORT[live.norm]} at ${fmtRate(live.learningRate)}, seed ${live.seed}`;
    if (!s) out.push(`${name}: not in the shipped sweep`);
    else if (s.outcome !== live.outcome || s.steps !== live.steps) {
      out.push(`${name}: shipped ${s.outcome} at ${s.steps} steps, live ${live.outcome} at ${live.steps} steps`);
    }
  }
  return out;
}
