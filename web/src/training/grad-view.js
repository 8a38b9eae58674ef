// grad-view.js — gradient norms per layer over training, with and without normalization: one small chart
// per compared variant (side by side, the same logarithmic y range for all), one line per hidden layer
// (layer 1, nearest the input, dashed and faintest; the last layer solid), from EvalReport.gradNorm at
// every evaluation. Vanishing gradients show as the early layers' lines far below the late ones (the
// "hard" sigmoid preset without normalization); exploding ones as lines running off the top. Each chart
// has a text alternative with the numbers at the first and latest evaluation. Every number comes from the
// trainer; this file only draws and formats. Chart.js, created once per reset, updated with update('none').
import { Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale } from 'chart.js';
import { axisColors, styleScales, watchTheme } from '../charts/chart-theme.js';
import { baseOptions, stepsAxis } from '../charts/chart-base.js';
import { t } from '../i18n/i18n.js';
import { el, nextId } from '../ui/el.js';
import { fmtSig } from '../ui/format.js';
import { normColor, rgbOf } from './curves-view.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

const alpha = (layer, depth) => (depth > 1 ? 0.3 + (0.7 * layer) / (depth - 1) : 1);

export function createGradView(container) {
  const intro = el('p', { className: 'fig-note', text: t('training.grad.intro') });
  const note = el('p', { className: 'fig-note tr-grad-note' });
  const grid = el('div', { className: 'tr-grad-grid' });
  container.append(intro, note, grid);
  let panels = [];
  let shown = '';

  const ticks = { maxTicksLimit: 6, callback: (v) => fmtSig(Number(v), 2) };
  function makePanel(norm) {
    const summaryId = nextId('tr-grad-summary');
    const canvas = el('canvas', {
      attrs: {
        role: 'img',
        'aria-label': t('training.grad.chartName', { variant: t(`training.norms.${norm}`) }),
        'aria-describedby': summaryId,
      },
    });
    const text = el('p', { className: 'fig-note tr-grad-text', attrs: { id: summaryId, 'data-grad-norm': norm } });
    const box = el(
      'figure',
      { className: 'tr-grad-panel', attrs: { 'data-norm': norm } },
      el('figcaption', { className: 'fig-chart-title', text: t(`training.normsLong.${norm}`) }),
      el('div', { className: 'fig-chart tr-grad-chart' }, canvas),
      text,
    );
    const options = {
      ...baseOptions({ animated: false }),
      scales: {
        x: stepsAxis(t('training.grad.xLabel'), 5),
        y: { type: 'logarithmic', title: { display: true, text: t('training.grad.yLabel') }, ticks, grid: {} },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    };
    styleScales(options, axisColors(container));
    const chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
    return { norm, box, text, chart };
  }

  function recolor() {
    for (const p of panels) {
      const rgb = rgbOf(normColor(container, p.norm)).join(' ');
      const depth = p.chart.data.datasets.length;
      p.chart.data.datasets.forEach((d, i) => {
        d.borderColor = `rgb(${rgb} / ${alpha(i, depth)})`;
      });
      styleScales(p.chart.options, axisColors(container));
      p.chart.update('none');
    }
  }
  const stopWatching = watchTheme(recolor);

  function clear() {
    for (const p of panels) p.chart.destroy();
    panels = [];
    grid.replaceChildren();
  }

  return {
    /** Start over with these variants (empty charts; the step axis runs to maxSteps). */
    reset(variants, maxSteps) {
      clear();
      panels = variants.map(makePanel);
      for (const p of panels) p.chart.options.scales.x.max = maxSteps;
      grid.append(...panels.map((p) => p.box));
      for (const p of panels) p.text.textContent = t('training.grad.waiting');
      note.textContent = variants.includes('none') ? t('training.grad.legend') : t('training.grad.addNone');
      shown = '';
    },
    /** evalsByNorm[norm]: the evaluation reports so far (each with step and gradNorm per hidden layer). */
    update(evalsByNorm) {
      const key = panels.map((p) => evalsByNorm[p.norm]?.length ?? 0).join();
      if (key === shown) return; // no new evaluation since the last redraw
      shown = key;
      // One y range for every panel, so that heights compare across variants (axis scaling only).
      let lo = Infinity;
      let hi = 0;
      for (const p of panels) {
        for (const e of evalsByNorm[p.norm] || []) {
          for (const g of e.gradNorm)
            if (g > 0 && Number.isFinite(g)) {
              lo = Math.min(lo, g);
              hi = Math.max(hi, g);
            }
        }
      }
      for (const p of panels) {
        const evals = evalsByNorm[p.norm] || [];
        const depth = evals[0]?.gradNorm.length ?? 0;
        const sets = p.chart.data.datasets;
        if (sets.length !== depth) {
          p.chart.data.datasets = Array.from({ length: depth }, (_, i) => ({
            data: [],
            borderWidth: i === depth - 1 ? 2.5 : 1.5,
            borderDash: i === 0 ? [5, 3] : undefined,
            pointRadius: 0,
            tension: 0,
          }));
        }
        p.chart.data.datasets.forEach((d, layer) => {
          d.data.length = evals.length;
          evals.forEach((e, j) => {
            d.data[j] = { x: e.step, y: e.gradNorm[layer] > 0 ? e.gradNorm[layer] : null };
          });
        });
        if (hi > 0) Object.assign(p.chart.options.scales.y, { min: lo, max: hi });
        if (evals.length) {
          const first = evals[0];
          const last = evals[evals.length - 1];
          const at = (e) =>
            t('training.grad.at', {
              step: e.step,
              first: fmtSig(e.gradNorm[0], 2),
              depth,
              last: fmtSig(e.gradNorm[depth - 1], 2),
            });
          p.text.textContent = t('training.grad.summary', {
            variant: t(`training.normsLong.${p.norm}`),
            start: at(first),
            end: at(last),
          });
        }
      }
      recolor();
    },
    destroy() {
      stopWatching();
      clear();
      intro.remove();
      note.remove();
      grid.remove();
    },
  };
}
