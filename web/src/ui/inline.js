// inline.js — the page's one inline-markup renderer: lesson text with **strong**, *em*, `code`, $TeX$, links and
// [@ref] citations (parsed by inline-parse.js) becomes text nodes and elements, never HTML. Math comes from the
// build's MathML trees (ctx.math, see math-tree.js).
//
// ctx.refs (a Map of references by id) gives citations their short label. Figures render text without the
// references at hand; their citations copy the label of the same citation in the lesson body.

import { el } from './el.js';
import { parseInline } from './inline-parse.js';
import { buildMath, mathTreeProblem, texPlain } from './math-tree.js';
import { t } from '../i18n/i18n.js';

/** A link token as <a>: in-page fragments plainly, other URLs in a new tab with a hidden "opens in a new tab". */
export function renderLink(token) {
  if (token.href.startsWith('#')) return el('a', { href: token.href, text: token.text });
  return el(
    'a',
    { href: token.href, target: '_blank', rel: 'noopener noreferrer', className: 'external' },
    document.createTextNode(token.text),
    el('span', { className: 'visually-hidden', text: ` ${t('common.opensInNewTab')}` }),
  );
}

/** Open every folded <details> around element `id`, so following a link to it shows it. */
export function unfoldTo(id) {
  for (let node = document.getElementById(id); node; node = node.parentElement?.closest('details')) {
    if (node.tagName === 'DETAILS') node.open = true;
  }
}

let citesUnfold = false;
/**
 * The References list is folded away: a click on any citation (lesson text, figures, the prerendered markup the
 * build wrote) opens it before the browser scrolls to the entry. One listener for the document, installed once.
 */
export function unfoldOnCitation(doc = document) {
  if (citesUnfold) return;
  citesUnfold = true;
  doc.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.cite') : null;
    if (link) unfoldTo(link.getAttribute('href').slice(1));
  });
}

function renderCite(token, ctx) {
  const ref = ctx?.refs?.get(token.ref);
  const existing = ref ? null : document.querySelector(`a.cite[href="#${CSS.escape(token.ref)}"]`);
  const link = ref
    ? el('a', {
        className: 'cite',
        href: `#${token.ref}`,
        text: ref.short,
        'aria-label': t('common.reference', { short: ref.short }),
      })
    : el('a', {
        className: 'cite',
        href: `#${token.ref}`,
        text: existing?.textContent || token.ref,
        'aria-label': existing?.getAttribute('aria-label'),
      });
  return link;
}

/**
 * The <math> of a TeX formula from the build's trees (`table`: a Map by TeX); a formula the build did not render,
 * or whose tree fails the check, shows its TeX source as code rather than nothing.
 */
export function mathNode(tex, table, className) {
  const tree = table?.get(tex);
  if (tree && !mathTreeProblem(tree)) {
    const node = buildMath(tree);
    if (className) node.setAttribute('class', `${className} ${node.getAttribute('class') || ''}`.trim());
    return node;
  }
  return el('code', { className: `tex-source ${className || ''}`.trim(), text: tex });
}

let scrollWatch = null;
/**
 * A formula wider than the column scrolls inside its box (a display formula's group, an inline <math>); a
 * region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable), so it joins the tab
 * order only while it is wider than it shows. One ResizeObserver watches them all.
 */
export function focusableWhileScrolling(node) {
  if (typeof ResizeObserver !== 'function') return;
  scrollWatch ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (target.scrollWidth > target.clientWidth + 1) target.setAttribute('tabindex', '0');
      else target.removeAttribute('tabindex');
    }
  });
  scrollWatch.observe(node);
}

/** Append inline text (parsed markup) to `parent`; returns `parent`. */
export function renderInline(parent, text, ctx) {
  for (const token of parseInline(text)) {
    switch (token.type) {
      case 'strong':
      case 'em':
      case 'code':
        parent.append(el(token.type, { text: token.text }));
        break;
      case 'link':
        parent.append(renderLink(token));
        break;
      case 'cite':
        parent.append(renderCite(token, ctx));
        break;
      case 'claim': // a test's anchor, not text
        break;
      case 'math': {
        const node = mathNode(token.text, ctx?.math?.inline);
        focusableWhileScrolling(node);
        parent.append(node);
        break;
      }
      default:
        parent.append(document.createTextNode(token.text));
    }
  }
  return parent;
}

/** Replace the children of `parent` with inline text; returns `parent`. */
export function setInline(parent, text, ctx) {
  parent.replaceChildren();
  return renderInline(parent, text, ctx);
}

/** A new element of `tag` holding inline text. */
export function inline(tag, text, ctx, attrs = {}) {
  return renderInline(el(tag, attrs), text, ctx);
}

/** Inline text as plain text (markup removed; citations as their short form when refs are known). */
export function plainText(text, ctx) {
  return parseInline(text)
    .map((tok) => {
      if (tok.type === 'cite') return ctx?.refs?.get(tok.ref)?.short ?? '';
      return tok.type === 'math' ? texPlain(tok.text) : tok.text;
    })
    .join('')
    .replace(/\(\s*(;\s*)*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}
