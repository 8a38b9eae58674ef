// ics-view.js — "internal covariate shift": how the distribution of one hidden layer's pre-activations
// (the activation's input, over the full training set, in inference mode) moves during training, per
// variant. Each evaluation the core reports a histogram of the watched layer over a fixed range
// [-histRange, histRange] plus that layer's mean and std; this view stacks the histograms left to right
// as a heat strip (darker = more values in that bin at that step) and states first → latest mean and std.
// The per-column shading (count / column maximum) is a drawing choice, not a statistic.
import { t } from '../i18n/i18n.js';
import { el } from '../ui/el.js';
import { fmtSig } from '../ui/format.js';
import { NORM_SHORT } from './presets.js';
import { normColor, rgbOf as rgb } from './curves-view.js';
import { cssVar, watchTheme } from '../charts/chart-theme.js';

function drawStrip(canvas, evals, [r, g, b], [r0, g0, b0]) {
  const cols = evals.length;
  const bins = cols ? evals[0].histogram.counts.length : 1;
  canvas.width = Math.max(1, cols);
  canvas.height = bins;
  const ctx = canvas.getContext('2d');
  if (!cols) return;
  const image = ctx.createImageData(cols, bins);
  evals.forEach((e, x) => {
    const counts = e.histogram.counts;
    let top = 0;
    for (let k = 0; k < counts.length; k++) top = Math.max(top, counts[k]);
    for (let k = 0; k < counts.length; k++) {
      const shade = top > 0 ? Math.sqrt(counts[k] / top) : 0;
      const o = ((bins - 1 - k) * cols + x) * 4; // bin 0 (most negative) at the bottom
      image.data[o] = r0 + (r - r0) * shade;
      image.data[o + 1] = g0 + (g - g0) * shade;
      image.data[o + 2] = b0 + (b - b0) * shade;
      image.data[o + 3] = 255;
    }
  });
  ctx.putImageData(image, 0, 0);
}

export function createIcsView(container) {
  const intro = el('p', { className: 'fig-note' });
  const grid = el('div', { className: 'tr-ics-grid' });
  container.append(intro, grid);
  let panels = new Map();
  let colors = null; // [variant colour, background] per norm, read once per theme (getComputedStyle is costly)
  const readColors = () => {
    const background = rgb(cssVar(container, '--surface', '#ffffff'));
    colors = new Map([...panels.keys()].map((norm) => [norm, [rgb(normColor(container, norm)), background]]));
    for (const p of panels.values()) p.drawn = -1;
  };
  let latest = null;
  const stopWatching = watchTheme(() => {
    readColors();
    if (latest) update(latest);
  });

  function reset(variants) {
    latest = null;
    panels = new Map();
    grid.replaceChildren();
    intro.textContent = t('training.ics.waiting');
    for (const norm of variants) {
      const canvas = el('canvas', {
        className: 'tr-strip',
        attrs: { role: 'img', 'aria-label': t('training.ics.chartName', { name: NORM_SHORT[norm] }) },
      });
      const text = el('p', { className: 'fig-note tr-ics-text' });
      const box = el(
        'figure',
        { className: 'tr-ics-panel' },
        el('figcaption', { className: 'fig-chart-title', text: NORM_SHORT[norm] }),
        el(
          'div',
          { className: 'tr-strip-box' },
          el(
            'div',
            { className: 'tr-strip-y', attrs: { 'aria-hidden': 'true' } },
            el('span', { className: 'tr-y-top' }),
            el('span', { text: t('training.ics.zero') }),
            el('span', { className: 'tr-y-bottom' }),
          ),
          canvas,
        ),
        el(
          'div',
          { className: 'tr-strip-x', attrs: { 'aria-hidden': 'true' } },
          el('span', { className: 'tr-x-first' }),
          el('span', { className: 'tr-x-last' }),
        ),
        text,
      );
      panels.set(norm, { canvas, text, box, drawn: -1 });
      grid.append(box);
    }
    readColors();
  }

  /** evalsByNorm[norm]: the evaluation reports so far (EvalReport objects from the core). */
  function update(evalsByNorm) {
    latest = evalsByNorm;
    let layer = null;
    for (const [norm, p] of panels) {
      const evals = evalsByNorm[norm] || [];
      if (evals.length === p.drawn) continue; // nothing new since the last frame
      p.drawn = evals.length;
      drawStrip(p.canvas, evals, ...colors.get(norm));
      if (!evals.length) {
        p.text.textContent = t('training.ics.none');
        continue;
      }
      const first = evals[0];
      const last = evals[evals.length - 1];
      layer = first.watchLayer;
      const range = first.histogram.edges[first.histogram.edges.length - 1];
      p.box.querySelector('.tr-y-top').textContent = t('training.ics.top', { range: fmtSig(range, 2) });
      p.box.querySelector('.tr-y-bottom').textContent = t('training.ics.bottom', { range: fmtSig(range, 2) });
      p.box.querySelector('.tr-x-first').textContent = t('training.ics.step', { step: first.step });
      p.box.querySelector('.tr-x-last').textContent = t('training.ics.step', { step: last.step });
      const outside = last.histogram.below + last.histogram.above;
      p.text.textContent =
        t('training.ics.summary', {
          mean0: fmtSig(first.preactMean[layer], 2),
          mean1: fmtSig(last.preactMean[layer], 2),
          std0: fmtSig(first.preactStd[layer], 2),
          std1: fmtSig(last.preactStd[layer], 2),
          step0: first.step,
          step1: last.step,
        }) +
        (outside > 0
          ? t('training.ics.outside', { count: fmtSig(outside, 6), range: fmtSig(range, 2), step: last.step })
          : t('training.ics.end'));
      p.canvas.setAttribute(
        'aria-label',
        t('training.ics.label', {
          name: NORM_SHORT[norm],
          layer: layer + 1,
          step0: first.step,
          step1: last.step,
          text: p.text.textContent,
        }),
      );
    }
    if (layer !== null) intro.textContent = t('training.ics.intro', { layer: layer + 1 });
  }

  return {
    reset,
    update,
    destroy() {
      stopWatching();
      intro.remove();
      grid.remove();
    },
  };
}
