// The small picture beside a revealed prediction: bars (spreads), two histograms side by side, or the grid of
// normalization groups. Built with createElement / createElementNS only; every picture has a text
// alternative with the same numbers.
import { formatInteger, formatNumber, t } from '../i18n/i18n.js';
import { el } from '../ui/el.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
};

function label(spec, kindLabel) {
  const params = { ...spec };
  delete params.key;
  if (params.kind) params.kind = kindLabel(params.kind);
  return t(spec.key, params);
}

function bars(chart, kindLabel) {
  const max = Math.max(...chart.bars.map((b) => b.value), 1e-12);
  const list = el('ul', { className: 'pc-bars', attrs: { 'aria-label': label(chart.name, kindLabel) } });
  for (const b of chart.bars) {
    const fill = el('span', { className: 'pc-bar-fill' });
    fill.style.width = `${(100 * b.value) / max}%`;
    list.append(
      el(
        'li',
        { className: 'pc-bar-row' },
        el('span', { className: 'pc-bar-label', text: label(b.label, kindLabel) }),
        el('span', { className: 'pc-bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
        el('span', { className: 'pc-bar-value', text: formatNumber(b.value, { digits: 2 }) }),
      ),
    );
  }
  return list;
}

function histogram(series, kindLabel) {
  const { counts } = series.histogram;
  const max = Math.max(...counts, 1);
  const width = 160;
  const height = 64;
  const name = label(series.label, kindLabel);
  const mean = formatNumber(series.mean, { digits: 2 });
  const pic = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'pc-hist',
    role: 'img',
    'aria-label': t('predict.chart.histogramAlt', { name, mean }),
  });
  const w = width / counts.length;
  counts.forEach((c, i) => {
    const h = (height - 2) * (c / max);
    pic.append(
      svg('rect', { x: i * w + 0.5, y: height - h, width: Math.max(0.5, w - 1), height: h, class: 'pc-hist-bar' }),
    );
  });
  return el(
    'figure',
    { className: 'pc-hist-item' },
    pic,
    el('figcaption', { className: 'pc-hist-caption', text: t('predict.chart.histogramCaption', { name, mean }) }),
  );
}

function grid(chart) {
  const table = el(
    'table',
    { className: 'pc-grid' },
    el('caption', { className: 'visually-hidden', text: t('predict.chart.gridName') }),
  );
  for (let n = 0; n < chart.n; n++) {
    const row = el(
      'tr',
      {},
      el('th', { text: t('predict.chart.sampleRow', { n: formatInteger(n + 1) }), attrs: { scope: 'row' } }),
    );
    for (let i = 0; i < chart.c * chart.l; i++) {
      const id = chart.ids[n * chart.c * chart.l + i];
      row.append(el('td', { className: `pc-cell pc-g${id % 8}`, text: formatInteger(id + 1) }));
    }
    table.append(row);
  }
  // A wide grid scrolls inside its own box on narrow screens (focusable, so the keyboard can scroll it).
  return el(
    'div',
    { className: 'pc-grid-wrap', attrs: { tabindex: '0', role: 'region', 'aria-label': t('predict.chart.gridName') } },
    table,
  );
}

/** The picture for `chart` (see the generators), or null. kindLabel maps a kind id to its name. */
export function renderChart(chart, kindLabel) {
  if (!chart) return null;
  if (chart.type === 'bars') return bars(chart, kindLabel);
  if (chart.type === 'grid') return grid(chart);
  if (chart.type === 'histograms') {
    return el(
      'div',
      { className: 'pc-hists', attrs: { role: 'group', 'aria-label': label(chart.name, kindLabel) } },
      ...chart.series.map((s) => histogram(s, kindLabel)),
    );
  }
  return null;
}
