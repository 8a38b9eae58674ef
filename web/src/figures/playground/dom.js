// Small DOM helpers shared by the three figures (grouping, distributions, playground): element builder,
// labelled controls (radio group, select, range slider), number formatting, inline lesson text, and the
// input presets. No statistic is computed here; text reaches the DOM only through textContent.

import { parseInline } from '../../content/schema.js';
import { formatNumber, formatPercent } from '../../i18n/i18n.js';

import { el, nextId } from '../../ui/el.js';

export { el, nextId };

/** A number for display in the page's locale: fixed decimals, a real minus sign, "—" for NaN/undefined. */
export const fmt = (value, digits = 3) => formatNumber(value, { digits });

/** eps for display: 1e-5 → "1e−5". */
export const fmtEps = (eps) => eps.toExponential(0).replace('e-', 'e−').replace('e+0', '');

/** A percentage from the core's improvement (NaN → "—"). */
export const fmtPercent = (value) => formatPercent(value, 1);

/** Fill `parent` with lesson inline text; citations link to the References list. */
export function setInline(parent, text) {
  parent.replaceChildren();
  for (const token of parseInline(text)) {
    if (token.type === 'strong' || token.type === 'em' || token.type === 'code') {
      parent.append(el(token.type, { text: token.text }));
    } else if (token.type === 'cite') {
      // The figures get figureText, not the references; reuse the label the lesson body renders for them.
      const existing = document.querySelector(`a.cite[href="#${CSS.escape(token.ref)}"]`);
      parent.append(el('a', { className: 'cite', text: existing?.textContent || token.ref, attrs: { href: `#${token.ref}` } }));
    } else if (token.type === 'link') {
      parent.append(el('a', { text: token.text, attrs: { href: token.href, rel: 'noopener noreferrer', target: token.href.startsWith('#') ? undefined : '_blank' } }));
    } else {
      parent.append(document.createTextNode(token.text));
    }
  }
  return parent;
}

/**
 * A radio group in a fieldset. options: [{ value, label }]. Returns { root, get value, set(value), inputs }.
 * onChange(value) fires on learner input only.
 */
export function radioGroup(legend, name, options, onChange, className = 'fig-radios') {
  const root = el('fieldset', { className });
  root.append(el('legend', { text: legend }));
  const inputs = new Map();
  for (const opt of options) {
    const input = el('input', { attrs: { type: 'radio', name, value: opt.value } });
    input.addEventListener('change', () => input.checked && onChange(opt.value));
    inputs.set(opt.value, input);
    root.append(el('label', { className: 'fig-radio' }, input, el('span', { text: opt.label })));
  }
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

/** A labelled <select>. options: [{ value, label }]. Returns { root, select, set(value), setOptions(options) }. */
export function selectControl(label, options, onChange, hint) {
  const id = nextId('fig-select');
  const select = el('select', { attrs: { id } });
  const root = el('div', { className: 'fig-control' }, el('label', { text: label, attrs: { for: id } }), select);
  if (hint) {
    const hintId = `${id}-hint`;
    root.append(el('p', { className: 'fig-hint', text: hint, attrs: { id: hintId } }));
    select.setAttribute('aria-describedby', hintId);
  }
  const setOptions = (opts) => {
    select.replaceChildren(...opts.map((o) => el('option', { text: o.label, attrs: { value: String(o.value) } })));
  };
  setOptions(options);
  select.addEventListener('change', () => onChange(select.value));
  return { root, select, set: (value) => { select.value = String(value); }, setOptions };
}

/**
 * A labelled range slider over a list of allowed values (so log scales and odd steps are exact):
 * the input's value is the index; aria-valuetext and the visible <output> show format(value).
 * onInput(value) fires on every input event (live while dragging).
 */
export function steppedSlider(label, values, format, onInput, hint) {
  const id = nextId('fig-slider');
  const input = el('input', { attrs: { type: 'range', id, min: '0', max: String(values.length - 1), step: '1' } });
  const output = el('output', { className: 'fig-output', attrs: { for: id } });
  const root = el('div', { className: 'fig-control fig-slider' },
    el('div', { className: 'fig-slider-head' }, el('label', { text: label, attrs: { for: id } }), output), input);
  if (hint) {
    const hintId = `${id}-hint`;
    root.append(el('p', { className: 'fig-hint', text: hint, attrs: { id: hintId } }));
    input.setAttribute('aria-describedby', hintId);
  }
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
    get value() { return list[Number(input.value)]; },
    /** Select the allowed value nearest to `value` (by position in the list for exact matches). */
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

/** Divisors of c (the allowed GroupNorm group counts). Integer arithmetic on the shape, not a statistic. */
export function divisors(c) {
  const out = [];
  for (let g = 1; g <= c; g++) if (c % g === 0) out.push(g);
  return out;
}

// Raw activations per distribution: the core draws standardized values, then scale and shift them
// (mean = shift, std = scale). Each preset is a visibly un-normalized layer input.
export const INPUT_PRESETS = Object.freeze({
  normal: { shift: 5, scale: 3 },
  skewed: { shift: 2, scale: 1.5 },
  bimodal: { shift: -1.5, scale: 2 },
  heavy: { shift: 1, scale: 2 },
  uniform: { shift: 3, scale: 4 },
});
/** The distribution figure's batch: N = 32 samples × C = 16 channels × L = 8 positions. */
export const DIST_SHAPE = Object.freeze([32, 16, 8]);
export const DISTRIBUTION_ORDER = Object.freeze(['normal', 'skewed', 'bimodal', 'heavy', 'uniform']);
export const KIND_ORDER = Object.freeze(['batch', 'layer', 'instance', 'group', 'rms']);

/** A Float32Array of length n filled with v, reused while n and v stay the same. */
export function constantArray(cache, key, n, v) {
  let a = cache.get(key);
  if (!a || a.length !== n) {
    a = new Float32Array(n);
    cache.set(key, a);
    a.fill(v);
  } else if (a[0] !== v) {
    a.fill(v);
  }
  return a;
}
