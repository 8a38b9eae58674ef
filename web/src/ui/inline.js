// inline.js — the page's one inline-markup renderer: lesson text with **strong**, *em*, `code`, links and
// [@ref] citations (parsed by inline-parse.js) becomes text nodes and elements, never HTML.
//
// ctx.refs (a Map of references by id) gives citations their short label. Figures render text without the
// references at hand; their citations copy the label of the same citation in the lesson body.

import { el } from './el.js';
import { parseInline } from './inline-parse.js';
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
  // The References list is folded away; a citation opens it before the browser scrolls to the entry.
  link.addEventListener('click', () => unfoldTo(token.ref));
  return link;
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
    .map((tok) => (tok.type === 'cite' ? (ctx?.refs?.get(tok.ref)?.short ?? '') : tok.text))
    .join('')
    .replace(/\(\s*(;\s*)*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}
