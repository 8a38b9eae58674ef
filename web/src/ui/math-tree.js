// math-tree.js — the lesson's formulas as MathML, built from trees that the build made from TeX
// (scripts/tex-to-mathml.mjs, with Temml). The page ships no math library: it only turns a tree into elements.
//
//   tree: [tag, { attribute: value }, ...children]   a child is a tree or a string (a text node)
//   mathTreeProblem(tree) -> string   '' for a tree of allowed MathML elements and attributes, else the problem
//   buildMath(tree, doc?) -> MathMLElement   createElementNS + setAttribute + text nodes, never innerHTML
//   texPlain(tex) -> string           the symbols of a TeX formula as plain text (word counts, plain copies)
//
// Trust boundary: the trees come from our build, but the content file is a separate asset that can be replaced,
// so the page (schema.js at load, buildMath before building) accepts only MathML Core presentation elements and
// attributes. No attribute can carry a URL, an event handler, an id or an inline style (the strict CSP forbids
// style attributes; the build turns Temml's two styles into classes).

export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

const TAGS = new Set(
  [
    'math mrow mi mn mo ms mtext mspace msqrt mroot mfrac msub msup msubsup munder mover munderover',
    'mpadded mphantom mstyle mtable mtr mtd menclose merror semantics annotation',
  ]
    .join(' ')
    .split(' '),
);
const ATTRIBUTES = new Set(
  [
    'display class mathvariant displaystyle scriptlevel stretchy fence form separator lspace rspace',
    'movablelimits symmetric largeop minsize maxsize accent accentunder linethickness width height depth',
    'voffset columnalign rowspacing columnspacing columnlines rowlines notation encoding dir',
  ]
    .join(' ')
    .split(' '),
);
const MAX_DEPTH = 64;

/** '' when `tree` is a MathML tree of allowed elements and attributes with a <math> root, else the problem. */
export function mathTreeProblem(tree) {
  if (!Array.isArray(tree) || tree[0] !== 'math') return 'must be a tree whose root is <math>';
  return nodeProblem(tree, 0);
}

function nodeProblem(node, depth) {
  if (typeof node === 'string') return '';
  if (!Array.isArray(node) || typeof node[0] !== 'string') return 'a node must be [tag, attributes, ...children]';
  const [tag, attrs, ...children] = node;
  if (!TAGS.has(tag)) return `<${tag}> is not an allowed MathML element`;
  if (depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH}`;
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) return `<${tag}> needs an attribute object`;
  for (const [name, value] of Object.entries(attrs)) {
    if (!ATTRIBUTES.has(name)) return `<${tag} ${name}> is not an allowed attribute`;
    if (typeof value !== 'string') return `<${tag} ${name}> must be a string`;
  }
  for (const child of children) {
    const problem = nodeProblem(child, depth + 1);
    if (problem) return problem;
  }
  return '';
}

/** The MathML element of a tree (check it with mathTreeProblem first: nothing here is allowed to fail). */
export function buildMath(tree, doc = document) {
  const [tag, attrs, ...children] = tree;
  const node = doc.createElementNS(MATHML_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children)
    node.append(typeof child === 'string' ? doc.createTextNode(child) : buildMath(child, doc));
  return node;
}

// The letters and operators a reader sees for the TeX commands the lesson uses; other commands (layout:
// \frac, \hat, \left) show no symbol of their own, and \quad, \, and the like are spaces.
const SYMBOLS = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  eta: 'η',
  mu: 'μ',
  sigma: 'σ',
  nabla: '∇',
  partial: '∂',
  sum: 'Σ',
  cdot: '·',
  times: '×',
  leftarrow: '←',
  Rightarrow: '⇒',
  propto: '∝',
  odot: '⊙',
  to: '→',
  sqrt: '√',
  lVert: '‖',
  rVert: '‖',
};
// Stands in for an underscore of a name in \text{} while TeX's subscript underscores are removed.
const KEPT_UNDERSCORE = '\u0001';

/** The symbols of a TeX formula as plain text: "\hat{x}_i = \gamma" -> "xi = γ" (names in \text{} kept). */
export function texPlain(tex) {
  return String(tex)
    .replace(/\\(?:text|mathrm|mathtt|operatorname)\s*\{((?:[^{}\\]|\\.)*)\}/g, (_, s) =>
      s.replace(/\\(.)/g, '$1').replaceAll('_', KEPT_UNDERSCORE),
    )
    .replace(/\\([A-Za-z]+)\s*/g, (_, name) => SYMBOLS[name] ?? (/^q?quad$/.test(name) ? ' ' : ''))
    .replace(/\\./g, ' ')
    .replace(/[{}^_]/g, '')
    .replaceAll(KEPT_UNDERSCORE, '_')
    .replace(/\s+/g, ' ')
    .trim();
}
