// grad-view.js — the gradient norm of each hidden layer's weights (EvalReport.gradNorm, from the core) at
// the latest evaluation, one line per variant across depth (layer 1 = nearest the input), on a log axis.
// It updates while training, so the learner sees gradients shrink or grow through the layers over time.
// Chart.js, created once and updated in place with update('none').
import { Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale } from 'chart.js';
import { axisColors, styleScales, watchTheme } from '../charts/chart-theme.js';
import { el, fmt } from './dom.js';
import { NORM_SHORT } from './presets.js';
import { normColor } from './curves-view.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

export function createGradView(container) {
  const wrap = el('div', { className: 'fig-chart tr-grad-chart' });
  const summaryId = `tr-grad-summary-${Math.random().toString(36).slice(2, 8)}`;
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': 'Gradient norm of each layer at the latest evaluation',
    'aria-describedby': summaryId } });
  wrap.append(canvas);
  const summary = el('p', { className: 'fig-note', attrs: { id: summaryId } });
  container.append(wrap, summary);
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    parsing: false,
    scales: {
      x: { type: 'linear', title: { display: true, text: 'Hidden layer (1 = nearest the input)' },
        ticks: { stepSize: 1, precision: 0 }, grid: {} },
      y: { type: 'logarithmic', title: { display: true, text: 'Weight-gradient norm' },
        ticks: { maxTicksLimit: 6, callback: (v) => fmt(Number(v), 2) }, grid: {} },
    },
    plugins: { legend: { display: false }, tooltip: { enabled: false } },
  };
  styleScales(options, axisColors(container));
  const chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
  const recolor = () => {
    chart.data.datasets.forEach((d) => { d.borderColor = normColor(container, d.norm); d.backgroundColor = d.borderColor; });
    styleScales(chart.options, axisColors(container));
    chart.update('none');
  };
  const stopWatching = watchTheme(recolor);
  let shown = '';

  return {
    reset(variants) {
      chart.data.datasets = variants.map((norm) => ({ norm, label: NORM_SHORT[norm], data: [], borderWidth: 2,
        pointRadius: 3, tension: 0 }));
      summary.textContent = 'Train to see the gradient norms of each layer.';
      shown = '';
      recolor();
    },
    /** evalsByNorm[norm]: the evaluation reports so far; the latest one is drawn. */
    update(evalsByNorm) {
      const key = chart.data.datasets.map((d) => evalsByNorm[d.norm]?.length ?? 0).join();
      if (key === shown) return; // no new evaluation since the last frame
      shown = key;
      const lines = [];
      for (const d of chart.data.datasets) {
        const evals = evalsByNorm[d.norm] || [];
        const last = evals[evals.length - 1];
        if (!last) { d.data.length = 0; continue; }
        const g = last.gradNorm;
        d.data.length = g.length;
        for (let i = 0; i < g.length; i++) d.data[i] = { x: i + 1, y: g[i] > 0 ? g[i] : null };
        lines.push(`${NORM_SHORT[d.norm]} at step ${last.step}: layer 1 ${fmt(g[0], 2)}, layer ${g.length} ${fmt(g[g.length - 1], 2)}`);
      }
      chart.update('none');
      if (lines.length) summary.textContent = `Colours as in the loss chart. Weight-gradient norms, ${lines.join('; ')}.`;
    },
    destroy() {
      stopWatching();
      chart.destroy();
      wrap.remove();
      summary.remove();
    },
  };
}
