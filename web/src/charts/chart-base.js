// chart-base.js — what every Chart.js chart of the page is built from: its canvas with a text alternative, the
// options they all share, and the repainting that keeps a chart's colours in the page's theme. createChart puts
// them together for the adapters (histogram-chart.js, line-chart.js), which register their own Chart.js parts.

import { Chart } from 'chart.js';
import { el, nextId } from '../ui/el.js';
import { axisColors, chartLocale, cssVar, reducedMotion, styleScales, watchTheme } from './chart-theme.js';

/**
 * A chart's canvas (role img, accessible name `name`) in a .fig-chart box, and the visually hidden paragraph that
 * describes it (aria-describedby), both appended to `container`: { wrap, canvas, summary, remove() }.
 */
export function chartCanvas(container, name) {
  const id = nextId('fig-chart');
  const canvas = el('canvas', { role: 'img', 'aria-label': name, 'aria-describedby': `${id}-summary` });
  const wrap = el('div', { className: 'fig-chart' }, canvas);
  const summary = el('p', { className: 'visually-hidden', id: `${id}-summary` });
  container.append(wrap, summary);
  const remove = () => {
    wrap.remove();
    summary.remove();
  };
  return { wrap, canvas, summary, remove };
}

/**
 * The options every chart shares: the page's locale, sized by its box, data handed over parsed and sorted.
 * An `animated` chart animates its updates unless the reader prefers reduced motion.
 */
export const baseOptions = ({ animated = true } = {}) => ({
  locale: chartLocale(),
  responsive: true,
  maintainAspectRatio: false,
  animation: animated && !reducedMotion() ? { duration: 250 } : false,
  parsing: false,
  normalized: true,
});

/** An axis of training steps from 0, titled `title`, with at most `maxTicksLimit` ticks (the training views). */
export const stepsAxis = (title, maxTicksLimit) => ({
  type: 'linear',
  min: 0,
  title: { display: true, text: title },
  ticks: { maxTicksLimit },
  grid: {},
});

/** Each series' colour (its CSS custom property `color` on `container`, else `fallback`). */
export const seriesColors = (container, series) => series.map((s) => cssVar(container, s.color, s.fallback));

/**
 * Keep `chart` in the page's theme: on a theme change every dataset is given its series' colour again by
 * `paint(dataset, colour, index)`, and the axes theirs. Returns stop().
 */
export function followTheme(chart, container, series, paint) {
  return watchTheme(() => {
    const colors = seriesColors(container, series);
    chart.data.datasets.forEach((d, i) => paint(d, colors[i], i));
    styleScales(chart.options, axisColors(container));
    chart.update('none');
  });
}

/**
 * A Chart.js chart of `type` in `container` (chartCanvas, named `name`) with one empty dataset per series,
 * styled by `style(series, colour, index)` now and again whenever the theme changes; `options` go over
 * baseOptions. -> { chart, canvas, show(summary), destroy() }; show() redraws and sets the text description.
 */
export function createChart(container, { type, name, series, style, options }) {
  const parts = chartCanvas(container, name);
  const colors = seriesColors(container, series);
  const datasets = series.map((s, i) => ({ label: s.label, data: [], ...style(s, colors[i], i) }));
  const all = { ...baseOptions(), ...options };
  styleScales(all, axisColors(container));
  const chart = new Chart(parts.canvas, { type, data: { datasets }, options: all });
  const stopWatching = followTheme(chart, container, series, (d, color, i) =>
    Object.assign(d, style(series[i], color, i)),
  );
  return {
    chart,
    canvas: parts.canvas,
    show(summaryText) {
      chart.update('none');
      parts.summary.textContent = summaryText;
    },
    destroy() {
      stopWatching();
      chart.destroy();
      parts.remove();
    },
  };
}
