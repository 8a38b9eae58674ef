// "How normalization changes activations": a seeded batch drawn from one of five activation-like
// distributions (core.sample), normalized by the chosen kind (core.normalize), summarised by core.describe
// and drawn as two histograms (raw, normalized) with a statistics table. γ and β apply the affine step; the
// normalized chart keeps a fixed x range and a faint γ = 1, β = 0 reference, so the shift and stretch are
// visible. Skewness is shown for both: normalization moves and rescales, it does not change the shape.
//
// state: { distribution, kind, gamma, beta, seed? }. Charts are created once and updated in place.

import '../../../styles/figures.css';
import { createHistogramChart } from '../../charts/histogram-chart.js';
import { formatInteger, formatNumber, t } from '../../i18n/i18n.js';
import { parityNote } from '../parity-note.js';
import { constantArray, DIST_SHAPE, INPUT_PRESETS } from '../inputs.js';
import { DISTRIBUTIONS, KIND_DISPLAY_ORDER } from '../../vocabulary.js';
import { el, nextId } from '../../ui/el.js';
import { affineControls, affineLabels, distributionSelect, kindSelect } from '../shared-controls.js';
import { fmtFixed as fmt } from '../../ui/format.js';
import { createErrorBox } from '../../ui/error-box.js';
import { createFigure } from '../../ui/create-figure.js';

const SHAPE = DIST_SHAPE; // N samples × C channels × L positions = 4096 values
const [N, C, L] = SHAPE;
const GROUPS = 4;
const RAW_BINS = 40;
const NORM_BINS = 64;
const NORM_RANGE = [-8, 8];
const ROWS = ['mean', 'std', 'min', 'max', 'median', 'skewness']; // keys of core.describe and of distributions.stats

/** The options normalize() gets for this figure (γ/β per channel, or per element for layer/rms). */
export function figureOptions(kind, gamma, beta, cache = new Map()) {
  const affine = kind === 'layer' || kind === 'rms' ? C * L : C;
  const opts = { gamma: constantArray(cache, 'g', affine, gamma) };
  if (kind !== 'rms') opts.beta = constantArray(cache, 'b', affine, beta);
  if (kind === 'group') opts.groups = GROUPS;
  return opts;
}

/** The figure's state from any partial input (fallback's value for anything missing or invalid). */
function cleanState(s, fallback) {
  const out = { ...fallback };
  if (!s || typeof s !== 'object') return out;
  if (DISTRIBUTIONS.includes(s.distribution)) out.distribution = s.distribution;
  if (KIND_DISPLAY_ORDER.includes(s.kind)) out.kind = s.kind;
  for (const [key, lo, hi] of [
    ['gamma', 0, 3],
    ['beta', -3, 3],
  ]) {
    const v = Number(s[key]);
    if (s[key] !== undefined && Number.isFinite(v)) out[key] = Math.min(hi, Math.max(lo, v));
  }
  if (Number.isInteger(s.seed) && s.seed >= 1 && s.seed < 2 ** 31) out.seed = s.seed;
  return out;
}

/** The statistics table: one row per key of ROWS, a raw and a normalized cell in each. */
function buildStatsTable() {
  const table = el('table', { className: 'fig-table fig-stats' });
  const tableCaption = el('caption', {
    text: t('distributions.tableCaption', { count: formatInteger(N * C * L), n: N, c: C, l: L }),
  });
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...['statistic', 'rawColumn', 'normColumn'].map((key) =>
        el('th', { text: t(`distributions.${key}`), attrs: { scope: 'col' } }),
      ),
    ),
  );
  const body = el('tbody');
  const cells = {};
  for (const key of ROWS) {
    const raw = el('td', { attrs: { 'data-stat': key, 'data-side': 'raw' } });
    const norm = el('td', { attrs: { 'data-stat': key, 'data-side': 'normalized' } });
    cells[key] = { raw, norm };
    body.append(
      el(
        'tr',
        { className: key === 'skewness' ? 'fig-row-shape' : undefined },
        el('th', { text: t(`distributions.stats.${key}`), attrs: { scope: 'row' } }),
        raw,
        norm,
      ),
    );
  }
  table.append(tableCaption, head, body);
  return { table, cells };
}

/** The two histograms: the raw batch on its own range, the normalized one on NORM_RANGE with a reference. */
function createCharts(rawBox, normBox) {
  const rawChart = createHistogramChart(rawBox, {
    name: t('distributions.rawChart'),
    xLabel: t('distributions.xLabel'),
    yLabel: t('distributions.yLabel'),
    series: [{ label: t('distributions.rawColumn'), color: '--fig-raw', fallback: '#b4561b' }],
  });
  const normChart = createHistogramChart(normBox, {
    name: t('distributions.normChart'),
    xLabel: t('distributions.xLabel'),
    yLabel: t('distributions.yLabel'),
    xRange: NORM_RANGE,
    xStep: 2,
    series: [
      { label: t('distributions.normColumn'), color: '--fig-norm', fallback: '#28498a' },
      { label: t('distributions.reference'), color: '--fig-ref', fallback: 'rgb(120 130 150 / 0.35)' },
    ],
  });
  return { rawChart, normChart };
}

export async function mount(container, { core, text, state: initial, onInteract = () => {} }) {
  const figure = createFigure({
    initial,
    fallback: { distribution: 'normal', kind: 'batch', gamma: 1, beta: 0, seed: 1 },
    clean: cleanState,
    draw,
    onInteract,
  });
  const { change } = figure;
  const arrays = new Map();
  const cache = { rawKey: '', raw: null, rawDesc: null, hatKey: '', hatDesc: null };

  const root = el('div', { className: 'fig fig-distributions' });
  const controls = el('div', { className: 'fig-controls' });
  const distControl = distributionSelect(t('distributions.raw'), text, (d) => change({ distribution: d }));
  const caption = el('p', { className: 'fig-caption', attrs: { id: nextId('dist-caption') } });
  distControl.input.setAttribute('aria-describedby', caption.id);
  const kindControl = kindSelect(t('distributions.normalization'), text, (k) => change({ kind: k }));
  const affine = affineControls(affineLabels(text), change, () => figure.state.seed);
  affine.seedText.setAttribute('aria-live', 'polite');
  controls.append(
    distControl.root,
    kindControl.root,
    affine.gamma.root,
    affine.beta.root,
    el('div', { className: 'fig-control fig-resample' }, affine.resample, affine.seedText),
  );

  const charts = el('div', { className: 'fig-chart-pair' });
  const rawBox = el(
    'div',
    { className: 'fig-chart-box' },
    el('h4', { className: 'fig-chart-title', text: t('distributions.rawTitle') }),
  );
  const normBox = el(
    'div',
    { className: 'fig-chart-box' },
    el('h4', { className: 'fig-chart-title', text: t('distributions.normTitle') }),
  );
  charts.append(rawBox, normBox);

  const { table, cells } = buildStatsTable();
  const shapeNote = el('p', { className: 'fig-note fig-shape-note', text: text.hints?.skewness || '' });
  const errorBox = createErrorBox();
  root.append(controls, caption, errorBox.root, charts, table, shapeNote, parityNote());
  container.append(root);

  const { rawChart, normChart } = createCharts(rawBox, normBox);

  function compute(state) {
    const { distribution: d, kind, gamma, beta, seed } = state;
    const rawKey = `${d}|${seed}`;
    if (cache.rawKey !== rawKey) {
      cache.raw = core.sample(d, N * C * L, { seed, ...INPUT_PRESETS[d] });
      cache.rawDesc = core.describe(cache.raw, { bins: RAW_BINS });
      cache.rawKey = rawKey;
      cache.hatKey = '';
    }
    const hatKey = kind;
    if (cache.hatKey !== hatKey) {
      const hat = core.normalize(kind, cache.raw, SHAPE, kind === 'group' ? { groups: GROUPS } : {}).output;
      cache.hatDesc = core.describe(hat, { bins: NORM_BINS, range: NORM_RANGE });
      cache.hatKey = hatKey;
    }
    const y = core.normalize(kind, cache.raw, SHAPE, figureOptions(kind, gamma, beta, arrays)).output;
    return { raw: cache.rawDesc, norm: core.describe(y, { bins: NORM_BINS, range: NORM_RANGE }), hat: cache.hatDesc };
  }

  const summary = (label, s) =>
    t('distributions.summary', {
      label,
      mean: fmt(s.mean, 2),
      std: fmt(s.std, 2),
      min: fmt(s.min, 2),
      max: fmt(s.max, 2),
      median: fmt(s.median, 2),
      skewness: fmt(s.skewness, 2),
    });

  function draw(state) {
    const { distribution: d, kind } = state;
    distControl.set(d);
    caption.textContent = text.distributions[d].caption;
    kindControl.set(kind);
    affine.set(state, t('distributions.seed', { seed: formatInteger(state.seed) }));
    root.dataset.seed = String(state.seed);
    root.dataset.kind = kind;
    root.dataset.distribution = d;
    const result = errorBox.attempt(
      () => compute(state),
      (error) => t('distributions.error', { message: error.message }),
    );
    if (!result) return;
    for (const key of ROWS) {
      for (const [side, s] of [
        ['raw', result.raw],
        ['norm', result.norm],
      ]) {
        cells[key][side].textContent = fmt(s[key], 3);
        cells[key][side].dataset.value = String(s[key]);
      }
    }
    rawChart.update(
      [result.raw.histogram],
      summary(t('distributions.rawLabel', { label: text.distributions[d].label }), result.raw),
    );
    const after = t('distributions.normLabel', {
      label: text.kinds[kind].label,
      gamma: fmt(state.gamma, 2),
      beta: fmt(state.beta, 2),
    });
    normChart.update(
      [result.norm.histogram, result.hat.histogram],
      `${summary(after, result.norm)} ${t('distributions.outside', {
        lo: formatNumber(NORM_RANGE[0]),
        hi: formatNumber(NORM_RANGE[1]),
      })}`,
    );
  }

  figure.onDestroy(() => {
    rawChart.destroy();
    normChart.destroy();
    root.remove();
  });
  figure.drawNow();
  return figure.handle;
}
