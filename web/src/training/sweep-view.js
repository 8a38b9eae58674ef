// sweep-view.js — the learning-rate sweep as a table (rates × variants: median steps to the target loss,
// "not reached", "diverged in k of 3 seeds", the stable range marked, each variant's best rate in bold),
// the measured speed-up in words, and the cell-by-cell check of a live re-run against the shipped sweep.
// Every number shown here comes from the core's summarizeSweep (VariantSummary / RateSummary in
// core/include/normlab/train.hpp); this file only chooses words and formats.
import { t } from '../i18n/i18n.js';
import { el } from '../ui/el.js';
import { fmtSig, fmtTimes } from '../ui/format.js';
import { NORM_LABELS, NORM_SHORT, fmtRate } from './presets.js';

/** What a RateSummary cell says in words. */
function cellText(rate, seeds) {
  if (rate.medianReached) {
    const steps = fmtSig(rate.medianSteps, 6);
    return rate.reached < seeds ? t('training.sweep.cellPartial', { steps, reached: rate.reached, seeds }) : steps;
  }
  if (rate.diverged > 0) return t('training.sweep.cellDiverged', { diverged: rate.diverged, seeds });
  return t('training.sweep.notReached');
}

/** The sweep table of `variants` (summarizeSweep's result) over `plan`'s rates and seeds. */
export function sweepTable(variants, plan, captionText) {
  const seeds = plan.seeds.length;
  const table = el('table', { className: 'fig-table tr-sweep-table' }, el('caption', { text: captionText }));
  const head = el('tr', {}, el('th', { text: t('training.sweep.rate'), attrs: { scope: 'col' } }));
  for (const v of variants) head.append(el('th', { text: NORM_SHORT[v.norm] || v.norm, attrs: { scope: 'col' } }));
  const body = el('tbody');
  plan.learningRates.forEach((lr, r) => {
    const row = el('tr', {}, el('th', { text: fmtRate(lr), attrs: { scope: 'row' } }));
    for (const v of variants) {
      const rate = v.rates[r];
      const stable = rate.reached === seeds;
      const best = v.reached && v.bestRate === lr;
      const td = el('td', {
        className: ['tr-cell', stable ? 'is-stable' : '', best ? 'is-best' : '', rate.diverged > 0 ? 'is-diverged' : '']
          .filter(Boolean)
          .join(' '),
      });
      td.dataset.norm = v.norm;
      td.dataset.rate = String(lr);
      td.append(el('span', { text: cellText(rate, seeds) }));
      const marks = [stable ? t('training.sweep.stable') : '', best ? t('training.sweep.best') : ''].filter(Boolean);
      if (marks.length)
        td.append(
          el('span', { className: 'visually-hidden', text: t('training.sweep.marks', { marks: marks.join(', ') }) }),
        );
      row.append(td);
    }
    body.append(row);
  });
  table.append(el('thead', {}, head), body);
  return table;
}

const rateList = (rates) => (rates.length ? t('training.sweep.upTo', { rate: fmtRate(rates[rates.length - 1]) }) : '');

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
    const mine = { name, steps: fmtSig(v.bestSteps, 6), rate: fmtRate(v.bestRate) };
    if (v.speedupStatus === 'ratio') {
      speed = t('training.sweep.ratio', {
        ...mine,
        baseSteps: fmtSig(base.bestSteps, 6),
        baseRate: fmtRate(base.bestRate),
        speedup: fmtTimes(v.speedup),
        slower: v.speedup < 1 ? t('training.sweep.slower') : '',
      });
    } else if (v.speedupStatus === 'never reached') {
      speed = t('training.sweep.neverReached', {
        name,
        base: base?.reached
          ? t('training.sweep.neverReachedBase', { steps: fmtSig(base.bestSteps, 6), rate: fmtRate(base.bestRate) })
          : '',
      });
    } else if (v.speedupStatus === 'baseline never reached') {
      // i18n-exempt: the core's speedupStatus value
      speed = t('training.sweep.baselineNever', mine);
    } else {
      speed = t('training.sweep.reached', mine);
    }
    let range = t('training.sweep.stableRange', {
      defined: out.length === 0 ? t('training.sweep.everySeed') : '',
      count: v.stableRates.length,
      total,
      upTo: rateList(v.stableRates),
    });
    if (base) range += t('training.sweep.versus', { count: base.stableRates.length, upTo: rateList(base.stableRates) });
    out.push(`${speed} ${range}.`);
  }
  if (base) {
    const div = variants
      .filter((v) => v.divergences > 0)
      .map((v) => t('training.sweep.divergedItem', { name: NORM_SHORT[v.norm], count: v.divergences }));
    const runs = plan.learningRates.length * plan.seeds.length;
    out.push(
      div.length ? t('training.sweep.diverged', { runs, list: div.join(', ') }) : t('training.sweep.noneDiverged'),
    );
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
    const name = t('training.sweep.runName', {
      name: NORM_SHORT[live.norm],
      rate: fmtRate(live.learningRate),
      seed: live.seed,
    });
    if (!s) out.push(t('training.sweep.notShipped', { name }));
    else if (s.outcome !== live.outcome || s.steps !== live.steps) {
      out.push(
        t('training.sweep.differs', {
          name,
          outcome: s.outcome,
          steps: s.steps,
          liveOutcome: live.outcome,
          liveSteps: live.steps,
        }),
      );
    }
  }
  return out;
}
