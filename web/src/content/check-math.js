// check-math.js — the content's formulas: each formula block's `tex` is TeX text (one formula or an array of
// parts), and `math`, which only the build writes (scripts/validate-content.mjs --out), holds a MathML tree of
// allowed elements for every formula. Whether the TeX itself is valid is decided at build time by Temml
// (scripts/tex-to-mathml.mjs); the page has no TeX parser.
//
//   checkFormulaTex(block, path, c), checkMath(content, c)   c: the check context (check-context.js)

import { mathTreeProblem } from '../ui/math-tree.js';
import { isNonEmptyString, isObject } from './check-context.js';
import { collectTex } from './math-sources.js';

export function checkFormulaTex(block, path, { err }) {
  if (!('tex' in block)) return;
  const parts = Array.isArray(block.tex) ? block.tex : [block.tex];
  if (parts.length === 0 || !parts.every(isNonEmptyString))
    err(`${path}.tex`, 'must be TeX: a non-empty string, or a non-empty array of them (parts that wrap as units)');
}

export function checkMath(content, { err }) {
  if (!('math' in content)) return;
  const { math } = content;
  if (!isObject(math) || !isObject(math.display) || !isObject(math.inline)) {
    err('math', 'must be { display: { tex: tree }, inline: { tex: tree } } (written by the build)');
    return;
  }
  for (const kind of ['display', 'inline']) {
    for (const [tex, tree] of Object.entries(math[kind])) {
      const problem = mathTreeProblem(tree);
      if (problem) err(`math.${kind}[${JSON.stringify(tex)}]`, problem);
    }
  }
  for (const { tex, display, path } of collectTex(content)) {
    if (!(tex in math[display ? 'display' : 'inline'])) err(path, `no MathML for ${JSON.stringify(tex)} in math`);
  }
}
