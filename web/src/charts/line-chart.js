// Line-chart adapter for Chart.js: several series over a shared linear x axis. Created once; update()
// rewrites the point arrays in place and calls update('none').
//
//   createLineChart(container, { name, xLabel, yLabel, series: [{ label, color, fallback, dashed?, points? }] })
//     -> { update(x, ys, summary), destroy() }
// x: array-like of x values; ys[i]: array-like of series i's y values (same length as x), or a number for a
// horizontal reference line. `name` is the canvas's accessible name; `summary` its text description.
// Ticks and tooltips are formatted by Chart.js for the page's locale.

import { Chart, LineController, LineElement, PointElement, LinearScale, Tooltip, Legend } from 'chart.js';
import { axisColors, chartLocale, cssVar, reducedMotion, styleScales, watchTheme } from './chart-theme.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

let count = 0;

export function createLineChart(container, { name, xLabel, yLabel, series }) {
  const id = `fig-line-${++count}`;
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
  const colors = colorsOf();
  const datasets = series.map((s, i) => ({
    label: s.label,
    data: [],
    borderColor: colors[i],
    backgroundColor: colors[i],
    borderWidth: s.dashed ? 1.5 : 2,
    borderDash: s.dashed ? [6, 4] : [],
    pointRadius: s.points ? 2 : 0,
    tension: 0,
  }));
  const options = {
    locale: chartLocale(),
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion() ? false : { duration: 250 },
    parsing: false,
    normalized: true,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { type: 'linear', title: { display: true, text: xLabel }, ticks: { maxTicksLimit: 8 }, grid: {} },
      y: { type: 'linear', title: { display: true, text: yLabel }, ticks: { maxTicksLimit: 6 }, grid: {} },
    },
    plugins: { legend: { display: series.length > 1, labels: { boxWidth: 12 } } },
  };
  styleScales(options, axisColors(container));
  const chart = new Chart(canvas, { type: 'line', data: { datasets }, options });

  const stopWatching = watchTheme(() => {
    const next = colorsOf();
    chart.data.datasets.forEach((d, i) => {
      d.borderColor = next[i];
      d.backgroundColor = next[i];
    });
    styleScales(chart.options, axisColors(container));
    chart.update('none');
  });

  return {
    chart,
    canvas,
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
      chart.update('none');
      summary.textContent = summaryText;
    },
    destroy() {
      stopWatching();
      chart.destroy();
      wrap.remove();
      summary.remove();
    },
  };
}
