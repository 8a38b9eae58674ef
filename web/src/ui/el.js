// el.js — the page's element builder: createElement + className + textContent + attributes, never
// innerHTML, so no text from content or the URL can become markup. Shared by the figures and the training panel.

let uid = 0;
/** A page-unique id with a readable prefix. */
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** createElement + className + textContent + attributes (null, undefined and false attributes are left out). */
export function el(tag, { className, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}
