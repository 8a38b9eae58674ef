// ui-text-scan.mjs — finds hard-coded UI text in web/src's JavaScript, by rules over the skeleton and
// literals that js-skeleton.mjs reads (espree's tokens). No ESLint plugin does this: the close one,
// eslint-plugin-i18next's no-literal-string, judges by different rules and is not installable offline here.
//
//   findUiText(source) -> [{ line, why, value, heuristic }]   hard-coded UI text. why: the place the text goes
//                     (text:, .textContent =, append(), …) or, when `heuristic`, how it reads: "a sentence",
//                     "a phrase" (capitalised, two words or more), or prose returned by a function
//   lex, callArguments (js-skeleton.mjs) and findKeyUses (catalogue-key-uses.mjs) are re-exported for the tests.

import { callArguments, expressionEnd, lex } from './js-skeleton.mjs';

export { callArguments, lex };
export { findKeyUses } from './catalogue-key-uses.mjs';

// ---------------------------------------------------------------------------------------------
// What counts as UI text

const words = (value) => value.replace(/\{x\}/g, ' ');
/** Any letter at all: the value of a sink that is always shown (text:, textContent =, aria-label). */
const hasLetters = (value) => /\p{L}/u.test(words(value));
/** CSS class lists ("mm-step is-norm") and other kebab-case tokens are code, not words. */
const classList = (value) =>
  /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\s+[a-z0-9]+(?:-[a-z0-9]+)*)*$/.test(value.trim()) && value.includes('-');
/** Looks like words for a person: a capitalised word ("Back", not "GetLastError"), two words, or a sentence's end. */
const proseLike = (value) => {
  // A substitution reads as a word ("{x} steps"), never as a gap between letters ("PT{x}H{x}M"); but a
  // word of the literal's own is needed ("{x} {x}" and the PDF operator "{x} {x} {x} rg" are not prose).
  const v = value.replace(/\{x\}/g, 'X').trim();
  if (classList(v) || !/\p{L}{3}/u.test(words(value))) return false;
  return /^\p{Lu}\p{Ll}+(?:[\s.,:;!?…]|$)/u.test(v) || /\p{L}\s+\p{L}/u.test(v) || /\p{L}[.!?…]$/u.test(v);
};
/** A capitalised phrase of two words or more ("Download PDF", "Batch size"): a label wherever it appears. */
const phrase = (value) => /^\p{Lu}\p{Ll}+(?:\s+[\p{L}…'’-]+)+[.!?…:]?$/u.test(value.replace(/\{x\}/g, 'X').trim());
/** Three or more words in a row, two of them of three letters or more: a sentence wherever it appears. */
const sentence = (value) => {
  // A substitution is a word of its own ("Step {x} of {x}"), never glue inside one ("PT{x}H{x}M").
  const run = value.replace(/\{x\}/g, 'X').match(/\p{L}+(?:[,;:]?\s+[\p{L}'’]+){2,}/u);
  return Boolean(run) && run[0].split(/\s+/).filter((w) => /\p{L}{3}/u.test(w)).length >= 2;
};

// Object keys, attributes and properties whose value is shown or spoken.
// The element properties (and option keys) that are the accessible text of an element.
const ARIA_TEXT_PROPERTIES = ['ariaLabel', 'ariaValueText', 'ariaDescription', 'ariaRoleDescription'];
const ALWAYS_TEXT_KEYS = ['text', 'placeholder', 'alt', ...ARIA_TEXT_PROPERTIES];
const ALWAYS_TEXT_ATTRS = [
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'aria-roledescription',
  'placeholder',
  'alt',
  'title',
];
const LABEL_KEYS = [
  'title',
  'label',
  'legend',
  'hint',
  'message',
  'caption',
  'summary',
  'heading',
  'description',
  'note',
  'name',
  'xLabel',
  'yLabel',
  'nameHint',
  'tooltip',
  'prompt',
  'feedback',
  'error',
  'status',
];
const TEXT_PROPERTIES = ['textContent', 'innerText', 'title', 'placeholder', 'alt', ...ARIA_TEXT_PROPERTIES, 'label'];
const TEXT_CALLS = [
  'append',
  'prepend',
  'replaceChildren',
  'createTextNode',
  'alert',
  'confirm',
  'prompt',
  'before',
  'fillText',
  'strokeText',
  'after',
  'replaceWith',
  'insertAdjacentText',
];
const ELEMENT_BUILDERS = ['el'];
const KEY_CALL = /\b(?:t|hasString)\(\s*$/;

const literalsIn = (skeleton, start, end) =>
  [...skeleton.slice(start, end).matchAll(/§(\d+)§/g)].map((m) => ({ n: Number(m[1]), at: start + m.index }));

// A literal that only looks like prose (Python source shown as code, PDF syntax) is marked on its line with
// a comment giving the reason: // i18n-exempt: <why this is not UI text>. The comment may also open the next
// line, where Prettier moves a comment that trails an opening brace.
const EXEMPT = /\/\/\s*i18n-exempt:\s*\S+(?:\s+\S+){2,}/;

// The rules that judge a literal by how it reads rather than by where it goes.
const HEURISTIC = ['a sentence', 'a phrase', 'return', '=>'];

// Messages for developers, not learners: the console, and the programmer-error classes (by JS convention).
function developerMessages(skeleton) {
  const developer = new Set();
  for (const m of skeleton.matchAll(/(?:\bconsole\.\w+|\bnew\s+(?:RangeError|TypeError))\s*\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = callArguments(skeleton, open);
    for (const { n } of literalsIn(skeleton, open, args.at(-1)[1])) developer.add(n);
  }
  return developer;
}

/** `textAttributes`: more attributes whose value is shown (the stylesheets' content: attr(…), e.g. data-caption). */
export function findUiText(source, { textAttributes = [] } = {}) {
  const { skeleton, literals } = lex(source);
  const textAttrs = [...ALWAYS_TEXT_ATTRS, ...textAttributes];
  const lines = source.split('\n');
  const found = new Map();
  const flag = (n, why) => {
    const { line } = literals[n];
    const exempt = EXEMPT.test(lines[line - 1]) || /^\s*\/\/\s*i18n-exempt:/.test(lines[line] ?? '');
    if (!found.has(n) && !exempt) found.set(n, why);
  };
  const isKeyArgument = (at) => KEY_CALL.test(skeleton.slice(Math.max(0, at - 40), at));
  const developer = developerMessages(skeleton);
  // The value of a non-text key nested in a sink ({ className: 'a b' } inside append()) is not text.
  const otherKeyValue = (at) => {
    const before = skeleton.slice(Math.max(0, at - 40), at);
    // Compared, never shown: e.key === 'Enter', case 'Home':
    if (/(?:[!=]==?|\bcase)\s*$/.test(before)) return true;
    const named = before.match(/\b([A-Za-z_$][\w$]*):\s*$/);
    if (named) return !ALWAYS_TEXT_KEYS.includes(named[1]) && !LABEL_KEYS.includes(named[1]);
    const quoted = before.match(/§(\d+)§:\s*$/);
    return Boolean(quoted) && !textAttrs.includes(literals[Number(quoted[1])].value);
  };
  // The value at [start, end): its leading literal is text if `strict` says so, nested literals if prose-like.
  const checkValue = (start, end, why, strict) => {
    const lead = skeleton.slice(start, end).match(/^\s*§(\d+)§/);
    for (const { n, at } of literalsIn(skeleton, start, end)) {
      if (isKeyArgument(at) || developer.has(n) || otherKeyValue(at)) continue;
      const value = literals[n].value;
      const leading = lead && Number(lead[1]) === n;
      if (leading ? strict(value) : proseLike(value)) flag(n, why);
    }
  };
  const keyPattern = (keys) => new RegExp(`(?:[{,]\\s*)(${keys.join('|')})\\s*:(?!:)`, 'g');
  for (const m of skeleton.matchAll(keyPattern(ALWAYS_TEXT_KEYS))) {
    const start = m.index + m[0].length;
    checkValue(start, expressionEnd(skeleton, start), `${m[1]}:`, hasLetters);
  }
  for (const m of skeleton.matchAll(keyPattern(LABEL_KEYS))) {
    const start = m.index + m[0].length;
    checkValue(start, expressionEnd(skeleton, start), `${m[1]}:`, proseLike);
  }
  // Quoted keys ('aria-label': …) and setAttribute('aria-label', …).
  for (const m of skeleton.matchAll(/§(\d+)§\s*:(?!:)/g)) {
    if (!textAttrs.includes(literals[Number(m[1])].value)) continue;
    const start = m.index + m[0].length;
    checkValue(start, expressionEnd(skeleton, start), `'${literals[Number(m[1])].value}':`, hasLetters);
  }
  for (const m of skeleton.matchAll(/\.setAttribute\(\s*§(\d+)§\s*,/g)) {
    if (!textAttrs.includes(literals[Number(m[1])].value)) continue;
    const start = m.index + m[0].length;
    checkValue(start, expressionEnd(skeleton, start), `setAttribute('${literals[Number(m[1])].value}')`, hasLetters);
  }
  for (const m of skeleton.matchAll(new RegExp(`\\.(${TEXT_PROPERTIES.join('|')})\\s*\\+?=(?!=)`, 'g'))) {
    const start = m.index + m[0].length;
    const end = skeleton.indexOf(';', start);
    checkValue(start, end < 0 ? skeleton.length : end, `.${m[1]} =`, hasLetters);
  }
  for (const m of skeleton.matchAll(new RegExp(`(?:\\.|\\b)(${TEXT_CALLS.join('|')})\\(`, 'g'))) {
    const open = m.index + m[0].length - 1;
    for (const [start, end] of callArguments(skeleton, open)) checkValue(start, end, `${m[1]}()`, hasLetters);
  }
  for (const m of skeleton.matchAll(new RegExp(`(?<![\\w$.])(${ELEMENT_BUILDERS.join('|')})\\(`, 'g'))) {
    const open = m.index + m[0].length - 1;
    for (const [start, end] of callArguments(skeleton, open).slice(2))
      checkValue(start, end, `${m[1]}() child`, hasLetters);
  }
  // What a function returns (return …; => …) is often a label: prose-like literals there.
  for (const m of skeleton.matchAll(/(?:\breturn\b|=>)\s*/g)) {
    const start = m.index + m[0].length;
    if (skeleton[start] === '{') continue;
    const end = m[0].startsWith('=>') ? expressionEnd(skeleton, start) : skeleton.indexOf(';', start);
    checkValue(start, end < 0 ? skeleton.length : end, m[0].trim() === '=>' ? '=>' : 'return', proseLike);
  }
  // Anywhere else: a sentence or a capitalised phrase is UI text unless it is a key or a developer message.
  literals.forEach((lit, n) => {
    if (found.has(n) || developer.has(n)) return;
    const kind = sentence(lit.value) ? 'a sentence' : phrase(lit.value) ? 'a phrase' : null;
    if (!kind) return;
    const at = skeleton.indexOf(`§${n}§`);
    if (at >= 0 && isKeyArgument(at)) return;
    flag(n, kind);
  });
  return [...found]
    .sort((a, b) => literals[a[0]].line - literals[b[0]].line)
    .map(([n, why]) => ({ line: literals[n].line, why, value: literals[n].value, heuristic: HEURISTIC.includes(why) }));
}
