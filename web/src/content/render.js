// Typed content blocks (docs/content-schema.md) -> DOM.
//
// Only createElement/textContent: content text never reaches innerHTML, so a stray "<" in the lesson (or in
// anything a learner types) is shown as text. Inline markup is rendered by ui/inline.js.
// Interactive blocks (quiz, walkthrough, figure, predict, review, mastery, completion) are built by hooks that
// main.js passes in, so this module stays a pure content renderer.

import { el } from '../ui/el.js';
import { focusableWhileScrolling, inline, mathNode, renderLink } from '../ui/inline.js';
import { formulaParts, mathTables } from './math-sources.js';
import { lessonDurations, wholeMinutes } from './durations.js';
import { t } from '../i18n/i18n.js';

/**
 * @typedef {object} RenderContext
 * @property {Map<string, object>} refs        references by id
 * @property {object} hooks                    { <interactive block type> }(block, host, section)
 * @property {Map<string, number>} [partMinutes] computed minutes of each optional part, by id (durations.js)
 * @property {{display: Map, inline: Map}} [math] the build's MathML trees by TeX (content/math-sources.js)
 */

/**
 * The render context of a content file, with no hooks yet: references, each optional part's minutes, the
 * formulas' MathML trees. The page (main.js) and the build's prerender (scripts/prerender.mjs) share it.
 */
export function lessonContext(content, { teacher = false } = {}) {
  const partMinutes = new Map(lessonDurations(content).optionalParts.map((p) => [p.id, wholeMinutes(p.minutes)]));
  const refs = new Map(content.references.map((r) => [r.id, r]));
  return { refs, hooks: {}, teacher, partMinutes, math: mathTables(content) };
}

/** The lesson's badges ("Interactive", "~15 min", …) as list items (the header's, above the sections). */
export function renderBadges(content) {
  return content.badges.map((b) => el('li', { text: b }));
}

function renderList(items, ordered, ctx, className) {
  const list = el(ordered ? 'ol' : 'ul', { className });
  for (const item of items) list.append(inline('li', item, ctx));
  return list;
}

/** The class of the element each hooked block's hook fills (content/hydrate.js finds them by it). */
export const HOST_CLASSES = Object.freeze({
  figure: 'figure-mount',
  quiz: 'quiz-host',
  walkthrough: 'walkthrough-host',
  predict: 'predict-host',
  review: 'review-host',
  mastery: 'mastery-host',
  completion: 'completion-host',
});

function renderReferences(ctx) {
  const list = el('ol', { className: 'references' });
  for (const ref of ctx.refs.values()) {
    const item = el('li', { id: ref.id, tabindex: '-1' });
    item.append(
      el('span', { className: 'ref-authors', text: `${ref.authors} (${ref.year}). ` }),
      el('cite', { className: 'ref-title', text: ref.title }),
      document.createTextNode(`. ${ref.venue}. `),
      renderLink({ href: ref.url, text: ref.url.replace(/^https:\/\//, '') }),
    );
    list.append(item);
  }
  // The list is looked up rather than read, so it is folded away; a citation opens it (ui/inline.js unfoldTo),
  // and so does an address that names an entry, on load and on a later hash change.
  const details = el(
    'details',
    { className: 'go-deeper references-disclosure' },
    el(
      'summary',
      {},
      el('span', { className: 'deepdive-title', text: t('common.referencesSummary', { count: ctx.refs.size }) }),
    ),
    list,
  );
  wireReferences(details, ctx);
  return details;
}

/** Opens the References disclosure when the address names an entry, on load and on a later hash change. */
export function wireReferences(details, ctx) {
  // The address's fragment also carries the playground's settings, which need not be a valid URI component.
  const revealFromHash = () => {
    let id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return;
    }
    if (id && ctx.refs.has(id)) {
      details.open = true;
      document.getElementById(id)?.scrollIntoView();
    }
  };
  window.addEventListener('hashchange', revealFromHash);
  queueMicrotask(revealFromHash);
}

/**
 * A display formula: its parts (each a <math> built from the build's tree, see ui/math-tree.js) wrap as units,
 * and the group carries the author's spoken label; the MathML itself stays readable and selectable. Without a
 * built tree (a content file that did not go through the build) the TeX source is shown as code.
 */
function renderFormula(block, ctx) {
  const box = el('div', { className: 'formula', role: 'group', 'aria-label': block.label });
  const parts = el('div', { className: 'formula-parts' });
  for (const tex of formulaParts(block)) parts.append(mathNode(tex, ctx?.math?.display, 'formula-part'));
  box.append(parts);
  focusableWhileScrolling(box);
  return box;
}

/**
 * Render one block into `parent`.
 * @param {object} block
 * @param {HTMLElement} parent
 * @param {RenderContext} ctx
 * @param {object} section the section the block belongs to
 */
export function renderBlock(block, parent, ctx, section) {
  if (block.goDeeper && !ctx.folded) {
    parent.append(renderFolded(block, ctx, section));
    return;
  }
  switch (block.type) {
    case 'paragraph':
      parent.append(inline('p', block.text, ctx));
      break;
    case 'heading':
      parent.append(inline('h3', block.text, ctx, { className: 'block-heading' }));
      break;
    case 'list':
      parent.append(renderList(block.items, block.ordered, ctx));
      break;
    case 'callout': {
      const box = el('div', { className: `callout callout-${block.variant}`, role: 'note' });
      box.append(el('p', { className: 'callout-title', text: block.title }), inline('p', block.text, ctx));
      parent.append(box);
      break;
    }
    case 'formula':
      parent.append(renderFormula(block, ctx));
      break;
    case 'figure': {
      const fig = el('figure', { className: 'lesson-figure' });
      const host = el('div', { className: HOST_CLASSES.figure });
      fig.append(host, inline('figcaption', block.caption, ctx));
      parent.append(fig);
      ctx.hooks.figure?.(block, host, section);
      break;
    }
    case 'deepdive':
      parent.append(renderDeepDive(block, ctx, section));
      break;
    case 'takeaways':
      parent.append(renderList(block.items, false, ctx, 'takeaways'));
      break;
    case 'quiz':
    case 'walkthrough':
    case 'predict':
    case 'review':
    case 'mastery':
    case 'completion': {
      // An empty <type>-host that the hook of the same name fills (main.js, web/src/mastery/hooks.js).
      const host = el('div', { className: HOST_CLASSES[block.type] });
      parent.append(host);
      ctx.hooks[block.type]?.(block, host, section);
      break;
    }
    case 'references':
      parent.append(renderReferences(ctx));
      break;
    default:
      // validateContent rejects unknown types; render nothing rather than guess.
      break;
  }
}

/** An optional part: the block folded away under its title and its own time, one click from the core path. */
function renderFolded(block, ctx, section) {
  const details = el('details', { className: 'go-deeper', 'data-part': block.id || block.figure });
  const summary = el(
    'summary',
    {},
    inline('span', t('common.goDeeper', { title: block.goDeeper }), ctx, { className: 'deepdive-title' }),
    partTime(block.id || block.figure, ctx),
  );
  const body = el('div', { className: 'deepdive-body' });
  renderBlock(block, body, { ...ctx, folded: true }, section);
  details.append(summary, body);
  return details;
}

/** A deep dive: its blocks in a disclosure titled with its own time. */
function renderDeepDive(block, ctx, section) {
  const details = el('details', { className: 'deepdive', id: block.id });
  const summary = el(
    'summary',
    {},
    el('span', { className: 'deepdive-title', text: block.title }),
    partTime(block.id, ctx),
  );
  const body = el('div', { className: 'deepdive-body' });
  renderBlocks(block.blocks, body, ctx, section);
  details.append(summary, body);
  return details;
}

/** "optional · about 3 min" for an optional part whose minutes the context knows (nothing otherwise). */
function partTime(id, ctx) {
  const minutes = ctx.partMinutes?.get(id);
  if (minutes === undefined) return null;
  return el('span', { className: 'part-time', text: t('common.partMinutes', { minutes: String(minutes) }) });
}

export function renderBlocks(blocks, parent, ctx, section) {
  for (const block of blocks) renderBlock(block, parent, ctx, section);
}

/** A whole section: <section id aria-labelledby><h2/>blocks</section>. */
export function renderSection(section, ctx) {
  const titleId = `${section.id}-title`;
  const node = el('section', {
    className: 'lesson-section',
    id: section.id,
    'aria-labelledby': titleId,
    'data-section': section.id,
  });
  node.append(el('h2', { id: titleId, tabindex: '-1', text: section.title }));
  renderBlocks(section.blocks, node, ctx, section);
  return node;
}

/** Every quiz block with its section, in document order (deep dives cannot hold quizzes). */
export function collectQuizzes(content) {
  const out = [];
  for (const section of content.sections) {
    for (const block of section.blocks) if (block.type === 'quiz') out.push({ quiz: block, section });
  }
  return out;
}
