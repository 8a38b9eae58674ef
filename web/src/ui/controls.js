// controls.js — the page's labelled form controls: a field wrapper, select, radio group, checkboxes, stepped
// slider and button. Every control has a visible label (or legend) and an optional hint tied to it by
// aria-describedby; callbacks fire on learner input only, never when code calls set().

import { el, nextId } from './el.js';

/** Ties a hint paragraph to `input` through aria-describedby and returns it. */
function hintFor(input, hint, className = 'fig-hint') {
  const id = `${input.id}-hint`;
  input.setAttribute('aria-describedby', id);
  return el('p', { className, text: hint, id });
}

/**
 * `input` (given an id if it has none) in a div.fig-control with its <label> and optional hint. A form with a
 * look of its own (the teacher panel's tp-field) passes its box and hint classes and the prefix of its ids.
 */
export function field(label, input, hint, { className = 'fig-control', hintClassName, idPrefix = 'fig-field' } = {}) {
  if (!input.id) input.id = nextId(idPrefix);
  return el(
    'div',
    { className },
    el('label', { text: label, for: input.id }),
    input,
    hint && hintFor(input, hint, hintClassName),
  );
}

/** <option>s for [{ value, label }]. */
const optionNodes = (options) => options.map((o) => el('option', { text: o.label, value: String(o.value) }));

/** A bare <select> over [{ value, label }] with extra attributes, for forms that read it themselves. */
export function selectInput(options, attrs = {}) {
  return el('select', attrs, ...optionNodes(options));
}

/**
 * A labelled <select>. options: [{ value, label }]; onChange(value as string).
 * Returns { root, input, set(value), setOptions(options) }.
 */
export function selectControl(label, options, onChange, hint) {
  const input = selectInput(options, { id: nextId('fig-select') });
  const root = field(label, input, hint);
  input.addEventListener('change', () => onChange(input.value));
  return {
    root,
    input,
    set: (value) => {
      input.value = String(value);
    },
    setOptions: (next) => input.replaceChildren(...optionNodes(next)),
  };
}

/** A fieldset of labelled inputs of `type` (radio or checkbox); returns { root, inputs: Map(value → input) }. */
function choiceSet(type, legend, name, options, className) {
  const root = el('fieldset', { className }, el('legend', { text: legend }));
  const inputs = new Map();
  for (const o of options) {
    const input = el('input', { type, name, value: o.value });
    inputs.set(o.value, input);
    root.append(el('label', { className: 'fig-radio' }, input, el('span', { text: o.label })));
  }
  return { root, inputs };
}

/**
 * A radio group in a fieldset. options: [{ value, label }]; onChange(value).
 * Returns { root, inputs, get value, set(value) }.
 */
export function radioGroup(legend, name, options, onChange, className = 'fig-radios') {
  const { root, inputs } = choiceSet('radio', legend, name, options, className);
  for (const [value, input] of inputs) input.addEventListener('change', () => input.checked && onChange(value));
  return {
    root,
    inputs,
    get value() {
      for (const [v, i] of inputs) if (i.checked) return v;
      return undefined;
    },
    set(value) {
      for (const [v, i] of inputs) i.checked = v === value;
    },
  };
}

/** A fieldset of checkboxes; onChange(values checked, in option order). Returns { root, inputs, set(values) }. */
export function checkboxes(legend, options, onChange, className = 'fig-radios') {
  const { root, inputs } = choiceSet('checkbox', legend, undefined, options, className);
  const checked = () => options.map((o) => o.value).filter((v) => inputs.get(v).checked);
  for (const input of inputs.values()) input.addEventListener('change', () => onChange(checked()));
  return {
    root,
    inputs,
    set: (values) => {
      for (const [v, i] of inputs) i.checked = values.includes(v);
    },
  };
}

/**
 * A labelled range slider over a list of allowed values (so log scales and odd steps are exact):
 * the input's value is the index; aria-valuetext and the visible <output> show format(value).
 * onInput(value) fires on every input event (live while dragging).
 */
export function steppedSlider(label, values, format, onInput, hint) {
  const id = nextId('fig-slider');
  const input = el('input', { type: 'range', id, min: '0', max: String(values.length - 1), step: '1' });
  const output = el('output', { className: 'fig-output', for: id });
  const root = el(
    'div',
    { className: 'fig-control fig-slider' },
    el('div', { className: 'fig-slider-head' }, el('label', { text: label, for: id }), output),
    input,
    hint && hintFor(input, hint),
  );
  let list = values;
  const show = () => {
    const text = format(list[Number(input.value)]);
    output.textContent = text;
    input.setAttribute('aria-valuetext', text);
  };
  input.addEventListener('input', () => {
    show();
    onInput(list[Number(input.value)]);
  });
  return {
    root,
    input,
    get value() {
      return list[Number(input.value)];
    },
    /** Select the allowed value nearest to `value`. */
    set(value) {
      let best = 0;
      for (let i = 0; i < list.length; i++) if (Math.abs(list[i] - value) < Math.abs(list[best] - value)) best = i;
      input.value = String(best);
      show();
    },
    setValues(next, value) {
      list = next;
      input.max = String(list.length - 1);
      this.set(value);
    },
  };
}

/** A button (type="button") that calls onClick. */
export function button(text, onClick, className = 'button fig-button', attrs = {}) {
  const node = el('button', { className, text, type: 'button', ...attrs });
  node.addEventListener('click', onClick);
  return node;
}
