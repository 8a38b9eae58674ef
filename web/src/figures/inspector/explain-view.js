// The selected element's arithmetic, y = (x − μ) · rstd · γ + β, with every number from core.explainElement,
// and the table of the per-group mean and rstd that core.normalize used (the selected group marked).

import { formatInteger, formatNumber, t } from '../../i18n/i18n.js';
import { el } from '../../ui/el.js';

const num = (v) => formatNumber(v, { significant: 6 });

/** "channel 3", "sample 2", "sample 1, group 2", … for statistic `g` of `kind` on shape [N, C, L]. */
export function groupName(kind, g, [, C], groups) {
  switch (kind) {
    case 'batch':
      return t('inspector.groupBatch', { c: g + 1 });
    case 'group':
      return t('inspector.groupGroup', { n: Math.floor(g / groups) + 1, g: (g % groups) + 1 });
    case 'instance':
      return t('inspector.groupInstance', { n: Math.floor(g / C) + 1, c: (g % C) + 1 });
    default:
      return t('inspector.groupSample', { n: g + 1 });
  }
}

export function createExplainView() {
  const heading = el('h4', { className: 'fig-panel-title', text: t('inspector.explainTitle') });
  const where = el('p', { className: 'fig-note', attrs: { 'data-readout': 'where' } });
  const formula = el('p', { className: 'insp-formula', attrs: { 'data-readout': 'formula' } });
  const filled = el('p', { className: 'insp-formula', attrs: { 'data-readout': 'arithmetic' } });
  const terms = el('dl', { className: 'insp-terms' });
  const live = el('p', { className: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
  const explain = el('div', { className: 'insp-explain' }, heading, where, formula, filled, terms, live);

  const table = el('table', { className: 'fig-table insp-stats' });
  const body = el('tbody');
  table.append(
    el('caption', { text: t('inspector.statsCaption') }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['statsGroup', 'statsSize', 'statsMean', 'statsRstd'].map((key) =>
          el('th', { text: t(`inspector.${key}`), attrs: { scope: 'col' } }),
        ),
      ),
    ),
    body,
  );
  const tableBox = el(
    'div',
    {
      className: 'insp-stats-box',
      attrs: { tabindex: '0', role: 'region', 'aria-label': t('inspector.statsCaption') },
    },
    table,
  );
  let rows = [];

  /** Fills the statistics table from normalize's mean/rstd. */
  function showStats(kind, shape, groups, mean, rstd, groupSize) {
    rows = Array.from(mean, (m, g) => {
      const meanCell = el('td', { text: num(m), attrs: { 'data-value': String(m) } });
      const rstdCell = el('td', { text: num(rstd[g]), attrs: { 'data-value': String(rstd[g]) } });
      return el(
        'tr',
        { attrs: { 'data-group': String(g) } },
        el('th', { text: groupName(kind, g, shape, groups), attrs: { scope: 'row' } }),
        el('td', { text: formatInteger(groupSize) }),
        meanCell,
        rstdCell,
      );
    });
    body.replaceChildren(...rows);
  }

  /** Shows core.explainElement's result `e` for element (n, c, l). */
  function showElement(kind, e, p, shape, groups) {
    rows.forEach((row, g) => row.classList.toggle('is-current', g === e.group));
    rows[e.group]?.setAttribute('aria-current', 'true');
    rows.forEach((row, g) => {
      if (g !== e.group) row.removeAttribute('aria-current');
    });
    const rms = kind === 'rms';
    where.textContent = t('inspector.where', {
      n: p.n + 1,
      c: p.c + 1,
      l: p.l + 1,
      group: groupName(kind, e.group, shape, groups),
      size: formatInteger(e.groupSize),
    });
    formula.textContent = t(rms ? 'inspector.formulaRms' : 'inspector.formula');
    const values = {
      x: num(e.x),
      mean: num(e.mean),
      rstd: num(e.rstd),
      gamma: num(e.gamma),
      beta: num(e.beta),
      output: num(e.output),
    };
    filled.textContent = t(rms ? 'inspector.arithmeticRms' : 'inspector.arithmetic', values);
    const list = [
      ['termX', e.x],
      ['termMean', e.mean],
      ['termCentered', e.centered],
      ['termRstd', e.rstd],
      ['termNormalized', e.normalized],
      ['termGamma', e.gamma],
      ['termBeta', e.beta],
      ['termOutput', e.output],
    ].filter(([key]) => !(rms && (key === 'termMean' || key === 'termBeta' || key === 'termCentered')));
    terms.replaceChildren(
      ...list.flatMap(([key, value]) => [
        el('dt', { text: t(`inspector.${key}`, { param: e.param + 1 }) }),
        el('dd', { text: num(value), attrs: { 'data-term': key, 'data-value': String(value) } }),
      ]),
    );
    live.textContent = `${where.textContent} ${filled.textContent}`;
  }

  return { explain, tableBox, showStats, showElement };
}
