// Line-chart adapter for Chart.js: several series over a shared linear x axis. Created once; update()
// rewrites the point arrays in place and calls update('none').
//
//   createLineChart(container, { name, xLabel, yLabel, series: [{ label, color, fallback, dashed?, points? }] })
//     -> { update(x, ys, summary), destroy() }
// x: array-like of x values; ys[i]: array-like of series i's y values (same length as x), or a number for a
// horizontal reference line. `name` is the canvas's accessible name; `summary` its text description.
// Ticks and tooltips are formatted by Chart.js for the page's locale.

import { Chart, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend } from 'chart.js';
import { createChart } from './chart-base.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export function createLineChart(container, { name, xLabel, yLabel, series }) {
  const base = createChart(container, {
    type: 'line',
    name,
    series,
    style: (s, color) => ({
      borderColor: color,
      backgroundColor: color,
      borderWidth: s.dashed ? 1.5 : 2,
      borderDash: s.dashed ? [6, 4] : [],
      pointRadius: s.points ? 2 : 0,
      tension: 0,
    }),
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: xLabel }, ticks: { maxTicksLimit: 8 }, grid: {} },
        y: { type: 'linear', title: { display: true, text: yLabel }, ticks: { maxTicksLimit: 6 }, grid: {} },
      },
      plugins: { legend: { display: series.length > 1, labels: { boxWidth: 12 } } },
    },
  });
  const { chart } = base;

  return {
    chart,
    canvas: base.canvas,
    update(x, ys, summaryText) {
      ys.forEach((y, i) => {
        const data = chart.data.datasets[i].data;
        data.length = x.length;
        for (let k = 0; k < x.length; k++) {
          const point = data[k] || (data[k] = { x: 0, y: 0 });
          point.x = x[k];
          point.y = typeof y === 'number' ? y : y[k];
        }
      });
      base.show(summaryText);
    },
    destroy: base.destroy,
  };
}
