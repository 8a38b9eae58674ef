// The playground's output panels, built once and updated in place: the "Statistics comparison" table,
// the per-group statistics, the batch-size noise panel (with a small line chart) and the eval-mode
// running-statistics chart. Every number shown is a field of a core result; this module only formats.

import { createLineChart } from '../../charts/line-chart.js';
import { formatPercent, t } from '../../i18n/i18n.js';
import { el, nextId } from '../../ui/el.js';
import { fmtFixed, fmtPercent } from '../../ui/format.js';
import { setData, setText, setTitle } from './write.js';

const td = (attrs) => el('td', { attrs });

/** The "?" button in the improvement column's header and the definition it shows or hides. */
function improvementHelp(text) {
  const defId = nextId('pg-improvement');
  const toggle = el('button', {
    className: 'fig-info',
    text: '?',
    attrs: {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': defId,
      'aria-label': t('playground.stats.whatImprovement'),
    },
  });
  const definition = el('p', {
    className: 'fig-hint pg-definition',
    text: text.hints.improvement,
    attrs: { id: defId },
  });
  definition.hidden = true;
  toggle.addEventListener('click', () => {
    definition.hidden = !definition.hidden;
    toggle.setAttribute('aria-expanded', String(!definition.hidden));
  });
  return { toggle, definition };
}

/** One row per statistic: raw, normalized and improvement cells (a "—" with its reason where none applies). */
function statsRows() {
  const body = el('tbody');
  const rows = {};
  for (const key of ['mean', 'std', 'min', 'max', 'skewness']) {
    const r = {
      raw: td({ 'data-stat': key, 'data-side': 'raw' }),
      norm: td({ 'data-stat': key, 'data-side': 'normalized' }),
      imp: td({ 'data-stat': key, 'data-side': 'improvement' }),
    };
    if (key === 'min' || key === 'max' || key === 'skewness') {
      const reason = t(key === 'skewness' ? 'playground.stats.notTarget' : 'playground.stats.noTarget');
      r.imp.append(
        el('span', { text: '—', attrs: { 'aria-hidden': 'true', title: reason } }),
        el('span', { className: 'visually-hidden', text: reason }),
      );
    }
    rows[key] = r;
    body.append(
      el(
        'tr',
        { className: key === 'skewness' ? 'fig-row-shape' : undefined },
        el('th', { text: t(`playground.stats.${key}`), attrs: { scope: 'row' } }),
        r.raw,
        r.norm,
        r.imp,
      ),
    );
  }
  return { body, rows };
}

/** "Statistics comparison": mean, std dev, min, max (+ skewness) × raw, normalized, improvement. */
export function statsTable(text) {
  const { toggle, definition } = improvementHelp(text);
  const root = el('div', { className: 'pg-panel pg-stats' });
  const table = el('table', { className: 'fig-table' });
  const col = (key) => el('th', { text: t(`playground.stats.${key}`), attrs: { scope: 'col' } });
  const head = el(
    'tr',
    {},
    col('statistic'),
    col('raw'),
    col('normalized'),
    el(
      'th',
      { attrs: { scope: 'col' } },
      el('span', { text: t('playground.stats.improvement'), attrs: { title: text.hints.improvement } }),
      toggle,
    ),
  );
  const { body, rows } = statsRows();
  table.append(el('caption', { text: t('playground.stats.caption') }), el('thead', {}, head), body);
  root.append(table, definition);
  return {
    root,
    update(result) {
      for (const key of Object.keys(rows)) {
        const r = rows[key];
        const norm = result.norm;
        setText(r.raw, fmtFixed(result.raw[key]));
        setData(r.raw, 'value', String(result.raw[key]));
        setText(r.norm, norm ? fmtFixed(norm[key]) : '—');
        setData(r.norm, 'value', norm ? String(norm[key]) : '');
        if (key === 'mean' || key === 'std') {
          const v = norm ? result.improvement[key] : NaN;
          setText(r.imp, fmtPercent(v));
          setData(r.imp, 'value', norm ? String(v) : '');
          setTitle(r.imp, !norm || Number.isFinite(v) ? '' : t('playground.stats.atTarget'));
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
  for (const key of ['mean', 'std', 'skewness']) {
    rows[key] = {
      before: td({ 'data-group-stat': key, 'data-side': 'raw' }),
      after: td({ 'data-group-stat': key, 'data-side': 'normalized' }),
    };
    body.append(
      el(
        'tr',
        { className: key === 'skewness' ? 'fig-row-shape' : undefined },
        el('th', { text: t(`playground.groupStats.${key}`), attrs: { scope: 'row' } }),
        rows[key].before,
        rows[key].after,
      ),
    );
  }
  const col = (key) => el('th', { text: t(`playground.groupStats.${key}`), attrs: { scope: 'col' } });
  table.append(caption, el('thead', {}, el('tr', {}, col('perGroup'), col('before'), col('after'))), body);
  const note = el('p', { className: 'fig-note fig-shape-note', text: text.hints.skewness });
  root.append(table, note);
  const range = (d) =>
    d
      ? t('playground.groupStats.range', { min: fmtFixed(d.min, 2), max: fmtFixed(d.max, 2) })
      : t('playground.groupStats.undefined');
  return {
    root,
    update(result, kind) {
      const groups = result.rawGroups;
      setText(
        caption,
        groups
          ? t('playground.groupStats.captionCount', {
              count: groups.count,
              kind: text.kinds[kind].label,
              axes: text.kinds[kind].axes,
            })
          : t('playground.groupStats.caption'),
      );
      for (const key of Object.keys(rows)) {
        setText(rows[key].before, groups ? range(groups[key]) : '—');
        setText(rows[key].after, result.normGroups ? range(result.normGroups[key]) : '—');
      }
    },
  };
}

/** What batch size does: spread of the per-batch group mean/variance over repeated batches, BN vs LN. */
export function noisePanel(text, repeats) {
  const root = el('div', { className: 'pg-panel pg-noise' });
  const heading = el('h4', { className: 'fig-panel-title', text: t('playground.noise.title') });
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
  const col = (key) => el('th', { text: t(`playground.noise.${key}`), attrs: { scope: 'col' } });
  table.append(
    el('caption', { text: t('playground.noise.caption', { repeats }) }),
    el('thead', {}, el('tr', {}, col('of'), col('mean'), col('variance'))),
    body,
  );
  const hint = el('p', { className: 'fig-hint', text: text.hints.batchSize });
  const chartBox = el('div', { className: 'pg-chart' });
  root.append(heading, intro, table, chartBox, hint);
  const chart = createLineChart(chartBox, {
    name: t('playground.noise.chartName'),
    xLabel: t('playground.noise.xLabel'),
    yLabel: t('playground.noise.yLabel'),
    series: [
      {
        label: t('playground.noise.batchSeries', { batch: text.kinds.batch.label }),
        color: '--fig-raw',
        fallback: '#b4561b',
        points: true,
      },
      {
        label: t('playground.noise.layerSeries', { layer: text.kinds.layer.label }),
        color: '--fig-norm',
        fallback: '#28498a',
        points: true,
      },
    ],
  });
  const xs = Array.from({ length: 50 }, (_, i) => i + 1);
  return {
    root,
    update(noise, n, c) {
      const kinds = { batch: text.kinds.batch.label, layer: text.kinds.layer.label };
      intro.textContent = t('playground.noise.intro', { ...kinds, count: n, c });
      bn.label.textContent = t('playground.noise.batchRow', { ...kinds, n });
      ln.label.textContent = t('playground.noise.layerRow', kinds);
      bn.mean.textContent = noise.batch ? fmtFixed(noise.batch.meanSd) : '—';
      bn.var.textContent = noise.batch ? fmtFixed(noise.batch.varSd) : '—';
      bn.mean.title = noise.batchError ? noise.batchError.message : '';
      ln.mean.textContent = fmtFixed(noise.layer.meanSd);
      ln.var.textContent = fmtFixed(noise.layer.varSd);
      const first = (a) => (a ? a.slice(0, 50) : []);
      chart.update(
        xs,
        [noise.batch ? first(noise.batch.mean) : new Float64Array(50).fill(NaN), first(noise.layer.mean)],
        t('playground.noise.summary', {
          repeats,
          n,
          batchSd: noise.batch ? fmtFixed(noise.batch.meanSd) : t('playground.noise.batchError'),
          layerSd: fmtFixed(noise.layer.meanSd),
        }),
      );
    },
    destroy: () => chart.destroy(),
  };
}

/** BatchNorm eval mode: running mean (momentum) against the batch means during training, channel 0. */
export function runningPanel(text, { steps, batch, momentum }) {
  const root = el('div', { className: 'pg-panel pg-running' });
  const heading = el('h4', { className: 'fig-panel-title', text: t('playground.running.title') });
  const intro = el('p', {
    className: 'fig-note',
    text: t('playground.running.intro', {
      batch: text.kinds.batch.label,
      steps,
      size: batch,
      momentum,
      percent: formatPercent(momentum * 100, 0),
    }),
  });
  const readout = el('p', { className: 'fig-note', attrs: { 'data-running': 'summary' } });
  const chartBox = el('div', { className: 'pg-chart' });
  root.append(heading, intro, chartBox, readout);
  const chart = createLineChart(chartBox, {
    name: t('playground.running.chartName'),
    xLabel: t('playground.running.xLabel'),
    yLabel: t('playground.running.yLabel'),
    series: [
      { label: t('playground.running.batchMean'), color: '--fig-raw', fallback: '#b4561b', points: true },
      { label: t('playground.running.runningMean'), color: '--fig-norm', fallback: '#28498a' },
      { label: t('playground.running.populationMean'), color: '--muted', fallback: '#4a5366', dashed: true },
    ],
  });
  const xs = Array.from({ length: steps }, (_, i) => i + 1);
  return {
    root,
    update(trace) {
      const last = trace.runningMean.length - 1;
      readout.textContent = t('playground.running.summary', {
        steps,
        mean: fmtFixed(trace.runningMean[last]),
        variance: fmtFixed(trace.runningVar[last]),
        popMean: fmtFixed(trace.populationMean),
        popVar: fmtFixed(trace.populationVar),
      });
      chart.update(xs, [trace.batchMean, trace.runningMean, trace.populationMean], readout.textContent);
    },
    destroy: () => chart.destroy(),
  };
}
