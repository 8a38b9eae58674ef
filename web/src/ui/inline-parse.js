// inline-parse.js — the lesson's inline markup as tokens, with no DOM and no dependencies, so the content
// schema (in Node at build time) and the renderer (ui/inline.js) read markup the same way.
//
//   parseInline(text) -> Token[]   { type: 'text'|'strong'|'em'|'code'|'math'|'link'|'cite'|'claim', text, href?,
//                                     ref?, claim? }
// A claim marker `[claim:id]` ties the sentence before it to the native test that recomputes it
// (tests/core/claims.hpp); it renders as nothing (its token's text is empty).
//
// parseInline never produces HTML: every token carries plain text that the renderer puts into text nodes.
// A math token carries TeX source; the build renders it to a MathML tree (scripts/tex-to-mathml.mjs).
// Links are only produced for http(s) URLs and in-page fragments (#id); anything else stays plain text.

const HTTP_URL_RE = /^https?:\/\/[^\s<>"'`]+$/i;
const FRAGMENT_RE = /^#[A-Za-z][A-Za-z0-9_-]*$/;
/** A citation id: kebab-case, as the references' ids. */
export const CITE_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for an href the renderer may turn into a link: http(s) URLs and in-page fragments. */
export function isSafeHref(href) {
  if (typeof href !== 'string') return false;
  return HTTP_URL_RE.test(href) || FRAGMENT_RE.test(href);
}

const ESCAPABLE = new Set(['\\', '*', '`', '[', ']', '(', ')', '_', '$']);

/**
 * Parse inline text into tokens. Supported: **strong**, *em*, `code`, $TeX$, [text](https://… or #id), [@ref],
 * [claim:id].
 * Markers that are not closed, and links with any other target, come out as plain text.
 * A backslash escapes the next markup character (\* \` \[ \] \( \) \$ \\); inside $…$ the TeX is kept as
 * written: TeX's own backslashes stay, and a dollar sign inside it is TeX's `\$`.
 * Strong/em/link text is plain (no nesting), which keeps the parser and the renderer trivial.
 * @param {string} text
 * @returns {{type: string, text: string, href?: string, ref?: string}[]}
 */
export function parseInline(text) {
  const tokens = [];
  if (typeof text !== 'string' || text.length === 0) return tokens;
  let buf = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.has(text[i + 1])) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    const found = delimitedAt(text, i) ?? bracketedAt(text, i);
    if (!found) {
      buf += ch;
      i += 1;
      continue;
    }
    if (found.token) {
      if (buf) pushText(tokens, buf);
      buf = '';
      tokens.push(found.token);
    } else {
      buf += found.plain;
    }
    i = found.end;
  }
  if (buf) pushText(tokens, buf);
  return tokens;
}

// The markup that opens at text[i] with a delimiter (`code`, $TeX$, **strong**, *em*): { token, end } past its
// close, or null when none opens there or it is not closed (the character is then plain text).
function delimitedAt(text, i) {
  const ch = text[i];
  if (ch === '`') {
    const end = text.indexOf('`', i + 1);
    if (end > i + 1) return { token: { type: 'code', text: text.slice(i + 1, end) }, end: end + 1 };
  }
  if (ch === '$') {
    const end = findClosing(text, i + 1, '$');
    if (end > i + 1) return { token: { type: 'math', text: text.slice(i + 1, end) }, end: end + 1 };
  }
  if (ch === '*' && text[i + 1] === '*') {
    const end = findClosing(text, i + 2, '**');
    if (end > i + 2) return { token: { type: 'strong', text: unescape(text.slice(i + 2, end)) }, end: end + 2 };
  } else if (ch === '*' && i + 1 < text.length && !/\s/.test(text[i + 1])) {
    const end = findEmClose(text, i + 1);
    if (end > i + 1) return { token: { type: 'em', text: unescape(text.slice(i + 1, end)) }, end: end + 1 };
  }
  return null;
}

// The markup that opens at text[i] with "[" ([@ref], [claim:id], [text](href)): { token, end }, or
// { plain, end } for a link whose target is unsafe or malformed (kept as written, never a link), or null.
function bracketedAt(text, i) {
  if (text[i] !== '[') return null;
  const m = /^\[@([^\]\s]+)\]/.exec(text.slice(i));
  if (m && CITE_ID_RE.test(m[1])) return { token: { type: 'cite', text: m[1], ref: m[1] }, end: i + m[0].length };
  const claim = /^\[claim:([^\]\s]+)\]/.exec(text.slice(i));
  if (claim && CITE_ID_RE.test(claim[1])) {
    return { token: { type: 'claim', text: '', claim: claim[1] }, end: i + claim[0].length };
  }
  const link = matchLink(text, i);
  if (!link) return null;
  if (isSafeHref(link.href) && link.label.trim() !== '') {
    return { token: { type: 'link', text: unescape(link.label), href: link.href }, end: link.end };
  }
  return { plain: text.slice(i, link.end), end: link.end };
}

function pushText(tokens, s) {
  const last = tokens[tokens.length - 1];
  if (last && last.type === 'text') last.text += s;
  else tokens.push({ type: 'text', text: s });
}

function unescape(s) {
  return s.replace(/\\([\\*`[\]()_$])/g, '$1');
}

// Index of the next unescaped occurrence of `marker` at or after `from`, or -1.
function findClosing(text, from, marker) {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(marker, j)) return j;
  }
  return -1;
}

// Closing `*` for emphasis: unescaped, not part of `**`, preceded by a non-space character.
function findEmClose(text, from) {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === '*') {
      if (text[j + 1] === '*') return -1;
      if (j > from && !/\s/.test(text[j - 1])) return j;
      return -1;
    }
  }
  return -1;
}

// [label](href) starting at i; the label may not contain unescaped brackets, the href no spaces.
function matchLink(text, i) {
  let j = i + 1;
  let label = '';
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === '\\' && j + 1 < text.length) {
      label += c + text[j + 1];
      j++;
      continue;
    }
    if (c === '[') return null;
    if (c === ']') break;
    label += c;
  }
  if (j >= text.length || text[j + 1] !== '(') return null;
  const close = text.indexOf(')', j + 2);
  if (close < 0) return null;
  const href = text.slice(j + 2, close);
  if (/\s/.test(href)) return null;
  return { label, href, end: close + 1 };
}
