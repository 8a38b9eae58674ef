// decision-view.js — the spirals model's decision regions after the comparison run, one small canvas per
// variant: the class the core predicts for every cell of a grid (predictGrid), shaded by its softmax
// confidence, with the training points on top. Shown for the 2-D spirals only.
import { t } from '../i18n/i18n.js';
import { el } from '../ui/el.js';
import { NORM_SHORT } from './presets.js';

const CLASS_COLORS = [
  [214, 96, 77],
  [67, 147, 195],
  [90, 174, 97],
  [153, 112, 171],
  [224, 180, 60],
];
const SIZE = 160;

function draw(canvas, grid, points) {
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  const res = grid.resolution;
  const image = ctx.createImageData(res, res);
  for (let i = 0; i < res; i++) {
    for (let j = 0; j < res; j++) {
      const k = i * res + j;
      const c = CLASS_COLORS[grid.classes[k] % CLASS_COLORS.length];
      const a = 0.25 + 0.45 * grid.confidence[k];
      const o = ((res - 1 - i) * res + j) * 4; // row 0 is the bottom of the plot
      image.data[o] = 255 + (c[0] - 255) * a;
      image.data[o + 1] = 255 + (c[1] - 255) * a;
      image.data[o + 2] = 255 + (c[2] - 255) * a;
      image.data[o + 3] = 255;
    }
  }
  const tile = document.createElement('canvas');
  tile.width = res;
  tile.height = res;
  tile.getContext('2d').putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, 0, 0, SIZE, SIZE);
  const sx = (x) => ((x - grid.xMin) / (grid.xMax - grid.xMin)) * SIZE;
  const sy = (y) => SIZE - ((y - grid.yMin) / (grid.yMax - grid.yMin)) * SIZE;
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = '#1b2130';
  for (let n = 0; n < points.y.length; n++) {
    const c = CLASS_COLORS[points.y[n] % CLASS_COLORS.length];
    ctx.fillStyle = `rgb(${c[0]} ${c[1]} ${c[2]})`;
    ctx.beginPath();
    ctx.arc(sx(points.x[2 * n]), sy(points.x[2 * n + 1]), 2.2, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

export function createDecisionView(container) {
  const note = el('p', { className: 'fig-note' });
  const grid = el('div', { className: 'tr-decision-grid' });
  container.append(note, grid);
  return {
    clear(message) {
      grid.replaceChildren();
      note.textContent = message;
    },
    /** runs: [{ norm, grid, points, diverged }] after a comparison on the spirals. */
    show(runs, stepsText) {
      grid.replaceChildren();
      note.textContent = t('training.decision.note', { steps: stepsText });
      for (const run of runs) {
        const box = el('figure', { className: 'tr-decision' }, el('figcaption', { text: NORM_SHORT[run.norm] }));
        if (run.grid) {
          const canvas = el('canvas', {
            attrs: {
              role: 'img',
              'aria-label': t('training.decision.chartName', { name: NORM_SHORT[run.norm], steps: stepsText }),
            },
          });
          draw(canvas, run.grid, run.points);
          box.append(canvas);
        } else {
          box.append(
            el('p', {
              className: 'fig-note',
              text: t(run.diverged ? 'training.decision.diverged' : 'training.decision.unavailable'),
            }),
          );
        }
        grid.append(box);
      }
    },
    destroy() {
      note.remove();
      grid.remove();
    },
  };
}
