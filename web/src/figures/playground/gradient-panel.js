// gradient-panel.js — the playground's "Gradients" tab: the gradient ∂L/∂x that core.backward sends back
// through the chosen norm for a chosen upstream gradient ∂L/∂y, as a statistics table (both gradients),
// the range of the per-group means of ∂L/∂x, and a histogram of ∂L/∂x. Every number is a field of a core
// result (compute.js gradient()); this module only formats, and picks the explanation for the case shown.

import { createHistogramChart } from '../../charts/histogram-chart.js';
import { formatNumber, t } from '../../i18n/i18n.js';
import { el } from '../../ui/el.js';
import { selectControl } from '../../ui/controls.js';
import { UPSTREAM } from './compute.js';
import { setData, setText } from './write.js';

const STATS = ['mean', 'std', 'min', 'max'];
const num = (v) => formatNumber(v, { significant: 3 });

/** Which explanation applies: mean-subtracting norms, RMSNorm, or BatchNorm's eval mode (a fixed affine map). */
export const gradientFamily = (s) =>
  s.kind === 'rms' ? 'rms' : s.kind === 'batch' && s.mode === 'eval' ? 'eval' : 'centred';

/** Both gradients' statistics, one row each, and a row for the range of ∂L/∂x's per-group means. */
function gradientTable() {
  const table = el('table', { className: 'fig-table' });
  const body = el('tbody');
  const cells = {};
  for (const key of STATS) {
    cells[key] = {
      upstream: el('td', { attrs: { 'data-grad-stat': key, 'data-side': 'upstream' } }),
      input: el('td', { attrs: { 'data-grad-stat': key, 'data-side': 'input' } }),
    };
    body.append(
      el(
        'tr',
        {},
        el('th', { text: t(`playground.stats.${key}`), attrs: { scope: 'row' } }),
        cells[key].upstream,
        cells[key].input,
      ),
    );
  }
  const groupCell = el('td', { attrs: { 'data-grad-stat': 'group-mean', 'data-side': 'input', colspan: '2' } });
  body.append(el('tr', {}, el('th', { text: t('playground.grad.groupMeans'), attrs: { scope: 'row' } }), groupCell));
  const col = (text) => el('th', { text, attrs: { scope: 'col' } });
  table.append(
    el('caption', { text: t('playground.grad.caption') }),
    el(
      'thead',
      {},
      el('tr', {}, col(t('playground.grad.statistic')), col(t('playground.grad.dy')), col(t('playground.grad.dx'))),
    ),
    body,
  );
  return { table, cells, groupCell };
}

export function gradientPanel({ onUpstream, initial = UPSTREAM[0] }) {
  const root = el('div', { className: 'pg-panel pg-gradient' });
  const heading = el('h4', { className: 'fig-panel-title', text: t('playground.grad.title') });
  const intro = el('p', { className: 'fig-note', text: t('playground.grad.intro') });
  const choice = selectControl(
    t('playground.grad.upstream'),
    UPSTREAM.map((u) => ({ value: u, label: t(`playground.grad.upstreams.${u}`) })),
    (u) => onUpstream(u),
  );
  choice.input.dataset.control = 'upstream';
  choice.set(initial);
  const explain = el('p', { className: 'pg-grad-explain', attrs: { 'data-grad': 'explanation' } });
  const message = el('p', { className: 'fig-error-title', attrs: { 'data-grad': 'error' } });
  message.hidden = true;

  const { table, cells, groupCell } = gradientTable();

  const chartBox = el('div', { className: 'pg-chart' });
  root.append(heading, intro, choice.root, explain, message, table, chartBox);
  const chart = createHistogramChart(chartBox, {
    name: t('playground.grad.chartName'),
    xLabel: t('playground.grad.dx'),
    yLabel: t('playground.grad.count'),
    series: [{ label: t('playground.grad.dx'), color: '--fig-norm', fallback: '#28498a' }],
  });
  // Gradients can be ~1e−8 (zero up to rounding): ticks need significant digits, not fixed decimals.
  chart.chart.options.scales.x.ticks.callback = (v) => formatNumber(Number(v), { significant: 2 });

  return {
    root,
    /** view: compute.js gradient() result; s: the playground state; upstream: the chosen ∂L/∂y. */
    update(view, s, upstream) {
      choice.set(upstream);
      setText(explain, t(`playground.grad.explain.${upstream}.${gradientFamily(s)}`));
      message.hidden = !view.error;
      setText(message, view.error ? t('playground.grad.error', { message: view.error.message }) : '');
      for (const key of STATS) {
        for (const side of ['upstream', 'input']) {
          const v = view.error ? NaN : view[side][key];
          setText(cells[key][side], num(v));
          setData(cells[key][side], 'value', view.error ? '' : String(v));
        }
      }
      const means = view.error ? null : view.inputGroups.mean;
      setText(
        groupCell,
        means
          ? t('playground.grad.groupRange', { count: view.inputGroups.count, min: num(means.min), max: num(means.max) })
          : '—',
      );
      setData(groupCell, 'min', means ? String(means.min) : '');
      setData(groupCell, 'max', means ? String(means.max) : '');
      if (view.error) {
        chart.update([null], t('playground.grad.none'));
        return;
      }
      const d = view.input;
      chart.update(
        [d.histogram],
        t('playground.grad.summary', {
          upstream: t(`playground.grad.upstreams.${upstream}`),
          mean: num(d.mean),
          std: num(d.std),
          min: num(d.min),
          max: num(d.max),
        }),
      );
    },
    destroy: () => chart.destroy(),
  };
}
