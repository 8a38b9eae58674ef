// snippet.js — the embed snippet a teacher pastes into a course page: the lesson's address with the embed
// parameters (docs/embedding.md, parsed by web/src/embed/params.js) and an <iframe> around it. Pure (no DOM,
// no i18n): problems come back as codes with parameters, and the teacher panel words them from the catalogue.
//
//   buildSnippet(options) -> { url, html, problems: [{ code, level: 'error'|'warning', ...params }] }
//   options: { base, title, embed, theme, step, preset, hide, pass, height, walkthroughSteps }
//
// An error means the value is left out of the snippet; a warning means it is kept but will not do what a
// teacher probably expects (e.g. a pass mark with the quick checks hidden).

import { HIDEABLE, PRESETS } from '../embed/params.js';

export const HEIGHT_RANGE = Object.freeze({ min: 300, max: 20000, default: 900 });

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The lesson's address without query or fragment; null unless http(s). */
export function lessonBase(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  url.search = '';
  url.hash = '';
  return url.href;
}

const isBlank = (v) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The address's `hide`, `step`, `preset` and `pass` parameters into `params`; problems through `report`. */
function lessonParameters(params, { hide, step, preset, pass, walkthroughSteps }, { error, warn }) {
  const hidden = [];
  for (const name of hide) {
    if (HIDEABLE.includes(name)) {
      if (!hidden.includes(name)) hidden.push(name);
    } else error('hide', { value: String(name) });
  }

  if (!isBlank(step)) {
    const n = Number(step);
    if (!Number.isInteger(n) || n < 1 || n > walkthroughSteps)
      error('step', { value: String(step), max: walkthroughSteps });
    else {
      params.set('step', String(n));
      if (hidden.includes('walkthrough')) warn('stepHidden');
    }
  }

  if (!isBlank(preset)) {
    const name = String(preset).toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(PRESETS, name)) error('preset', { value: String(preset) });
    else {
      params.set('preset', name);
      if (hidden.includes(PRESETS[name].figure)) warn('presetHidden', { figure: PRESETS[name].figure });
    }
  }

  if (hidden.length) params.set('hide', hidden.join(','));

  if (!isBlank(pass)) {
    const n = typeof pass === 'number' ? pass : Number(String(pass).trim());
    if (!Number.isFinite(n) || n < 0 || n > 100) error('pass', { value: String(pass) });
    else {
      params.set('pass', String(n));
      if (hidden.includes('quiz') && n > 0) warn('passUnreachable', { pass: n });
    }
  }
}

/** The <iframe> element around `url`, `height` px high. */
function iframeHtml(url, title, height) {
  const lines = [
    `<iframe src="${escapeAttribute(url)}"`,
    `        title="${escapeAttribute(title || '')}"`,
    `        width="100%" height="${height}" loading="lazy"`,
    '        allow="fullscreen; clipboard-write"',
    '        referrerpolicy="strict-origin-when-cross-origin"',
    '        style="border:0;max-width:100%"></iframe>',
  ];
  return lines.join('\n');
}

/** The snippet for `options` (see the top of this file). */
export function buildSnippet({
  base,
  title,
  embed = true,
  theme = null,
  step = null,
  preset = null,
  hide = [],
  pass = null,
  height = HEIGHT_RANGE.default,
  walkthroughSteps = 6,
} = {}) {
  const problems = [];
  const error = (code, params = {}) => problems.push({ code, level: 'error', ...params });
  const warn = (code, params = {}) => problems.push({ code, level: 'warning', ...params });

  let href = lessonBase(base ?? '');
  if (!href) {
    error('base');
    href = 'https://lessons.example.org/normalization/';
  } else if (!/^https?:$/.test(new URL(href).protocol)) {
    warn('notHttp', { protocol: new URL(href).protocol });
  }
  const params = new URLSearchParams();
  if (embed) params.set('embed', '1');
  lessonParameters(params, { hide, step, preset, pass, walkthroughSteps }, { error, warn });

  if (theme === 'light' || theme === 'dark') params.set('theme', theme);
  else if (!isBlank(theme)) error('theme', { value: String(theme) });

  let h = Number(height);
  if (!Number.isInteger(h) || h < HEIGHT_RANGE.min || h > HEIGHT_RANGE.max) {
    error('height', { value: String(height), min: HEIGHT_RANGE.min, max: HEIGHT_RANGE.max });
    h = HEIGHT_RANGE.default;
  }

  const query = params.toString().replace(/%2C/gi, ',');
  const url = query ? `${href}?${query}` : href;
  return { url, html: iframeHtml(url, title, h), problems };
}
