// "What gets normalized?": a batch of N samples × C channels × L positions drawn as N blocks of C×L cells.
// Cells that share one mean and variance (the same group id from core.groupIds) share a colour. Hover, click
// or the arrow keys select a cell and highlight its whole group; the status line names the kind's reduction
// axes (figureText.kinds[kind].axes) and the group's size. The cell nodes are built once: a kind change
// recolours them and a hover only toggles attributes.
//
// Keyboard: the grid is one ARIA grid (rows = one sample's channel, cells = positions) with
// aria-activedescendant, moved through by the keys of grid-keys.js; Enter/Space selects. All numbers come from
// the core.

import '../../../styles/figures.css';
import { formatInteger, t } from '../../i18n/i18n.js';
import { divisors } from '../inputs.js';
import { gridMove } from '../grid-keys.js';
import { el, nextId } from '../../ui/el.js';
import { KIND_DISPLAY_ORDER, labelled } from '../../vocabulary.js';
import { radioGroup, selectControl } from '../../ui/controls.js';
import { createFigure } from '../../ui/create-figure.js';

const N = 4;
const C = 6;
const L = 4;
const SHAPE = [N, C, L];

/** The figure's state from any partial input (fallback's value for anything missing or invalid). */
function cleanState(state, fallback) {
  const s = { ...fallback };
  if (state && KIND_DISPLAY_ORDER.includes(state.kind)) s.kind = state.kind;
  if (state && divisors(C).includes(Number(state.groups))) s.groups = Number(state.groups);
  return s;
}

/** The kind radios and the group-count select (shown only for group norm). */
function buildControls(kinds, hints, figure) {
  const controls = el('div', { className: 'fig-controls' });
  const kindGroup = radioGroup(
    t('grouping.normalization'),
    nextId('grp-kind'),
    labelled(KIND_DISPLAY_ORDER, (k) => kinds[k].label),
    (k) => figure.change({ kind: k }),
  );
  const groupsControl = selectControl(
    t('grouping.groups'),
    divisors(C).map((g) => ({ value: g, label: formatInteger(g) })),
    (g) => figure.change({ groups: Number(g) }),
    hints?.groups,
  );
  groupsControl.root.classList.add('fig-groups-control');
  controls.append(kindGroup.root, groupsControl.root);
  return { controls, kindGroup, groupsControl };
}

/** The ARIA grid: one row group per sample, one row per channel, one cell per position; cells in flat order. */
function buildGrid() {
  const gridId = nextId('grp-grid');
  const grid = el('div', {
    className: 'fig-cells',
    attrs: {
      role: 'grid',
      id: gridId,
      tabindex: '0',
      'aria-label': t('grouping.gridLabel', { n: N, c: C, l: L }),
      'aria-describedby': `${gridId}-status`,
    },
  });
  const cells = [];
  for (let n = 0; n < N; n++) {
    const block = el('div', {
      className: 'fig-sample',
      attrs: {
        role: 'rowgroup',
        'aria-label': t('grouping.sample', { n: n + 1 }),
        'data-caption': t('grouping.sampleCaption', { n: n + 1 }),
      },
    });
    for (let c = 0; c < C; c++) {
      const row = el('div', {
        className: 'fig-row',
        attrs: { role: 'row', 'data-caption': t('grouping.channelCaption', { c: c + 1 }) },
      });
      for (let l = 0; l < L; l++) {
        const index = (n * C + c) * L + l;
        const cell = el('div', {
          className: 'fig-cell',
          attrs: {
            role: 'gridcell',
            id: `${gridId}-${index}`,
            'aria-label': t('grouping.cell', { n: n + 1, c: c + 1, l: l + 1 }),
            'aria-selected': 'false',
            'data-index': String(index),
          },
        });
        cells.push(cell);
        row.append(cell);
      }
      block.append(row);
    }
    grid.append(block);
  }
  return { grid, gridId, cells };
}

export async function mount(container, { core, text, state: initial, onInteract = () => {} }) {
  const kinds = text.kinds;
  const figure = createFigure({
    initial,
    fallback: { kind: 'batch', groups: 2 },
    clean: cleanState,
    draw: render,
    onInteract,
    immediate: true,
  });
  let ids = null;
  let selected = 0; // flat index n*C*L + c*L + l of the selected cell
  let hovered = -1;
  const interact = () => onInteract();

  const root = el('div', { className: 'fig fig-grouping' });
  const { controls, kindGroup, groupsControl } = buildControls(kinds, text.hints, figure);
  const legend = el('p', { className: 'fig-note', text: t('grouping.legend', { n: N, c: C, l: L }) });
  const { grid, gridId, cells } = buildGrid();
  const status = el('p', { className: 'fig-status', attrs: { id: `${gridId}-status` } });
  const alt = el('p', { className: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
  root.append(controls, legend, grid, status, alt);
  container.append(root);

  // ---- drawing: recolour (kind/groups change) and highlight (selection/hover) on the existing nodes ----

  function recolour() {
    ids = core.groupIds(figure.state.kind, SHAPE, { groups: figure.state.kind === 'group' ? figure.state.groups : 0 });
    const groupCount = core.statCount(figure.state.kind, SHAPE, {
      groups: figure.state.kind === 'group' ? figure.state.groups : 0,
    });
    for (let i = 0; i < cells.length; i++) {
      // Spread the hues of neighbouring group ids around the colour wheel (golden angle).
      cells[i].style.setProperty('--cell-hue', String(Math.round((ids[i] * 137.508) % 360)));
    }
    grid.dataset.groups = String(groupCount);
    return groupCount;
  }

  const where = (i) => ({ n: Math.floor(i / (C * L)), c: Math.floor(i / L) % C, l: i % L });

  function highlight(index) {
    const id = ids[index];
    let size = 0;
    for (let i = 0; i < cells.length; i++) {
      const inGroup = ids[i] === id;
      if (inGroup) size++;
      cells[i].classList.toggle('is-group', inGroup);
      cells[i].classList.toggle('is-focus', i === index);
    }
    const k = kinds[figure.state.kind];
    const p = where(index);
    const label =
      figure.state.kind === 'group'
        ? t('grouping.labelWithGroups', { label: k.label, g: figure.state.groups })
        : k.label;
    status.textContent = t('grouping.status', { label, axes: k.axes, count: size, n: p.n + 1, c: p.c + 1, l: p.l + 1 });
    return size;
  }

  function select(index, announce = true) {
    cells[selected].setAttribute('aria-selected', 'false');
    selected = index;
    cells[selected].setAttribute('aria-selected', 'true');
    grid.setAttribute('aria-activedescendant', cells[selected].id);
    const size = highlight(selected);
    if (announce) {
      const p = where(index);
      alt.textContent = t('grouping.selected', { n: p.n + 1, c: p.c + 1, l: p.l + 1, count: size });
    }
  }

  function describe(groupCount) {
    const k = kinds[figure.state.kind];
    const size = highlight(selected);
    const label =
      figure.state.kind === 'group'
        ? t('grouping.labelGroupsOf', { label: k.label, g: figure.state.groups, count: C / figure.state.groups })
        : k.label;
    alt.textContent = t('grouping.describe', { label, n: N, c: C, l: L, axes: k.axes, groups: groupCount, size });
  }

  function render(state) {
    kindGroup.set(state.kind);
    groupsControl.set(state.groups);
    groupsControl.root.hidden = state.kind !== 'group';
    root.dataset.kind = state.kind;
    const groupCount = recolour();
    select(selected, false);
    describe(groupCount);
  }

  // ---- input ----

  const cellOf = (target) => (target instanceof Element ? target.closest('.fig-cell') : null);
  grid.addEventListener('pointerover', (e) => {
    const cell = cellOf(e.target);
    if (!cell) return;
    hovered = Number(cell.dataset.index);
    highlight(hovered);
  });
  grid.addEventListener('pointerleave', () => {
    if (hovered >= 0) highlight(selected);
    hovered = -1;
  });
  grid.addEventListener('click', (e) => {
    const cell = cellOf(e.target);
    if (!cell) return;
    interact();
    select(Number(cell.dataset.index));
  });
  grid.addEventListener('keydown', (e) => {
    // Enter and Space select the cell in focus again (its group is then announced).
    const next = e.key === 'Enter' || e.key === ' ' ? selected : gridMove(e.key, selected, SHAPE, e.ctrlKey);
    if (next < 0) return;
    e.preventDefault();
    interact();
    select(next);
  });

  figure.onDestroy(() => root.remove());
  figure.drawNow();
  return figure.handle;
}
