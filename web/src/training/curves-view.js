// curves-view.js — the loss curves of the compared variants in one Chart.js line chart (created once,
// updated in place with update('none')): the mini-batch training loss per step (thinned to at most
// MAX_POINTS shown points per series) as a line, and the evaluation loss (full training set, inference
// mode, every evalEvery steps) as dots. A diverged run's line simply ends; the HTML legend under the
// chart says "diverged at step N (reason)". Linear or logarithmic loss axis.
import { Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip } from 'chart.js';
import { axisColors, cssVar, reducedMotion, styleScales, watchTheme } from '../charts/chart-theme.js';
import { baseOptions, stepsAxis } from '../charts/chart-base.js';
import { formatNumber, t } from '../i18n/i18n.js';
import { el } from '../ui/el.js';
import { fmtSig } from '../ui/format.js';
import { NORM_SHORT } from './presets.js';
import { thin } from './thin.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip);

const KIND_COLORS = {
  none: ['--tr-none', '#b4561b'],
  batch: ['--tr-batch', '#28498a'],
  layer: ['--tr-layer', '#1b6e3a'],
  rms: ['--tr-rms', '#8a2b7a'],
  group: ['--tr-group', '#5c5f00'],
  instance: ['--tr-instance', '#00677a'],
};
// The Transformer's variants never share a chart with the norms above, so they reuse their six colours:
// LayerNorm's and RMSNorm's for Pre-LN, the others for the Post-LN variants.
export const NORM_COLORS = Object.freeze({
  ...KIND_COLORS,
  'pre-layer': KIND_COLORS.layer,
  'post-layer': KIND_COLORS.none,
  'post-layer-warmup': KIND_COLORS.batch,
  'pre-rms': KIND_COLORS.rms,
  'post-rms': KIND_COLORS.group,
  'post-rms-warmup': KIND_COLORS.instance,
});
export const normColor = (node, norm) => cssVar(node, ...NORM_COLORS[norm]);

/** [r, g, b] of any CSS colour (through a canvas context, which normalizes it). */
export function rgbOf(color) {
  const probe = document.createElement('canvas').getContext('2d');
  probe.fillStyle = color;
  const c = probe.fillStyle; // #rrggbb, or rgba(...) for translucent colours
  if (c.startsWith('#')) return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return (c.match(/\d+/g) || [0, 0, 0]).slice(0, 3).map(Number);
}
const translucent = (color, a) => `rgb(${rgbOf(color).join(' ')} / ${a})`;

export function createCurvesView(container, { log = true } = {}) {
  const wrap = el('div', { className: 'fig-chart tr-chart' });
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': t('training.curves.chartName') } });
  const summaryId = `tr-curves-summary-${Math.random().toString(36).slice(2, 8)}`;
  canvas.setAttribute('aria-describedby', summaryId);
  wrap.append(canvas);
  const legend = el('ul', { className: 'tr-legend', attrs: { 'aria-label': t('training.curves.legend') } });
  const note = el('p', { className: 'fig-note' });
  const summary = el('p', { className: 'visually-hidden', attrs: { id: summaryId } });
  container.append(wrap, legend, note, summary);

  const options = {
    ...baseOptions({ animated: false }),
    interaction: { mode: 'nearest', intersect: false },
    scales: {
      x: stepsAxis(t('training.curves.xLabel'), 8),
      y: {
        type: log ? 'logarithmic' : 'linear',
        title: { display: true, text: t('training.curves.yLabel') },
        ticks: { maxTicksLimit: 7, callback: (v) => fmtSig(Number(v), 2) },
        grid: {},
      },
    },
    plugins: { legend: { display: false }, tooltip: { animation: reducedMotion() ? false : {} } },
  };
  styleScales(options, axisColors(container));
  const chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
  let norms = [];

  const recolor = () => {
    chart.data.datasets.forEach((d) => {
      const color = d.norm ? normColor(container, d.norm) : axisColors(container).muted;
      d.borderColor = d.faint ? translucent(color, 0.4) : color;
      d.backgroundColor = d.borderColor;
    });
    styleScales(chart.options, axisColors(container));
    for (const item of legend.children) item.style.setProperty('--swatch', normColor(container, item.dataset.norm));
    chart.update('none');
  };
  const stopWatching = watchTheme(recolor);

  return {
    chart,
    canvas,
    /** Start over with these variants (empty curves). */
    reset(variants, maxSteps, evalEvery, targetLoss) {
      norms = [...variants];
      note.textContent = t('training.curves.note', { evalEvery, target: formatNumber(targetLoss) });
      chart.data.datasets = norms.flatMap((norm) => [
        {
          norm,
          faint: true,
          label: t('training.curves.miniBatch', { name: NORM_SHORT[norm] }),
          data: [],
          borderWidth: 1,
          pointRadius: 0,
          tension: 0,
          order: 2,
        },
        {
          norm,
          label: t('training.curves.evaluation', { name: NORM_SHORT[norm] }),
          data: [],
          borderWidth: 2.5,
          pointRadius: 2.5,
          pointHoverRadius: 4,
          tension: 0,
          order: 1,
        },
      ]);
      // The sweep's target loss as a reference line (the plan's value; nothing is computed from it here).
      chart.data.datasets.push({
        norm: null,
        label: t('training.curves.target', { target: formatNumber(targetLoss) }),
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        data: [
          { x: 0, y: targetLoss },
          { x: maxSteps, y: targetLoss },
        ],
        order: 3,
      });
      chart.options.scales.x.max = maxSteps;
      legend.replaceChildren(
        ...norms.map((norm) =>
          el(
            'li',
            { attrs: { 'data-norm': norm } },
            el('span', { className: 'tr-swatch', attrs: { 'aria-hidden': 'true' } }),
            el('span', { className: 'tr-legend-name', text: NORM_SHORT[norm] }),
            el('span', { className: 'tr-legend-status', text: t('training.panel.waiting') }),
          ),
        ),
      );
      recolor();
    },
    /**
     * series[norm]: { loss: number[] (step k + 1 at index k), evalSteps, evalLoss, status: text }.
     * summaryText: the chart's text description.
     */
    update(series, summaryText) {
      norms.forEach((norm, i) => {
        const s = series[norm];
        if (!s) return;
        const line = chart.data.datasets[2 * i].data;
        const idx = thin(s.loss.length);
        line.length = idx.length;
        idx.forEach((k, j) => {
          line[j] = { x: k + 1, y: s.loss[k] };
        });
        const dots = chart.data.datasets[2 * i + 1].data;
        dots.length = s.evalSteps.length;
        s.evalSteps.forEach((x, j) => {
          dots[j] = { x, y: s.evalLoss[j] };
        });
        const item = legend.children[i];
        item.querySelector('.tr-legend-status').textContent = s.status;
        item.classList.toggle('is-diverged', Boolean(s.diverged));
      });
      chart.update('none');
      summary.textContent = summaryText;
    },
    setLog(on) {
      chart.options.scales.y.type = on ? 'logarithmic' : 'linear';
      chart.update('none');
    },
    destroy() {
      stopWatching();
      chart.destroy();
      wrap.remove();
      legend.remove();
      note.remove();
      summary.remove();
    },
  };
}
