// i18n.js — the one door to UI text and number/date formatting.
//
// Every UI string (button, label, message, ARIA text) is looked up here by key from the catalogue
// (`strings-en.js`; another language adds `strings-<lang>.js` and one line in CATALOGUES). Lesson content
// stays in web/content/lesson.json. Numbers and dates go through Intl for the page's locale
// (<html lang>, which the lesson sets from the content file's `lang`).

import en from './strings-en.js';

const CATALOGUES = { en };
const FALLBACK = 'en';

let currentLocale = null;

/** The page's locale: an explicit setLocale(), else <html lang>, else English. */
export function locale() {
  if (currentLocale) return currentLocale;
  const lang = typeof document !== 'undefined' ? document.documentElement.lang : '';
  return lang || FALLBACK;
}

/** Use `lang` (a BCP 47 tag) for strings and formatting from now on; null goes back to <html lang>. */
export function setLocale(lang) {
  currentLocale = lang || null;
  numberFormats.clear();
}

function catalogue() {
  const base = locale().toLowerCase().split('-')[0];
  return CATALOGUES[base] || CATALOGUES[FALLBACK];
}

function lookup(cat, key) {
  let node = cat;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}

/** Whether the catalogue (or the English fallback) has `key`. */
export function hasString(key) {
  return lookup(catalogue(), key) !== undefined || lookup(CATALOGUES[FALLBACK], key) !== undefined;
}

/**
 * The UI string for `key` ("quiz.check"), with {name} placeholders filled from `params`. An entry that
 * is an object of plural forms ({ one, other }) is chosen by params.count with Intl.PluralRules. Numbers
 * in params are formatted for the locale unless they are already strings. A missing key is a bug: it is
 * reported with console.error (which the browser tests fail on) and the key is shown in its place.
 */
function missing(key, message) {
  console.error(message);
  return key;
}

export function t(key, params = {}) {
  let entry = lookup(catalogue(), key);
  if (entry === undefined) entry = lookup(CATALOGUES[FALLBACK], key);
  // A missing or misnamed entry is a bug that tests catch (statically, and as a console error in the browser
  // tests); in a learner's page it must not stop the lesson, so the key itself is shown instead.
  if (entry === undefined) return missing(key, `i18n: no UI string "${key}"`);
  if (entry !== null && typeof entry === 'object') {
    const form = pluralRules().select(Number(params.count ?? 0));
    entry = entry[form] ?? entry.other;
  }
  if (typeof entry !== 'string') return missing(key, `i18n: "${key}" is not a string`);
  return entry.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates (Intl). NaN/±Infinity/undefined show as "—".

// Keyed by locale too: the page's lang can change after the first number was formatted (the content file's
// lang is applied when it arrives).
// Intl objects are costly to build and the figures format on every redraw: keep one per locale and options.
const pluralRulesByLocale = new Map();
function pluralRules() {
  const lang = locale();
  let rules = pluralRulesByLocale.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRulesByLocale.set(lang, rules);
  }
  return rules;
}

const numberFormats = new Map();
function numberFormat(options) {
  const key = `${locale()} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), options);
    numberFormats.set(key, format);
  }
  return format;
}

const DASH = '—';
// Intl already uses U+2212 in some locales; "−0" from rounding a tiny negative is shown as "0".
const tidy = (s) => s.replace(/^[-−](?=0(?:\D0+)?$)/, '').replace(/-/g, '−');

/**
 * A number for display. `digits`: fixed fraction digits; `significant`: significant digits instead;
 * `maxDigits`: at most that many fraction digits (an axis tick: "0.5", "1"). Very large or tiny magnitudes
 * switch to scientific notation. Default: up to 3 fraction digits.
 */
export function formatNumber(value, { digits, significant, maxDigits = 3, grouping = true } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DASH;
  const abs = Math.abs(value);
  // Fixed digits show a tiny value as 0.000 (a normalized mean is "0", not "1.2E−8").
  const scientific = abs >= 1e6 || (significant !== undefined && abs !== 0 && abs < 1e-3);
  let options;
  if (scientific)
    options = { notation: 'scientific', maximumFractionDigits: significant ? Math.max(0, significant - 1) : 2 };
  else if (significant) options = { maximumSignificantDigits: significant, useGrouping: grouping };
  else if (digits !== undefined)
    options = { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping };
  else options = { maximumFractionDigits: maxDigits, useGrouping: grouping };
  return tidy(numberFormat(options).format(value));
}

/** An integer count ("1,024" in English). */
export const formatInteger = (value) => formatNumber(Math.round(value), { digits: 0 });

/** A percentage of `value` percent (12.5 → "12.5%"), `digits` fraction digits. */
export function formatPercent(value, digits = 1) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DASH;
  return tidy(
    numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value / 100,
    ),
  );
}

/** A ratio such as a speed-up: "1.6×". */
export const formatTimes = (value, significant = 2) =>
  Number.isFinite(value) ? t('format.times', { value: formatNumber(value, { significant }) }) : DASH;

/** A duration in milliseconds: "420 ms", "1.2 s". */
export function formatDuration(ms) {
  if (!Number.isFinite(ms)) return DASH;
  if (ms < 1000)
    return numberFormat({ style: 'unit', unit: 'millisecond', unitDisplay: 'narrow', maximumFractionDigits: 0 }).format(
      ms,
    );
  return numberFormat({ style: 'unit', unit: 'second', unitDisplay: 'narrow', maximumFractionDigits: 1 }).format(
    ms / 1000,
  );
}

/** A calendar date ("26 November 2026" in en-GB, "November 26, 2026" in en-US). */
export function formatDate(date, options = { day: 'numeric', month: 'long', year: 'numeric' }) {
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** A list: "BatchNorm, LayerNorm and RMSNorm". */
export function formatList(items, type = 'conjunction') {
  return new Intl.ListFormat(locale(), { style: 'long', type }).format(items);
}
