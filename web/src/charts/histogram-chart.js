// Histogram adapter for Chart.js: draws core.describe(...).histogram ({ edges, counts }) as contiguous bars
// on a linear x axis. Created once; update() rewrites the data arrays in place and calls update('none').
// Several series (e.g. a faint reference behind the live one) share the axes.
//
//   createHistogramChart(container, { name, xLabel, yLabel?, series: [{ label, color, fallback }], xRange?, xStep? })
//     -> { update(histograms, summary), setXRange([lo, hi] | null), destroy() }
// `name` is the canvas's accessible name; `summary` (text) is read out as its description. yLabel defaults to
// the catalogue's "Count"; ticks and tooltips are formatted for the page's locale.

import { Chart, BarController, BarElement, LinearScale, Tooltip, Legend } from 'chart.js';
import { axisColors, chartLocale, cssVar, reducedMotion, styleScales, watchTheme } from './chart-theme.js';
import { formatNumber, t } from '../i18n/i18n.js';

Chart.register(BarController, BarElement, LinearScale, Tooltip, Legend);

let count = 0;

const tick = (v) => formatNumber(v, { maxDigits: 2 });

export function createHistogramChart(
  container,
  { name, xLabel, yLabel = t('charts.count'), series, xRange = null, xStep },
) {
  const id = `fig-hist-${++count}`;
  const wrap = document.createElement('div');
  wrap.className = 'fig-chart';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', name);
  canvas.setAttribute('aria-describedby', `${id}-summary`);
  const summary = document.createElement('p');
  summary.className = 'visually-hidden';
  summary.id = `${id}-summary`;
  wrap.append(canvas);
  container.append(wrap, summary);

  const colorsOf = () => series.map((s) => cssVar(container, s.color, s.fallback));
  const datasets = series.map((s, i) => ({
    label: s.label,
    data: [],
    backgroundColor: colorsOf()[i],
    borderWidth: 0,
    barPercentage: 1,
    categoryPercentage: 1,
    grouped: false,
    order: series.length - i,
  }));
  const options = {
    locale: chartLocale(),
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 250 },
    parsing: false,
    normalized: true,
    scales: {
      x: {
        type: 'linear',
        offset: false,
        title: { display: true, text: xLabel },
        ticks: { callback: tick, maxTicksLimit: 9 },
        grid: {},
      },
      y: {
        type: 'linear',
        beginAtZero: true,
        title: { display: true, text: yLabel },
        ticks: { maxTicksLimit: 5 },
        grid: {},
      },
    },
    plugins: {
      legend: { display: series.length > 1, labels: { boxWidth: 12 } },
      tooltip: {
        callbacks: {
          title: (items) => {
            const p = items[0]?.raw;
            return p ? t('charts.binRange', { lo: tick(p.lo), hi: tick(p.hi) }) : '';
          },
          label: (item) => t('charts.seriesValue', { series: item.dataset.label, value: formatNumber(item.raw.y) }),
        },
      },
    },
  };
  if (xRange) [options.scales.x.min, options.scales.x.max] = xRange;
  if (xStep) options.scales.x.ticks.stepSize = xStep;
  styleScales(options, axisColors(container));
  const chart = new Chart(canvas, { type: 'bar', data: { datasets }, options });

  const stopWatching = watchTheme(() => {
    const colors = colorsOf();
    chart.data.datasets.forEach((d, i) => {
      d.backgroundColor = colors[i];
    });
    styleScales(chart.options, axisColors(container));
    chart.update('none');
  });

  return {
    chart,
    canvas,
    /** histograms[i] is series i's { edges, counts } (or null to hide it); summary is the text alternative. */
    update(histograms, summaryText) {
      histograms.forEach((h, i) => {
        const data = chart.data.datasets[i].data;
        const bins = h ? h.counts.length : 0;
        data.length = bins;
        for (let b = 0; b < bins; b++) {
          const lo = h.edges[b],
            hi = h.edges[b + 1];
          const point = data[b] || (data[b] = { x: 0, y: 0, lo: 0, hi: 0 });
          point.x = (lo + hi) / 2; // bar position: the middle of its bin
          point.y = h.counts[b];
          point.lo = lo;
          point.hi = hi;
        }
      });
      chart.update('none');
      summary.textContent = summaryText;
    },
    setXRange(range) {
      chart.options.scales.x.min = range ? range[0] : undefined;
      chart.options.scales.x.max = range ? range[1] : undefined;
    },
    destroy() {
      stopWatching();
      chart.destroy();
      wrap.remove();
      summary.remove();
    },
  };
}
