// format.js — numbers as the figures show them: thin wrappers over the i18n formatters (the page's locale,
// a real minus sign, "—" for values that are not finite).

import { formatDuration, formatNumber, formatPercent, formatTimes } from '../i18n/i18n.js';

/** Fixed decimals, as in the figures' statistics tables. */
export const fmtFixed = (value, digits = 3) => formatNumber(value, { digits });

/** `digits` significant digits without grouping, as in the training figure's losses and rates. */
export const fmtSig = (value, digits = 3) => formatNumber(value, { significant: digits, grouping: false });

/** eps for display: 1e-5 → "1e−5". */
export const fmtEps = (eps) => eps.toExponential(0).replace('e-', 'e−').replace('e+0', '');

/** A percentage from the core's improvement (NaN → "—"). */
export const fmtPercent = (value) => formatPercent(value, 1);

/** A ratio such as a speed-up: 1.6×, 0.89×. */
export const fmtTimes = (value) => formatTimes(value, 2);

/** Milliseconds or seconds for display. */
export const fmtMs = (ms) => formatDuration(ms);
