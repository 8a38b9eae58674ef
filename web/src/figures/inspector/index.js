// "Paste a tensor": the learner pastes numbers (or draws a seeded sample of a chosen shape), picks a kind, G, ε
// and optional γ/β, and sees the normalized tensor in a keyboard-navigable grid, the per-group mean and rstd
// the core used, and, for the selected element, y = (x − μ) · rstd · γ + β with every number from
// core.explainElement and its group highlighted. Malformed input gets a specific message in an alert region
// (inspector/messages.js), never an exception: the last valid result is cleared so nothing stale is shown.
//
// state: { source: 'paste' | 'sample', numbers, n, c, l, kind, groups, eps, gamma, beta, distribution, seed }.

import '../../../styles/figures.css';
import '../../../styles/inspector.css';
import { t } from '../../i18n/i18n.js';
import { el } from '../../ui/el.js';
import { createControls } from './controls.js';
import { createExplainView } from './explain-view.js';
import { messageFor } from './messages.js';
import { createOutputGrid } from './output-grid.js';
import { InputError, MAX_VALUES, parseDim, parseEps, parseList, parseTensor } from './parse.js';
import { parityNote } from '../parity-note.js';
import { createErrorBox } from '../../ui/error-box.js';
import { createFigure } from '../../ui/create-figure.js';

export const DEFAULT_STATE = Object.freeze({
  source: 'paste',
  numbers: '1, 2, 3, 4,\n2, 4, 6, 8,\n0, 0, 1, 1,\n\n5, 5, 5, 9,\n-1, 0, 1, 2,\n3, 1, 4, 1',
  n: 2,
  c: 3,
  l: 4,
  kind: 'layer',
  groups: 3,
  eps: '1e-5',
  gamma: '',
  beta: '',
  distribution: 'normal',
  seed: 1,
});

/** The form's state from any partial input: the fields it names, fallback's value for the others. */
function cleanState(input, fallback) {
  const given = input && typeof input === 'object' ? input : {};
  return Object.fromEntries(Object.keys(DEFAULT_STATE).map((k) => [k, given[k] ?? fallback[k]]));
}

// γ or β from its text field: empty means "not given"; a bad token names the field.
function readParam(value, name) {
  if (!String(value).trim()) return undefined;
  try {
    return parseList(value);
  } catch (error) {
    if (error instanceof InputError && error.params.token !== undefined) {
      throw new InputError('paramNotNumber', { name, token: error.params.token });
    }
    throw error;
  }
}

export async function mount(container, { core, text, state: initial, onInteract = () => {} }) {
  // The state is the form's raw text: the learner edits it in place, the page sets it (setState).
  const figure = createFigure({
    initial,
    fallback: DEFAULT_STATE,
    clean: cleanState,
    onInteract,
    immediate: true,
    draw: (state) => {
      controls.set(state);
      run();
    },
  });
  const root = el('div', { className: 'fig fig-inspector' });
  const controls = createControls(text, () => figure.change(controls.read()));
  const errorBox = createErrorBox({ 'data-readout': 'error' });
  const grid = createOutputGrid((index) => {
    onInteract();
    explain(index);
  });
  const view = createExplainView();
  const output = el(
    'div',
    { className: 'insp-output' },
    el('h4', { className: 'fig-panel-title', text: t('inspector.outputTitle') }),
    el('p', { className: 'fig-hint', text: t('inspector.gridHint') }),
    grid.root,
    view.explain,
    view.tableBox,
  );
  root.append(controls.root, errorBox.root, output, parityNote());
  container.append(root);

  let current = null; // { kind, x, shape, opts, groups } of the last valid run

  function setup() {
    const raw = controls.read();
    const s = { kind: raw.kind, eps: raw.eps.trim(), groups: raw.groups.trim(), count: 0 };
    let values;
    let jsonShape = null;
    if (raw.source === 'paste') {
      ({ values, shape: jsonShape } = parseTensor(raw.numbers));
      if (jsonShape) controls.set({ n: jsonShape[0], c: jsonShape[1], l: jsonShape[2] });
    }
    const shape = jsonShape ?? [parseDim(raw.n, 'N'), parseDim(raw.c, 'C'), parseDim(raw.l, 'L')];
    s.shape = shape;
    const expected = shape[0] * shape[1] * shape[2];
    if (expected > MAX_VALUES) throw new InputError('shapeTooLarge', { expected, max: MAX_VALUES });
    if (raw.source === 'sample') {
      const seed = Number(raw.seed.trim());
      if (!raw.seed.trim() || !Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
        throw new InputError('seed', { value: raw.seed.trim() || '—' });
      }
      values = core.sample(raw.distribution, expected, { seed });
    }
    s.count = values.length;
    const opts = { eps: parseEps(raw.eps) };
    if (s.kind === 'group') opts.groups = parseDim(raw.groups, 'G');
    s.groups = opts.groups;
    const gamma = readParam(raw.gamma, 'γ');
    const beta = readParam(raw.beta, 'β');
    if (gamma) opts.gamma = gamma;
    if (beta) opts.beta = beta;
    return { s, x: Float32Array.from(values), opts };
  }

  function fail(message) {
    errorBox.show(message);
    output.hidden = true;
    root.dataset.state = 'error';
    current = null;
  }

  function run() {
    let parts = null;
    try {
      parts = setup();
      const { s, x, opts } = parts;
      const result = core.normalize(s.kind, x, s.shape, opts);
      const ids = core.groupIds(s.kind, s.shape, { groups: opts.groups ?? 0 });
      current = { kind: s.kind, x, shape: s.shape, opts, groups: opts.groups ?? 0 };
      const index = grid.render(result.output, s.shape, ids);
      view.showStats(s.kind, s.shape, current.groups, result.mean, result.rstd, x.length / result.mean.length);
      errorBox.hide();
      output.hidden = false;
      root.dataset.state = 'ready';
      root.dataset.kind = s.kind;
      explain(index);
    } catch (error) {
      if (!(error instanceof InputError) && error?.name !== 'NormlabError') console.error(error);
      fail(messageFor(error, parts?.s ?? errorSetup()));
    }
  }

  // What messages need when setup() itself failed part-way (only InputErrors reach this).
  const errorSetup = () => ({ kind: controls.read().kind, shape: null });

  function explain(index) {
    if (!current) return;
    try {
      const e = core.explainElement(current.kind, current.x, current.shape, index, current.opts);
      view.showElement(current.kind, e, grid.where(index), current.shape, current.groups);
      root.dataset.selected = String(index);
    } catch (error) {
      // The same inputs just normalized, so this is not expected; still a message, never an exception.
      console.error(error);
      fail(messageFor(error, { kind: current.kind, shape: current.shape, groups: current.groups }));
    }
  }

  figure.onDestroy(() => root.remove());
  figure.drawNow();
  return figure.handle;
}
