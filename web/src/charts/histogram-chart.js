// Histogram adapter for Chart.js: draws core.describe(...).histogram ({ edges, counts }) as contiguous bars
// on a linear x axis. Created once; update() rewrites the data arrays in place and calls update('none').
// Several series (e.g. a faint reference behind the live one) share the axes.
//
//   createHistogramChart(container, { name, xLabel, yLabel?, series: [{ label, color, fallback }], xRange?, xStep? })
//     -> { update(histograms, summary), setXRange([lo, hi] | null), destroy() }
// `name` is the canvas's accessible name; `summary` (text) is read out as its description. yLabel defaults to
// the catalogue's "Count"; ticks and tooltips are formatted for the page's locale.

import { Chart, BarController, BarElement, LinearScale, Tooltip, Legend } from 'chart.js';
import { createChart } from './chart-base.js';
import { formatNumber, t } from '../i18n/i18n.js';

Chart.register(BarController, BarElement, LinearScale, Tooltip, Legend);

const tick = (v) => formatNumber(v, { maxDigits: 2 });

export function createHistogramChart(
  container,
  { name, xLabel, yLabel = t('charts.count'), series, xRange = null, xStep },
) {
  const options = {
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
  const base = createChart(container, {
    type: 'bar',
    name,
    series,
    style: (s, color, i) => ({
      backgroundColor: color,
      borderWidth: 0,
      barPercentage: 1,
      categoryPercentage: 1,
      grouped: false,
      order: series.length - i,
    }),
    options,
  });
  const { chart } = base;

  return {
    chart,
    canvas: base.canvas,
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
      base.show(summaryText);
    },
    setXRange(range) {
      chart.options.scales.x.min = range ? range[0] : undefined;
      chart.options.scales.x.max = range ? range[1] : undefined;
    },
    destroy: base.destroy,
  };
}
