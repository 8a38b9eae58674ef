// The lesson's TeX as MathML trees, at build time. Temml (a devDependency) parses each formula block's `tex`
// and each inline $…$ of the content; the trees go into the built content file (`math`), and the page builds
// <math> elements from them (web/src/ui/math-tree.js), so no math library runs in the browser.
//
//   texToTree(tex, { display }) -> tree              throws Temml's ParseError on invalid TeX
//   renderContentMath(content) -> { math, errors }   math: { display: { tex: tree }, inline: { tex: tree } }
//
// Temml puts two inline styles on its MathML. A strict CSP (style-src 'self') blocks style attributes, so the
// build drops the one the browser applies anyway and turns the other into a class (web/styles/lesson.css).
import temml from 'temml';
import { collectTex } from '../web/src/content/math-sources.js';
import { mathTreeProblem } from '../web/src/ui/math-tree.js';

const STYLE_CLASSES = new Map([
  ['display:block math;', null], // Chromium's own style for <math display="block">
  ['mathDepth:0;', 'math-depth-0'],
]);

function styleClass(style) {
  const text = Object.entries(style)
    .map(([name, value]) => `${name}:${value};`)
    .join('');
  if (!text) return null;
  if (!STYLE_CLASSES.has(text)) throw new Error(`Temml wrote an inline style the strict CSP blocks: "${text}"`);
  return STYLE_CLASSES.get(text);
}

/** The children of Temml's nodes, with its document fragments dissolved into their parent. */
const childrenOf = (node) =>
  (node.children || []).flatMap((c) => (c.type || c.text !== undefined ? [c] : childrenOf(c)));

/** Temml's MathNode (type, attributes, classes, style, children) or TextNode (text) as a plain tree. */
function toTree(node) {
  if (!node.type) return String(node.text);
  const attrs = {};
  for (const [name, value] of Object.entries(node.attributes || {})) attrs[name] = String(value);
  const classes = [...(node.classes || [])];
  const fromStyle = styleClass(node.style || {});
  if (fromStyle) classes.push(fromStyle);
  if (classes.length) attrs.class = classes.join(' ');
  return [node.type, attrs, ...childrenOf(node).map(toTree)];
}

/** One formula as a MathML tree (display or inline). Invalid TeX throws Temml's ParseError. */
export function texToTree(tex, { display }) {
  const node = temml.__renderToMathMLTree(tex, { displayMode: display, throwOnError: true, trust: false });
  const tree = toTree(node);
  const problem = mathTreeProblem(tree);
  if (problem) throw new Error(`the MathML would not pass the page's check: ${problem}`);
  return tree;
}

/** Every formula of the content as a tree, and an error naming the block of each formula that fails. */
export function renderContentMath(content) {
  const math = { display: {}, inline: {} };
  const errors = [];
  for (const { tex, display, path } of collectTex(content)) {
    const table = display ? math.display : math.inline;
    if (tex in table) continue;
    try {
      table[tex] = texToTree(tex, { display });
    } catch (error) {
      errors.push(`${path}: invalid TeX ${JSON.stringify(tex)}: ${error.message.replace(/\s+/g, ' ').trim()}`);
    }
  }
  return { math, errors };
}
