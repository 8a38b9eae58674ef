// Embed parameters from the page URL (docs/embedding.md). Pure: no DOM, no globals — unit-tested in
// tests/web/embed-params.test.mjs. Every value is checked; an invalid value falls back to its default
// (and is listed in `ignored`, so the page can log it for a course author).
//
//   parseEmbedParams(search, { walkthroughSteps?, hideable? }) -> {
//     embed: boolean,            embed=1|true|yes → compact layout, no site chrome, external links in a new tab
//     teacher: boolean,          teacher=1|true|yes → answers and explanations shown, the teacher panel
//                                (presets, embed-snippet builder); not a secret: the answers ship with the page
//     step: number | null,       step=N (1-based) → open the walkthrough at step N (1..walkthroughSteps)
//     preset: { name, figure, state } | null   preset=NAME → a playground or training preset (PRESETS below)
//     hide: string[],            hide=quiz,certificate,… → parts to hide (HIDEABLE; unknown names ignored)
//     pass: number | null,       pass=0..100 → quick-check score (%) needed before "Mark complete" and the
//                                certificate are enabled; null = always enabled (the default)
//     theme: 'light'|'dark'|null theme=light|dark
//     origins: string[],         origin=https://lms.example.org (repeatable, or comma-separated): extra host
//                                origins allowed to receive events and send commands (besides the page's
//                                <meta name="normlab-allowed-origins"> list)
//     ignored: string[]          "name=value" pairs that were present but invalid
//   }

export const EMBED_PARAMS_VERSION = 1;

/** Parts a host may hide with hide=…; each maps to selectors in web/styles/embed.css / main.js. */
export const HIDEABLE = Object.freeze([
  'quiz', // every quick check (the score then counts none: use with pass unset)
  'certificate', // the name form and the certificate (completion itself stays)
  'walkthrough', // the interactive walkthrough section
  'playground', // the playground section
  'training', // the training simulation section
  'deepdives', // the deep-dive panels
  'references', // the references list
  'toc', // the table of contents
  'progress', // the header progress bar
  'reset', // the "Reset progress" button
  'transfer', // the "Your progress" export/import panel
]);

/**
 * Presets a host can open the lesson with. Playground presets set the playground's state (the same fields as
 * its "#pg=" fragment, web/src/figures/playground/hash.js); training presets ("fair", "hard", "transformer", "conv")
 * are passed to the training figure as { preset } (web/src/training/presets.js).
 */
export const PRESETS = Object.freeze({
  // training simulation
  fair: { figure: 'training', state: { preset: 'fair' } },
  hard: { figure: 'training', state: { preset: 'hard' } },
  transformer: { figure: 'training', state: { preset: 'transformer' } },
  conv: { figure: 'training', state: { preset: 'conv' } },
  // playground
  batchnorm: { figure: 'playground', state: { kind: 'batch' } },
  layernorm: { figure: 'playground', state: { kind: 'layer' } },
  rmsnorm: { figure: 'playground', state: { kind: 'rms' } },
  groupnorm: { figure: 'playground', state: { kind: 'group' } },
  instancenorm: { figure: 'playground', state: { kind: 'instance' } },
  'small-batch': { figure: 'playground', state: { kind: 'batch', n: 2 } },
  inference: { figure: 'playground', state: { kind: 'batch', mode: 'eval' } },
});

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

/** A web origin ("https://host[:port]") or null; paths, credentials and other schemes are rejected. */
export function cleanOrigin(text) {
  if (typeof text !== 'string' || text.length > 300) return null;
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  return url.origin;
}

/** A list of origins from a comma/space-separated string (invalid entries dropped, duplicates removed). */
export function parseOriginList(text) {
  if (typeof text !== 'string') return [];
  const out = [];
  for (const part of text.split(/[\s,]+/)) {
    const origin = part ? cleanOrigin(part) : null;
    if (origin && !out.includes(origin)) out.push(origin);
  }
  return out;
}

/**
 * @param {string | URLSearchParams} search  location.search (with or without "?")
 * @param {{ walkthroughSteps?: number }} [options]
 */
export function parseEmbedParams(search, { walkthroughSteps = 6 } = {}) {
  const params =
    search instanceof URLSearchParams ? search : new URLSearchParams(typeof search === 'string' ? search : '');
  const ignored = [];
  const bad = (name, value) => ignored.push(`${name}=${String(value).slice(0, 40)}`);
  // A parameter with one value: `parse` gives the value of its trimmed text, or undefined when the text is
  // invalid (then the parameter is listed in `ignored` and keeps its default, as an absent one does).
  const single = (name, parse, fallback) => {
    const text = params.get(name)?.trim();
    if (text === undefined) return fallback;
    const value = parse(text);
    if (value !== undefined) return value;
    bad(name, text);
    return fallback;
  };
  const flag = (text) => {
    const v = text.toLowerCase();
    return TRUE.has(v) ? true : FALSE.has(v) ? false : undefined;
  };
  const inRange = (n, lo, hi) => (n >= lo && n <= hi ? n : undefined);
  const oneOf = (allowed) => (text) => (allowed.includes(text.toLowerCase()) ? text.toLowerCase() : undefined);

  const embed = single('embed', flag, false);
  const teacher = single('teacher', flag, false);
  const step = single('step', (s) => (/^\d{1,3}$/.test(s) ? inRange(Number(s), 1, walkthroughSteps) : undefined), null);
  const presetName = single('preset', oneOf(Object.keys(PRESETS)), null);
  const preset = presetName && { name: presetName, ...PRESETS[presetName], state: { ...PRESETS[presetName].state } };

  const hide = [];
  for (const raw of params.getAll('hide')) {
    for (const part of raw.split(',')) {
      const name = part.trim().toLowerCase();
      if (!name) continue;
      if (HIDEABLE.includes(name)) {
        if (!hide.includes(name)) hide.push(name);
      } else bad('hide', name);
    }
  }

  const pass = single('pass', (s) => (/^\d{1,3}(\.\d+)?$/.test(s) ? inRange(Number(s), 0, 100) : undefined), null);
  const theme = single('theme', oneOf(['light', 'dark']), null);

  const origins = [];
  for (const raw of params.getAll('origin')) {
    const list = parseOriginList(raw);
    if (!list.length) bad('origin', raw);
    for (const o of list) if (!origins.includes(o)) origins.push(o);
  }

  return { embed, teacher, step, preset, hide, pass, theme, origins, ignored };
}
