// chart-theme.js — chart colours from the page's CSS custom properties (read at creation and again when the theme
// changes), the reduced-motion preference, and the page's locale for Chart.js's own number formatting (default
// ticks and tooltips). Shared by every chart (chart-base.js, the training views).

import { locale } from '../i18n/i18n.js';

/** The locale Chart.js formats numbers in (its `locale` option): the page's, as every other number on it. */
export const chartLocale = () => locale();

/**
 * The colour CSS custom property `name` gives inside `node` (or `fallback` where it is not defined), as the
 * browser computes it ("rgb(…)"). The tokens are light-dark(light, dark) pairs (base.css), which only a
 * colour property resolves: a probe element's `color` does it for the node's color-scheme.
 */
export function cssVar(node, name, fallback) {
  const probe = node.ownerDocument.createElement('span');
  probe.hidden = true;
  probe.style.color = `var(${name}, ${fallback})`;
  node.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color || fallback; // nothing is computed for a node outside the document
}

export const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Call `onChange` when the page theme (data-theme / color-scheme / system preference) changes; returns stop(). */
export function watchTheme(onChange) {
  const observer = new MutationObserver(() => onChange());
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style', 'class'] });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener?.('change', onChange);
  return () => {
    observer.disconnect();
    media?.removeEventListener?.('change', onChange);
  };
}

/** Axis, grid and text colours for a chart inside `node`. */
export function axisColors(node) {
  return {
    text: cssVar(node, '--text', '#1b2130'),
    muted: cssVar(node, '--muted', '#4a5366'),
    grid: cssVar(node, '--border', '#cfd5e1'),
  };
}

/**
 * Apply axisColors to every scale of a chart's options, and the page's locale where none is set: every chart
 * of the page is styled here, so none formats its ticks in another locale than the rest of the page.
 */
export function styleScales(options, colors) {
  options.locale ??= chartLocale();
  for (const scale of Object.values(options.scales)) {
    scale.ticks.color = colors.muted;
    scale.grid.color = colors.grid;
    scale.border = { color: colors.grid };
    if (scale.title) scale.title.color = colors.text;
  }
  if (options.plugins?.legend?.labels) options.plugins.legend.labels.color = colors.text;
}
