// dom.js — small DOM helpers of the training figure: an element builder (textContent only, never
// innerHTML), labelled controls, and number formatting for display (thin wrappers over the i18n formatters).

import { formatDuration, formatNumber, formatTimes } from '../i18n/i18n.js';
import { el, nextId } from '../ui/el.js';

export { el, nextId };

/** A labelled <select>; options [{ value, label }]. onChange(value as string). */
export function select(label, options, onChange, hint) {
  const id = nextId('tr-select');
  const input = el('select', { attrs: { id } },
    ...options.map((o) => el('option', { text: o.label, attrs: { value: String(o.value) } })));
  const root = el('div', { className: 'fig-control' }, el('label', { text: label, attrs: { for: id } }), input);
  if (hint) {
    root.append(el('p', { className: 'fig-hint', text: hint, attrs: { id: `${id}-hint` } }));
    input.setAttribute('aria-describedby', `${id}-hint`);
  }
  input.addEventListener('change', () => onChange(input.value));
  return { root, input, set: (value) => { input.value = String(value); } };
}

/** A fieldset of checkboxes; onChange(values checked, in option order). */
export function checkboxes(legend, options, onChange, className = 'fig-radios') {
  const root = el('fieldset', { className }, el('legend', { text: legend }));
  const inputs = new Map();
  for (const o of options) {
    const input = el('input', { attrs: { type: 'checkbox', value: o.value } });
    input.addEventListener('change', () => onChange(options.map((x) => x.value).filter((v) => inputs.get(v).checked)));
    inputs.set(o.value, input);
    root.append(el('label', { className: 'fig-radio' }, input, el('span', { text: o.label })));
  }
  return { root, inputs, set: (values) => { for (const [v, i] of inputs) i.checked = values.includes(v); } };
}

/** A radio group in a fieldset; onChange(value). */
export function radios(legend, name, options, onChange, className = 'fig-radios') {
  const root = el('fieldset', { className }, el('legend', { text: legend }));
  const inputs = new Map();
  for (const o of options) {
    const input = el('input', { attrs: { type: 'radio', name, value: o.value } });
    input.addEventListener('change', () => input.checked && onChange(o.value));
    inputs.set(o.value, input);
    root.append(el('label', { className: 'fig-radio' }, input, el('span', { text: o.label })));
  }
  return { root, inputs, set: (value) => { for (const [v, i] of inputs) i.checked = v === value; } };
}

/** A button. */
export function button(text, onClick, className = 'button fig-button') {
  const node = el('button', { className, text, attrs: { type: 'button' } });
  node.addEventListener('click', onClick);
  return node;
}

/** A number for display with `digits` significant digits in the page's locale, "—" when not finite. */
export const fmt = (value, digits = 3) => formatNumber(value, { significant: digits, grouping: false });

/** A ratio such as a speed-up: 1.6×, 0.89×. */
export const fmtTimes = (value) => formatTimes(value, 2);

/** Milliseconds or seconds for display. */
export const fmtMs = (ms) => formatDuration(ms);
