// ics-view.js — "internal covariate shift": how the distribution of one hidden layer's pre-activations
// (the activation's input, over the full training set, in inference mode) moves during training, per
// variant. Each evaluation the core reports a histogram of the watched layer over a fixed range
// [-histRange, histRange] plus that layer's mean and std; this view stacks the histograms left to right
// as a heat strip (darker = more values in that bin at that step) and states first → latest mean and std.
// The per-column shading (count / column maximum) is a drawing choice, not a statistic.
import { el, fmt } from './dom.js';
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
      const t = top > 0 ? Math.sqrt(counts[k] / top) : 0;
      const o = ((bins - 1 - k) * cols + x) * 4; // bin 0 (most negative) at the bottom
      image.data[o] = r0 + (r - r0) * t;
      image.data[o + 1] = g0 + (g - g0) * t;
      image.data[o + 2] = b0 + (b - b0) * t;
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
  const stopWatching = watchTheme(() => { readColors(); if (latest) update(latest); });

  function reset(variants) {
    latest = null;
    panels = new Map();
    grid.replaceChildren();
    intro.textContent = 'Train to see how the watched layer\'s pre-activations move.';
    for (const norm of variants) {
      const canvas = el('canvas', { className: 'tr-strip', attrs: { role: 'img',
        'aria-label': `${NORM_SHORT[norm]}: heat strip of the watched layer's pre-activation histogram over training` } });
      const text = el('p', { className: 'fig-note tr-ics-text' });
      const box = el('figure', { className: 'tr-ics-panel' },
        el('figcaption', { className: 'fig-chart-title', text: NORM_SHORT[norm] }),
        el('div', { className: 'tr-strip-box' },
          el('div', { className: 'tr-strip-y', attrs: { 'aria-hidden': 'true' } },
            el('span', { className: 'tr-y-top' }), el('span', { text: '0' }), el('span', { className: 'tr-y-bottom' })),
          canvas),
        el('div', { className: 'tr-strip-x', attrs: { 'aria-hidden': 'true' } },
          el('span', { className: 'tr-x-first' }), el('span', { className: 'tr-x-last' })),
        text);
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
      if (!evals.length) { p.text.textContent = 'No evaluation yet.'; continue; }
      const first = evals[0];
      const last = evals[evals.length - 1];
      layer = first.watchLayer;
      const range = first.histogram.edges[first.histogram.edges.length - 1];
      p.box.querySelector('.tr-y-top').textContent = `+${fmt(range, 2)}`;
      p.box.querySelector('.tr-y-bottom').textContent = `−${fmt(range, 2)}`;
      p.box.querySelector('.tr-x-first').textContent = `step ${first.step}`;
      p.box.querySelector('.tr-x-last').textContent = `step ${last.step}`;
      const outside = last.histogram.below + last.histogram.above;
      p.text.textContent = `Mean ${fmt(first.preactMean[layer], 2)} → ${fmt(last.preactMean[layer], 2)}, ` +
        `std ${fmt(first.preactStd[layer], 2)} → ${fmt(last.preactStd[layer], 2)} (step ${first.step} → ${last.step})` +
        (outside > 0 ? `; ${fmt(outside, 6)} values outside ±${fmt(range, 2)} at step ${last.step}.` : '.');
      p.canvas.setAttribute('aria-label', `${NORM_SHORT[norm]}: histogram of hidden layer ${layer + 1}'s ` +
        `pre-activations from step ${first.step} to ${last.step}. ${p.text.textContent}`);
    }
    if (layer !== null) {
      intro.textContent = `Hidden layer ${layer + 1}: the input of its activation function over the full ` +
        'training set, measured at every evaluation. Each column of a strip is one histogram (bottom: negative ' +
        'values, top: positive); a strip that drifts or spreads shows the distribution the next layer sees changing.';
    }
  }

  return { reset, update, destroy() { stopWatching(); intro.remove(); grid.remove(); } };
}
