// el.js — the page's one element builder: createElement + className + textContent + attributes, never
// innerHTML, so no text from content or the URL can become markup.

let uid = 0;
/** A page-unique id with a readable prefix. */
export const nextId = (prefix) => `${prefix}-${++uid}`;

/**
 * el(tag, { className, text, attrs, ...attributes }, ...children) -> a new element.
 * Attributes come either flat (`{ id: 'x', 'aria-label': … }`) or in `attrs` (for names that would clash with
 * className/text); null, undefined and false leave an attribute out, so `hidden: cond` works for boolean
 * attributes. Children null, undefined and false are skipped, so `cond && node` can be passed;
 * strings and numbers become text.
 */
export function el(tag, { className, text, attrs, ...rest } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  for (const bag of [rest, attrs]) {
    if (!bag) continue;
    for (const [name, value] of Object.entries(bag)) {
      if (value === undefined || value === null || value === false) continue;
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}
