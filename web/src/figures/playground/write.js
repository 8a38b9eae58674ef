// write.js — DOM writes that leave a node alone when it already shows the value. A redraw of the playground
// changes a few of its many cells and labels; assigning the same text again still swaps the text node, which
// makes the browser lay the panel (and the page around it) out again on the path from a key press to its paint.

/** Sets node's text to `text` unless it is already that. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets node.dataset[key] to `value` unless it is already that. */
export function setData(node, key, value) {
  if (node.dataset[key] !== value) node.dataset[key] = value;
}

/** Sets node's `title` to `value` unless it is already that. */
export function setTitle(node, value) {
  if (node.title !== value) node.title = value;
}
