// Fill a content template's {placeholders} with an instance's values, formatted for the page's locale.
// Values are numbers (integers as counts, others with two decimals), or { kind } / { distribution } ids that
// the content's figureText names.
import { formatInteger, formatNumber } from '../i18n/i18n.js';

export function formatValue(value, figureText) {
  if (typeof value === 'number')
    return Number.isInteger(value) ? formatInteger(value) : formatNumber(value, { digits: 2 });
  if (value && value.kind) return figureText?.kinds?.[value.kind]?.label ?? value.kind;
  if (value && value.distribution) return figureText?.distributions?.[value.distribution]?.label ?? value.distribution;
  return String(value ?? '');
}

export function fill(template, values, figureText) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? formatValue(values[name], figureText) : whole,
  );
}
