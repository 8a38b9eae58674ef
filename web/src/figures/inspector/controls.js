// The inspector's form: where the numbers come from (pasted text or a seeded sample), the shape, the kind,
// G, ε and optional γ/β. Native inputs with visible labels; read() returns the raw strings, set() fills them.

import { t } from '../../i18n/i18n.js';
import { el, nextId } from '../../ui/el.js';
import { field, radioGroup, selectInput } from '../../ui/controls.js';
import { DISTRIBUTION_DISPLAY_ORDER, KINDS, labelled } from '../../vocabulary.js';

const textInput = (name, extra = {}) =>
  el('input', { type: 'text', 'data-control': name, autocomplete: 'off', spellcheck: 'false', ...extra });
const select = (name, options) => selectInput(options, { 'data-control': name });

/** One native input per field read() reports, keyed by that field's name. */
function createInputs(text) {
  return {
    numbers: el('textarea', {
      className: 'insp-text',
      attrs: { rows: '5', spellcheck: 'false', 'data-control': 'numbers' },
    }),
    distribution: select(
      'distribution',
      labelled(DISTRIBUTION_DISPLAY_ORDER, (d) => text.distributions[d].label),
    ),
    seed: textInput('seed', { inputmode: 'numeric' }),
    n: textInput('n', { inputmode: 'numeric' }),
    c: textInput('c', { inputmode: 'numeric' }),
    l: textInput('l', { inputmode: 'numeric' }),
    kind: select(
      'kind',
      labelled(KINDS, (k) => text.kinds[k].label),
    ),
    groups: textInput('groups', { inputmode: 'numeric' }),
    eps: textInput('eps'),
    gamma: textInput('gamma'),
    beta: textInput('beta'),
  };
}

/** The shape, kind and parameter fields in one row; G and β come boxed so their visibility can change. */
function parameterRow(inputs, groupsBox, betaBox) {
  return el(
    'div',
    { className: 'fig-controls' },
    field(t('inspector.n'), inputs.n),
    field(t('inspector.c'), inputs.c),
    field(t('inspector.l'), inputs.l),
    field(t('inspector.kind'), inputs.kind),
    groupsBox,
    field(t('inspector.eps'), inputs.eps),
    field(t('inspector.gamma'), inputs.gamma, t('inspector.paramHint')),
    betaBox,
  );
}

export function createControls(text, onChange) {
  const source = radioGroup(
    t('inspector.source'),
    nextId('insp-source'),
    [
      { value: 'paste', label: t('inspector.sourcePaste') },
      { value: 'sample', label: t('inspector.sourceSample') },
    ],
    () => {
      visibility();
      onChange();
    },
  );
  for (const [value, input] of source.inputs) input.dataset.control = `source-${value}`;
  const inputs = createInputs(text);
  const pasteBox = field(t('inspector.numbers'), inputs.numbers, t('inspector.numbersHint'));
  const sampleBox = el(
    'div',
    { className: 'insp-sample-controls' },
    field(t('inspector.distribution'), inputs.distribution),
    field(t('inspector.seed'), inputs.seed),
  );
  const groupsBox = field(t('inspector.groups'), inputs.groups, t('inspector.groupsHint'));
  const betaBox = field(t('inspector.beta'), inputs.beta);
  const button = el('button', {
    className: 'button fig-button',
    text: t('inspector.compute'),
    attrs: { type: 'button', 'data-control': 'compute' },
  });

  const root = el(
    'div',
    { className: 'insp-controls' },
    source.root,
    pasteBox,
    sampleBox,
    parameterRow(inputs, groupsBox, betaBox),
    button,
  );

  const visibility = () => {
    const from = source.value === 'sample' ? 'sample' : 'paste';
    pasteBox.hidden = from !== 'paste';
    sampleBox.hidden = from !== 'sample';
    groupsBox.hidden = inputs.kind.value !== 'group';
  };
  for (const input of Object.values(inputs)) {
    input.addEventListener('change', () => {
      visibility();
      onChange();
    });
  }
  // Enter in a one-line field recomputes at once (change may not fire when the value did not change).
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'text') onChange();
  });
  button.addEventListener('click', () => onChange());

  return {
    root,
    inputs,
    read() {
      const out = { source: source.value === 'sample' ? 'sample' : 'paste' };
      for (const [key, input] of Object.entries(inputs)) out[key] = input.value;
      return out;
    },
    set(values) {
      if (values.source) source.set(values.source === 'sample' ? 'sample' : 'paste');
      // Unchanged fields are left alone, so a caret in the field the learner is editing stays where it is.
      for (const [key, input] of Object.entries(inputs)) {
        if (values[key] !== undefined && input.value !== String(values[key])) input.value = String(values[key]);
      }
      visibility();
    },
  };
}
