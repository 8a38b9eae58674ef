// js-skeleton.mjs — reads a JavaScript file for the i18n and import tests: every string literal (with its line,
// and a template's static text with {x} for each substitution), and a "skeleton" of the code in which comments
// are blanked and each literal is replaced by §n§, so call sites and object keys can be matched without a string
// or a comment getting in the way. Tokens come from espree, ESLint's own tokenizer, so regular expressions,
// nested templates and comments are read exactly as the linter reads them.
//
//   lex(source) -> { skeleton, literals: [{ value, line, template }] }
//   callArguments(skeleton, open) -> [[start, end), …]   the arguments of the call whose "(" is at `open`

import { tokenize } from 'espree';

// The scan rules see a string's text, not its escapes: \' reads as ', \n as n (as they always have).
const unescape = (raw) => raw.replace(/\\(.)/gs, '$1');

export function lex(source) {
  const tokens = tokenize(source, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    comment: true,
    loc: true,
    range: true,
  });
  const items = [...tokens, ...tokens.comments].sort((a, b) => a.range[0] - b.range[0]);
  const literals = [];
  // The templates whose ${…} we are inside: each holds its literal's index and the static text so far.
  const open = [];
  let skeleton = '';
  let pos = 0;
  for (const item of items) {
    skeleton += source.slice(pos, item.range[0]);
    pos = item.range[1];
    const raw = source.slice(...item.range);
    if (item.type === 'Line' || item.type === 'Block') skeleton += `${raw.replace(/[^\n]/g, '')} `;
    else if (item.type === 'RegularExpression') skeleton += ' /re/ ';
    else if (item.type === 'String') {
      literals.push({ value: unescape(raw.slice(1, -1)), line: item.loc.start.line, template: false });
      skeleton += `§${literals.length - 1}§`;
    } else if (item.type === 'Template') skeleton += templatePart(raw, item.loc.start.line);
    else skeleton += raw;
  }

  // A template arrives in parts: `head${ … }middle${ … }tail`; its substitutions' code goes in ⟨…⟩.
  function templatePart(raw, line) {
    const opens = raw.endsWith('${');
    const text = unescape(raw.slice(1, opens ? -2 : -1));
    let out = '⟩';
    if (raw.startsWith('`')) {
      open.push({ n: literals.length, value: '' });
      literals.push({ value: '', line, template: true });
      out = `§${literals.length - 1}§`;
    }
    const current = open.at(-1);
    current.value += text;
    if (opens) {
      current.value += '{x}';
      return `${out}⟨`;
    }
    literals[current.n].value = current.value;
    open.pop();
    return out;
  }

  return { skeleton: skeleton + source.slice(pos), literals };
}

/** The end of the expression starting at `from` (stops at a top-level , ; or an unmatched closer). */
export function expressionEnd(skeleton, from) {
  let depth = 0;
  for (let i = from; i < skeleton.length; i++) {
    const c = skeleton[i];
    if ('([{⟨'.includes(c)) depth += 1;
    else if (')]}⟩'.includes(c)) {
      if (depth === 0) return i;
      depth -= 1;
    } else if ((c === ',' || c === ';') && depth === 0) return i;
  }
  return skeleton.length;
}

/** The argument ranges [start, end) of the call whose "(" is at `open`. */
export function callArguments(skeleton, open) {
  const args = [];
  let start = open + 1;
  for (;;) {
    const end = expressionEnd(skeleton, start);
    args.push([start, end]);
    if (skeleton[end] !== ',') return args;
    start = end + 1;
  }
}
