// apply-static.js — the UI text written in web/index.html, filled from the catalogue for the page's locale.
//
// The HTML keeps its English text so the first paint needs no script and nothing moves when this runs
// (Lighthouse measures layout shift); tests/web/i18n.test.mjs checks that text equals the catalogue's.
//   <span data-i18n="page.contents">Contents</span>                      text from the catalogue
//   <button data-i18n-attr="aria-label:page.themeToggle;title:…">        attributes from the catalogue
// <noscript> content is never parsed into elements while scripts run, so its markers serve the check and
// a translator, not this module.

import { t } from './i18n.js';

/** Parse a data-i18n-attr value ("aria-label:page.x;title:page.y") into [attribute, key] pairs. */
export function parseAttrSpec(spec) {
  return spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()];
    });
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** Fill every data-i18n / data-i18n-attr element under `root`; only nodes whose text differs are touched. */
export function applyStaticText(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    const text = t(node.dataset.i18n);
    if (squash(node.textContent) !== text) node.textContent = text;
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const [name, key] of parseAttrSpec(node.dataset.i18nAttr)) {
      const value = t(key);
      if (node.getAttribute(name) !== value) node.setAttribute(name, value);
    }
  }
}
