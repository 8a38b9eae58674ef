// math-sources.js — where the content holds TeX: each formula block's `tex` (display math) and each $…$ in its
// inline text (inline math). Pure: the build (scripts/tex-to-mathml.mjs), the schema and the page share it.
//
//   formulaParts(block) -> string[]             a formula block's TeX, one string per part
//   collectTex(content) -> { tex, display, path }[]   every formula in document order, with the schema's paths
//   mathTables(content) -> { display: Map, inline: Map }   the built trees by TeX (empty without `math`)

import { parseInline } from '../ui/inline-parse.js';

// Fields that hold no inline text (and the built trees themselves).
const NOT_TEXT = new Set(['id', 'url', 'math', 'type', 'figure', 'generator', 'variant']);

/** A formula block's TeX parts: `tex` is one formula or an array of formulas that wrap as units. */
export const formulaParts = (block) => (Array.isArray(block.tex) ? block.tex : [block.tex]);

const named = (value) => (value && typeof value === 'object' && typeof value.id === 'string' ? `(${value.id})` : '');

/** Every TeX formula of the content, in document order, with the path the schema uses for its field. */
export function collectTex(content) {
  const out = [];
  const walk = (value, path) => {
    if (typeof value === 'string') {
      for (const token of parseInline(value))
        if (token.type === 'math') out.push({ tex: token.text, display: false, path });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]${named(item)}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (NOT_TEXT.has(key)) continue;
        const at = path ? `${path}.${key}` : key;
        if (key === 'tex' && value.type === 'formula') {
          formulaParts(value).forEach((tex, i) =>
            out.push({ tex, display: true, path: Array.isArray(item) ? `${at}[${i}]` : at }),
          );
        } else walk(item, at);
      }
    }
  };
  walk(content, '');
  return out;
}

/** The built MathML trees of a content file (`math`, written by the build) as two Maps keyed by TeX. */
export function mathTables(content) {
  const table = (o) => new Map(o && typeof o === 'object' ? Object.entries(o) : []);
  return { display: table(content?.math?.display), inline: table(content?.math?.inline) };
}
