// The playground's output panels, built once and updated in place: the "Statistics comparison" table,
// the per-group statistics, the batch-size noise panel (with a small line chart) and the eval-mode
// running-statistics chart. Every number shown is a field of a core result; this module only formats.

import { createLineChart } from '../../charts/line-chart.js';
import { el, fmt, fmtPercent, nextId } from './dom.js';

const td = (attrs) => el('td', { attrs });

/** "Statistics comparison": mean, std dev, min, max (+ skewness) × raw, normalized, improvement. */
export function statsTable(text) {
  const defId = nextId('pg-improvement');
  const root = el('div', { className: 'pg-panel pg-stats' });
  const table = el('table', { className: 'fig-table' });
  const toggle = el('button', { className: 'fig-info', text: '?', attrs: { type: 'button', 'aria-expanded': 'false',
    'aria-controls': defId, 'aria-label': 'What does improvement mean?' } });
  const head = el('tr', {}, el('th', { text: 'Statistic', attrs: { scope: 'col' } }), el('th', { text: 'Raw', attrs: { scope: 'col' } }),
    el('th', { text: 'Normalized', attrs: { scope: 'col' } }),
    el('th', { attrs: { scope: 'col' } }, el('span', { text: 'Improvement', attrs: { title: text.hints.improvement } }), toggle));
  const definition = el('p', { className: 'fig-hint pg-definition', text: text.hints.improvement, attrs: { id: defId } });
  definition.hidden = true;
  toggle.addEventListener('click', () => {
    definition.hidden = !definition.hidden;
    toggle.setAttribute('aria-expanded', String(!definition.hidden));
  });
  const body = el('tbody');
  const rows = {};
  const noTarget = 'No target: normalization does not aim for a particular minimum or maximum.';
  for (const [key, label] of [['mean', 'Mean'], ['std', 'Std dev'], ['min', 'Min'], ['max', 'Max'], ['skewness', 'Skewness']]) {
    const r = { raw: td({ 'data-stat': key, 'data-side': 'raw' }), norm: td({ 'data-stat': key, 'data-side': 'normalized' }),
      imp: td({ 'data-stat': key, 'data-side': 'improvement' }) };
    if (key === 'min' || key === 'max' || key === 'skewness') {
      const reason = key === 'skewness' ? 'Not a target: normalization keeps the shape within each group.' : noTarget;
      r.imp.append(el('span', { text: '—', attrs: { 'aria-hidden': 'true', title: reason } }),
        el('span', { className: 'visually-hidden', text: reason }));
    }
    rows[key] = r;
    body.append(el('tr', { className: key === 'skewness' ? 'fig-row-shape' : undefined },
      el('th', { text: label, attrs: { scope: 'row' } }), r.raw, r.norm, r.imp));
  }
  table.append(el('caption', { text: 'Statistics comparison (all values of the batch)' }), el('thead', {}, head), body);
  root.append(table, definition);
  return {
    root,
    update(result) {
      for (const key of Object.keys(rows)) {
        const r = rows[key];
        const norm = result.norm;
        r.raw.textContent = fmt(result.raw[key]);
        r.raw.dataset.value = String(result.raw[key]);
        r.norm.textContent = norm ? fmt(norm[key]) : '—';
        r.norm.dataset.value = norm ? String(norm[key]) : '';
        if (key === 'mean' || key === 'std') {
          const v = norm ? result.improvement[key] : NaN;
          r.imp.textContent = fmtPercent(v);
          r.imp.dataset.value = norm ? String(v) : '';
          r.imp.title = !norm || Number.isFinite(v) ? '' : 'Nothing to improve: the raw value is already at its target.';
        }
      }
    },
  };
}

/** Per-group statistics before and after: the range (min to max) of the group means, stds and skewness. */
export function groupsTable(text) {
  const root = el('div', { className: 'pg-panel pg-groups' });
  const caption = el('caption');
  const table = el('table', { className: 'fig-table' });
  const body = el('tbody');
  const rows = {};
  for (const [key, label] of [['mean', 'Group means'], ['std', 'Group std devs'], ['skewness', 'Group skewness']]) {
    rows[key] = { before: td({ 'data-group-stat': key, 'data-side': 'raw' }), after: td({ 'data-group-stat': key, 'data-side': 'normalized' }) };
    body.append(el('tr', { className: key === 'skewness' ? 'fig-row-shape' : undefined },
      el('th', { text: label, attrs: { scope: 'row' } }), rows[key].before, rows[key].after));
  }
  table.append(caption, el('thead', {}, el('tr', {}, el('th', { text: 'Per group', attrs: { scope: 'col' } }),
    el('th', { text: 'Before (min to max)', attrs: { scope: 'col' } }), el('th', { text: 'After (min to max)', attrs: { scope: 'col' } }))), body);
  const note = el('p', { className: 'fig-note fig-shape-note', text: text.hints.skewness });
  root.append(table, note);
  const range = (d) => (d ? `${fmt(d.min, 2)} to ${fmt(d.max, 2)}` : 'undefined');
  return {
    root,
    update(result, kind) {
      const groups = result.rawGroups;
      caption.textContent = groups
        ? `Per-group statistics: ${groups.count} groups (${text.kinds[kind].label}: ${text.kinds[kind].axes})`
        : 'Per-group statistics';
      for (const key of Object.keys(rows)) {
        rows[key].before.textContent = groups ? range(groups[key]) : '—';
        rows[key].after.textContent = result.normGroups ? range(result.normGroups[key]) : '—';
      }
    },
  };
}

/** What batch size does: spread of the per-batch group mean/variance over repeated batches, BN vs LN. */
export function noisePanel(text) {
  const root = el('div', { className: 'pg-panel pg-noise' });
  const heading = el('h4', { className: 'fig-panel-title', text: 'How noisy are the statistics?' });
  const intro = el('p', { className: 'fig-note' });
  const table = el('table', { className: 'fig-table' });
  const body = el('tbody');
  const rowOf = (label) => {
    const r = { label: el('th', { text: label, attrs: { scope: 'row' } }), mean: td(), var: td() };
    body.append(el('tr', {}, r.label, r.mean, r.var));
    return r;
  };
  const bn = rowOf(text.kinds.batch.label);
  const ln = rowOf(text.kinds.layer.label);
  bn.mean.dataset.noise = 'batch-mean';
  ln.mean.dataset.noise = 'layer-mean';
  table.append(el('caption', { text: 'Spread (std dev) across 200 fresh batches' }),
    el('thead', {}, el('tr', {}, el('th', { text: 'Statistic of', attrs: { scope: 'col' } }),
      el('th', { text: 'group mean', attrs: { scope: 'col' } }), el('th', { text: 'group variance', attrs: { scope: 'col' } }))), body);
  const hint = el('p', { className: 'fig-hint', text: text.hints.batchSize });
  const chartBox = el('div', { className: 'pg-chart' });
  root.append(heading, intro, table, chartBox, hint);
  const chart = createLineChart(chartBox, {
    name: 'Group mean in the first 50 of the fresh batches, BatchNorm against LayerNorm', xLabel: 'fresh batch', yLabel: 'group mean',
    series: [{ label: `${text.kinds.batch.label} (channel 0)`, color: '--fig-raw', fallback: '#b4561b', points: true },
      { label: `${text.kinds.layer.label} (sample 0)`, color: '--fig-norm', fallback: '#28498a', points: true }],
  });
  const xs = Array.from({ length: 50 }, (_, i) => i + 1);
  return {
    root,
    update(noise, n, c) {
      intro.textContent = `${text.kinds.batch.label} takes channel 0's mean over the ${n === 1 ? 'single sample' : `${n} samples`} of the batch; ` +
        `${text.kinds.layer.label} takes sample 0's mean over its own ${c} features, whatever the batch size.`;
      bn.label.textContent = `${text.kinds.batch.label}, batch of ${n}`;
      ln.label.textContent = `${text.kinds.layer.label} (any batch size)`;
      bn.mean.textContent = noise.batch ? fmt(noise.batch.meanSd) : '—';
      bn.var.textContent = noise.batch ? fmt(noise.batch.varSd) : '—';
      bn.mean.title = noise.batchError ? noise.batchError.message : '';
      ln.mean.textContent = fmt(noise.layer.meanSd);
      ln.var.textContent = fmt(noise.layer.varSd);
      const first = (a) => (a ? a.slice(0, 50) : []);
      chart.update(xs, [noise.batch ? first(noise.batch.mean) : new Float64Array(50).fill(NaN), first(noise.layer.mean)],
        `Across 200 fresh batches the BatchNorm channel mean (batch ${n}) has a spread of ` +
        `${noise.batch ? fmt(noise.batch.meanSd) : 'nothing (batch size 1 is an error in training)'}; ` +
        `the LayerNorm sample mean has ${fmt(noise.layer.meanSd)}.`);
    },
    destroy: () => chart.destroy(),
  };
}

/** BatchNorm eval mode: running mean (momentum) against the batch means during training, channel 0. */
export function runningPanel(text, { steps, batch, momentum }) {
  const root = el('div', { className: 'pg-panel pg-running' });
  const heading = el('h4', { className: 'fig-panel-title', text: 'Eval mode: running statistics' });
  const intro = el('p', { className: 'fig-note', text: `In eval mode ${text.kinds.batch.label} normalizes with running ` +
    `averages collected during training (${steps} steps on batches of ${batch}, momentum ${momentum}: each step moves ` +
    `them ${momentum * 100}% of the way to the batch statistics), so the result no longer depends on the current batch.` });
  const readout = el('p', { className: 'fig-note', attrs: { 'data-running': 'summary' } });
  const chartBox = el('div', { className: 'pg-chart' });
  root.append(heading, intro, chartBox, readout);
  const chart = createLineChart(chartBox, {
    name: 'Running mean against batch means of channel 0 during training', xLabel: 'training step', yLabel: 'channel 0 mean',
    series: [{ label: 'batch mean', color: '--fig-raw', fallback: '#b4561b', points: true },
      { label: 'running mean', color: '--fig-norm', fallback: '#28498a' },
      { label: 'population mean', color: '--muted', fallback: '#4a5366', dashed: true }],
  });
  const xs = Array.from({ length: steps }, (_, i) => i + 1);
  return {
    root,
    update(trace) {
      const last = trace.runningMean.length - 1;
      readout.textContent = `After ${steps} steps: running mean ${fmt(trace.runningMean[last])} and running variance ` +
        `${fmt(trace.runningVar[last])}, against the population's ${fmt(trace.populationMean)} and ${fmt(trace.populationVar)}.`;
      chart.update(xs, [trace.batchMean, trace.runningMean, trace.populationMean], readout.textContent);
    },
    destroy: () => chart.destroy(),
  };
}
