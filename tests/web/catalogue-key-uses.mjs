// catalogue-key-uses.mjs — which catalogue keys a file of web/src refers to, read from its skeleton
// (js-skeleton.mjs) so that keys in comments or inside other strings do not count.
//
//   findKeyUses(source, isKey) -> { keys, prefixes, calls }

import { callArguments, lex } from './js-skeleton.mjs';

const ID = /[A-Za-z_$][\w$]*/;

/**
 * Keys a file refers to: literal first arguments of t(), any string literal that is exactly a catalogue key
 * (a key kept in a table and passed to t() later), and template keys t(`kinds.${kind}`), which use every key
 * under their static prefix ("kinds."). `calls` lists literal-key calls with the parameter names passed
 * (null when the parameters are not an object literal, or contain a spread).
 */
export function findKeyUses(source, isKey) {
  const { skeleton, literals } = lex(source);
  const keys = new Set();
  const prefixes = new Set();
  const calls = [];
  literals.forEach((lit) => {
    if (!lit.template && isKey(lit.value)) keys.add(lit.value);
  });
  for (const m of skeleton.matchAll(/(?<![\w$.])t\(\s*§(\d+)§/g)) {
    const lit = literals[Number(m[1])];
    const open = m.index + m[0].indexOf('(');
    if (lit.template) {
      prefixes.add(lit.value.slice(0, lit.value.indexOf('{x}')));
      continue;
    }
    keys.add(lit.value);
    const args = callArguments(skeleton, open);
    calls.push({
      key: lit.value,
      line: lit.line,
      params: args.length < 2 ? [] : objectKeys(skeleton, literals, args[1]),
    });
  }
  return { keys, prefixes, calls };
}

function objectKeys(skeleton, literals, [start, end]) {
  const text = skeleton.slice(start, end).trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return null;
  const inner = skeleton.indexOf('{', start) + 1;
  const names = [];
  for (const [s, e] of callArguments(skeleton, inner - 1)) {
    const part = skeleton.slice(s, e).trim();
    if (!part) continue;
    if (part.startsWith('...')) return null;
    const quoted = part.match(/^§(\d+)§\s*:/);
    const named = part.match(new RegExp(`^(${ID.source})\\s*(?::|$)`));
    if (quoted) names.push(literals[Number(quoted[1])].value);
    else if (named) names.push(named[1]);
    else return null;
  }
  return names;
}
