// The normalized tensor as one keyboard-navigable ARIA grid: a block per sample, a row per channel, a cell
// per position, moved through by the keys of grid-keys.js. The selected element's whole normalization group
// (core.groupIds) is highlighted. Values are formatted for the locale; none is computed here.

import { formatNumber, t } from '../../i18n/i18n.js';
import { el, nextId } from '../../ui/el.js';
import { gridMove } from '../grid-keys.js';

export function createOutputGrid(onSelect) {
  const id = nextId('insp-grid');
  const root = el('div', {
    className: 'insp-grid',
    attrs: { role: 'grid', id, tabindex: '0', 'aria-label': t('inspector.gridLabel') },
  });
  let shape = [1, 1, 1];
  let cells = [];
  let ids = null;
  let selected = 0;

  const where = (i) => ({
    n: Math.floor(i / (shape[1] * shape[2])),
    c: Math.floor(i / shape[2]) % shape[1],
    l: i % shape[2],
  });

  function highlight() {
    const group = ids ? ids[selected] : -1;
    cells.forEach((cell, i) => {
      cell.classList.toggle('is-group', ids !== null && ids[i] === group);
      cell.classList.toggle('is-focus', i === selected);
      cell.setAttribute('aria-selected', i === selected ? 'true' : 'false');
    });
    if (cells[selected]) root.setAttribute('aria-activedescendant', cells[selected].id);
  }

  function select(index, notify = true) {
    selected = Math.max(0, Math.min(cells.length - 1, index));
    highlight();
    cells[selected]?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    if (notify) onSelect(selected);
  }

  /** Rebuild for a new output: values (Float32Array), shape [N, C, L], groupIds; keeps the selection if it fits. */
  function render(values, nextShape, groupIds) {
    const rebuild = nextShape.some((d, i) => d !== shape[i]) || cells.length !== values.length;
    shape = nextShape;
    ids = groupIds;
    const [N, C, L] = shape;
    if (rebuild) {
      cells = [];
      root.replaceChildren();
      for (let n = 0; n < N; n++) {
        const block = el('div', {
          className: 'insp-sample',
          attrs: { role: 'rowgroup', 'aria-label': t('inspector.sampleLabel', { n: n + 1 }) },
        });
        block.append(
          el('p', {
            className: 'insp-sample-title',
            text: t('inspector.sampleLabel', { n: n + 1 }),
            attrs: { 'aria-hidden': 'true' },
          }),
        );
        for (let c = 0; c < C; c++) {
          const row = el('div', { className: 'insp-row', attrs: { role: 'row' } });
          for (let l = 0; l < L; l++) {
            const index = (n * C + c) * L + l;
            const cell = el('div', {
              className: 'insp-cell',
              attrs: { role: 'gridcell', id: `${id}-${index}`, 'data-index': String(index) },
            });
            cells.push(cell);
            row.append(cell);
          }
          block.append(row);
        }
        root.append(block);
      }
      if (selected >= cells.length) selected = 0;
    }
    cells.forEach((cell, i) => {
      const p = where(i);
      const value = formatNumber(values[i], { digits: 3 });
      cell.textContent = value;
      cell.dataset.value = String(values[i]);
      cell.setAttribute('aria-label', t('inspector.cellLabel', { n: p.n + 1, c: p.c + 1, l: p.l + 1, value }));
    });
    highlight();
    return selected;
  }

  root.addEventListener('click', (e) => {
    const cell = e.target instanceof Element ? e.target.closest('.insp-cell') : null;
    if (cell) select(Number(cell.dataset.index));
  });
  root.addEventListener('keydown', (e) => {
    const next = gridMove(e.key, selected, shape, e.ctrlKey);
    if (next < 0) return;
    e.preventDefault();
    select(next);
  });

  return {
    root,
    render,
    select,
    get selected() {
      return selected;
    },
    where,
  };
}
