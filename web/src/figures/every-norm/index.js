// "One tensor, every norm": one seeded [N, C, L] batch through BatchNorm, LayerNorm, RMSNorm, GroupNorm and
// InstanceNorm at once — a small histogram per output with its mean, std and skewness, the axes each kind
// reduces, a GroupNorm groups slider over the divisors of C that shows (from the core) G = 1 equal to
// LayerNorm and G = C equal to InstanceNorm, and a mean-offset slider that shows what centring does
// (LayerNorm's output stays centred, RMSNorm's keeps the offset). Every number comes from the core
// (every-norm/compute.js); controls are native inputs; each histogram has a text alternative.
//
// state: { distribution, seed, offset, groups }.

import '../../../styles/figures.css';
import '../../../styles/every-norm.css';
import { createHistogramChart } from '../../charts/histogram-chart.js';
import { formatInteger, formatNumber, t } from '../../i18n/i18n.js';
import { el, nextId } from '../../ui/el.js';
import { parityNote } from '../parity-note.js';
import { steppedSlider } from '../../ui/controls.js';
import { distributionSelect } from '../shared-controls.js';
import { setInline } from '../../ui/inline.js';
import { KINDS } from '../../vocabulary.js';
import { createErrorBox } from '../../ui/error-box.js';
import { createFigure } from '../../ui/create-figure.js';
import { C, cleanState, createEveryNorm, DEFAULT_STATE, GROUPS, L, N, OFFSETS, OUTPUT_RANGE } from './compute.js';

const num = (v) => formatNumber(v, { digits: 3 });
const diff = (v) => formatNumber(v, { significant: 2 });

const summary = (name, s, ranged) =>
  `${t('everyNorm.summary', {
    label: name,
    mean: num(s.mean),
    std: num(s.std),
    skewness: num(s.skewness),
    min: num(s.min),
    max: num(s.max),
  })}${
    ranged
      ? ` ${t('everyNorm.outside', {
          lo: formatNumber(OUTPUT_RANGE[0]),
          hi: formatNumber(OUTPUT_RANGE[1]),
        })}`
      : ''
  }`;

/** The distribution, seed, offset and groups inputs; set(state) shows a state in them. */
function buildControls(text, change) {
  const root = el('div', { className: 'fig-controls' });
  const distControl = distributionSelect(t('everyNorm.distribution'), text, (d) => change({ distribution: d }));
  const seedId = nextId('en-seed');
  const seedInput = el('input', {
    attrs: {
      type: 'number',
      id: seedId,
      min: '1',
      max: '99999',
      step: '1',
      inputmode: 'numeric',
      'data-control': 'seed',
    },
  });
  seedInput.addEventListener('change', () => change({ seed: Number(seedInput.value) }));
  const seedControl = el(
    'div',
    { className: 'fig-control' },
    el('label', { text: t('everyNorm.seed'), attrs: { for: seedId } }),
    seedInput,
  );
  const offsetSlider = steppedSlider(
    t('everyNorm.offset'),
    OFFSETS,
    (v) => formatNumber(v, { digits: 1 }),
    (v) => change({ offset: v }),
    t('everyNorm.offsetHint'),
  );
  offsetSlider.input.dataset.control = 'offset';
  const groupsSlider = steppedSlider(
    t('everyNorm.groups'),
    GROUPS,
    (g) => t('everyNorm.groupsValue', { g, count: C / g }),
    (g) => change({ groups: g }),
    t('everyNorm.groupsHint', { c: C }),
  );
  groupsSlider.input.dataset.control = 'groups';
  root.append(distControl.root, seedControl, offsetSlider.root, groupsSlider.root);
  const set = (state) => {
    distControl.set(state.distribution);
    seedInput.value = String(state.seed);
    offsetSlider.set(state.offset);
    groupsSlider.set(state.groups);
  };
  return { root, seedInput, set };
}

/** One histogram panel for the input, then one per kind with the axes it reduces. */
function buildHistograms(text, label) {
  const grid = el('div', { className: 'en-grid' });
  const panel = (key, title, axes) => {
    const heading = el('h4', { className: 'fig-chart-title', text: title });
    const box = el('div', { className: 'en-panel fig-chart-box', attrs: { 'data-kind': key } }, heading);
    if (axes) box.append(setInline(el('p', { className: 'fig-hint en-axes' }), axes));
    grid.append(box);
    return { box, heading };
  };
  const inputPanel = panel('input', t('everyNorm.inputTitle'));
  const panels = Object.fromEntries(KINDS.map((k) => [k, panel(k, label(k), text.kinds[k].axes)]));
  const series = (name) => [{ label: name, color: '--fig-norm', fallback: '#28498a' }];
  const charts = {
    input: createHistogramChart(inputPanel.box, {
      name: t('everyNorm.inputChart'),
      xLabel: t('everyNorm.xLabel'),
      yLabel: t('everyNorm.yLabel'),
      series: [{ label: t('everyNorm.inputTitle'), color: '--fig-raw', fallback: '#b4561b' }],
    }),
  };
  for (const k of KINDS) {
    charts[k] = createHistogramChart(panels[k].box, {
      name: t('everyNorm.chart', { label: label(k) }),
      xLabel: t('everyNorm.xLabel'),
      yLabel: t('everyNorm.yLabel'),
      series: series(label(k)),
      xRange: [...OUTPUT_RANGE],
      xStep: 2,
    });
  }
  return { grid, panels, charts };
}

/** The statistics table, one row per output; fillRow(key, stats, count) writes a row. */
function buildStatsTable(label) {
  const table = el('table', { className: 'fig-table en-stats' });
  const headRow = el(
    'tr',
    {},
    ...['tableOutput', 'tableCount', 'tableMean', 'tableStd', 'tableSkewness'].map((key) =>
      el('th', { text: t(`everyNorm.${key}`), attrs: { scope: 'col' } }),
    ),
  );
  const body = el('tbody');
  const rows = {};
  for (const key of ['input', ...KINDS]) {
    const cells = { count: el('td'), mean: el('td'), std: el('td'), skewness: el('td') };
    for (const [stat, td] of Object.entries(cells)) td.dataset.stat = stat;
    rows[key] = cells;
    body.append(
      el(
        'tr',
        { attrs: { 'data-kind': key } },
        el('th', { text: key === 'input' ? t('everyNorm.inputTitle') : label(key), attrs: { scope: 'row' } }),
        cells.count,
        cells.mean,
        cells.std,
        cells.skewness,
      ),
    );
  }
  table.append(el('caption', { text: t('everyNorm.tableCaption') }), el('thead', {}, headRow), body);
  // Scrolls sideways on a narrow screen instead of widening the figure (focusable, so keyboards can scroll it).
  const root = el(
    'div',
    { className: 'en-table-box', attrs: { tabindex: '0', role: 'region', 'aria-label': t('everyNorm.tableCaption') } },
    table,
  );
  const fillRow = (key, s, count) => {
    const cells = rows[key];
    cells.count.textContent = count === undefined ? '—' : formatInteger(count);
    for (const stat of ['mean', 'std', 'skewness']) {
      cells[stat].textContent = num(s[stat]);
      cells[stat].dataset.value = String(s[stat]);
    }
  };
  return { root, fillRow };
}

/** The groups comparison (G = 1 vs LayerNorm, G = C vs InstanceNorm) and the offset readout. */
function buildReadouts(text, label) {
  const groupsBox = el('div', { className: 'en-compare', attrs: { 'aria-live': 'polite' } });
  const groupsNow = el('p', { attrs: { 'data-readout': 'groups' } });
  const g1Line = el('p', { className: 'en-equal', attrs: { 'data-readout': 'g1' } });
  const gcLine = el('p', { className: 'en-equal', attrs: { 'data-readout': 'gc' } });
  groupsBox.append(groupsNow, g1Line, gcLine);
  const offsetBox = el('div', { className: 'en-compare' });
  const offsetLine = el('p', { attrs: { 'data-readout': 'offset', 'aria-live': 'polite' } });
  offsetBox.append(offsetLine);
  if (text.hints?.centring) offsetBox.append(setInline(el('p', { className: 'fig-note' }), text.hints.centring));

  const update = (state, r) => {
    const d = r.differences;
    groupsNow.textContent = t('everyNorm.groupsNow', {
      g: state.groups,
      layer: label('layer'),
      instance: label('instance'),
      dl: diff(d.layer),
      di: diff(d.instance),
    });
    groupsNow.dataset.layer = String(d.layer);
    groupsNow.dataset.instance = String(d.instance);
    g1Line.textContent = t('everyNorm.g1Equal', { layer: label('layer'), value: diff(d.g1Layer) });
    g1Line.dataset.value = String(d.g1Layer);
    g1Line.classList.toggle('is-current', state.groups === 1);
    gcLine.textContent = t('everyNorm.gcEqual', { c: C, instance: label('instance'), value: diff(d.gcInstance) });
    gcLine.dataset.value = String(d.gcInstance);
    gcLine.classList.toggle('is-current', state.groups === C);
    const ln = r.outputs.layer;
    const rms = r.outputs.rms;
    offsetLine.textContent = t('everyNorm.offsetReadout', {
      offset: formatNumber(state.offset, { digits: 1 }),
      layer: label('layer'),
      rms: label('rms'),
      lnMean: num(ln.mean),
      lnStd: num(ln.std),
      rmsMean: num(rms.mean),
      rmsStd: num(rms.std),
    });
  };
  return { groupsBox, offsetBox, update };
}

export async function mount(container, { core, text, state: initial, onInteract = () => {} }) {
  const figure = createFigure({ initial, fallback: DEFAULT_STATE, clean: cleanState, draw, onInteract });
  const compute = createEveryNorm(core);
  const label = (kind) => text.kinds[kind].label;

  const root = el('div', { className: 'fig fig-every-norm' });
  const controls = buildControls(text, change);
  const shapeNote = el('p', {
    className: 'fig-note',
    text: t('everyNorm.shapeNote', { n: N, c: C, l: L, count: formatInteger(N * C * L) }),
  });
  const errorBox = createErrorBox();
  const { grid, panels, charts } = buildHistograms(text, label);
  const stats = buildStatsTable(label);
  const readouts = buildReadouts(text, label);
  root.append(
    controls.root,
    shapeNote,
    errorBox.root,
    grid,
    readouts.groupsBox,
    readouts.offsetBox,
    stats.root,
    parityNote(),
  );
  container.append(root);

  function draw(state) {
    controls.set(state);
    Object.assign(root.dataset, {
      distribution: state.distribution,
      seed: String(state.seed),
      offset: String(state.offset),
      groups: String(state.groups),
    });
    const r = errorBox.attempt(
      () => compute(state),
      (error) => t('everyNorm.error', { message: error.message }),
    );
    if (!r) return;
    charts.input.update([r.input.histogram], summary(t('everyNorm.inputTitle'), r.input, false));
    stats.fillRow('input', r.input);
    panels.group.heading.textContent = t('everyNorm.groupTitle', { label: label('group'), g: state.groups });
    for (const k of KINDS) {
      charts[k].update(
        [r.outputs[k].histogram],
        summary(k === 'group' ? panels.group.heading.textContent : label(k), r.outputs[k], true),
      );
      stats.fillRow(k, r.outputs[k], r.counts[k]);
    }
    readouts.update(state, r);
  }

  function change(patch) {
    figure.change(patch);
    // An invalid seed is put back to the last valid one at once (the input shows what is computed).
    if (patch.seed !== undefined && figure.state.seed !== patch.seed) {
      controls.seedInput.value = String(figure.state.seed);
    }
  }

  figure.onDestroy(() => {
    for (const chart of Object.values(charts)) chart.destroy();
    root.remove();
  });
  figure.drawNow();
  return figure.handle;
}
