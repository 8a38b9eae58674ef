// hydrate.js — bring the lesson the build prerendered (scripts/prerender.mjs) to life instead of building it
// again. The build ran render.js over the same content, so the page's text, formulas and references are
// already there and stay as they are (scroll position, open disclosures and selections are kept); only the
// hosts that hooks fill (quick checks, the walkthrough, figures, predict checks, completion) are filled again,
// in place, and the few listeners of static markup are attached.
//
// The markup is taken over only when it was made from this very content: the build stamps it with the
// content's SHA-256 (contentStamp), and the page compares it with the content it loaded. A course site or a
// test that serves other content gets a full render.

import { HOST_CLASSES, wireReferences } from './render.js';
import { focusableWhileScrolling } from '../ui/inline.js';
import { nextTask } from '../ui/scheduling.js';

const HOST_SELECTOR = Object.values(HOST_CLASSES)
  .map((name) => `.${name}`)
  .join(', ');

/** Hex SHA-256 of the content as JSON (null where the page has no Web Crypto: it then renders from scratch). */
export async function contentStamp(content) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(content)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The blocks whose host a hook fills, in document order (deep dives included). */
function hookedBlocks(blocks, out = []) {
  for (const block of blocks) {
    if (block.type === 'deepdive') hookedBlocks(block.blocks, out);
    else if (HOST_CLASSES[block.type]) out.push(block);
  }
  return out;
}

/** The outermost hook hosts inside `node`, in document order. */
function hostsIn(node) {
  return [...node.querySelectorAll(HOST_SELECTOR)].filter((host) => !host.parentElement.closest(HOST_SELECTOR));
}

/**
 * How each prerendered section pairs with the content: [{ node, section, pairs: [[block, host]] }], or null
 * when anything differs (a section, its order, a host's kind), in which case nothing has been touched.
 */
function plan(lesson, sections) {
  const nodes = [...lesson.children];
  if (nodes.length !== sections.length) return null;
  const out = [];
  for (const [i, section] of sections.entries()) {
    const node = nodes[i];
    if (node.tagName !== 'SECTION' || node.id !== section.id) return null;
    const blocks = hookedBlocks(section.blocks);
    const hosts = hostsIn(node);
    if (hosts.length !== blocks.length) return null;
    if (blocks.some((block, j) => !hosts[j].classList.contains(HOST_CLASSES[block.type]))) return null;
    out.push({ node, section, pairs: blocks.map((block, j) => [block, hosts[j]]) });
  }
  return out;
}

/** The radio choices a learner made before the scripts ran, to be made again in the live check. */
function choicesIn(host) {
  return [...host.querySelectorAll('input[type="radio"]:checked')].map((input) => input.id);
}

function restoreChoices(host, ids) {
  if (host.querySelector('input[type="radio"]:checked')) return; // a saved answer wins
  for (const id of ids) {
    const input = host.querySelector(`#${CSS.escape(id)}`);
    if (!input) continue;
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** True when `lesson` holds the build's markup of exactly this content (as loaded, before withDurations). */
export async function isPrerenderOf(lesson, content) {
  const stamp = lesson.dataset.prerendered;
  return Boolean(stamp) && stamp === (await contentStamp(content));
}

/**
 * Take over the prerendered sections in `lesson` with the render context `ctx` (its hooks set); call it only
 * when isPrerenderOf() said yes. Resolves to the section nodes, or null when the markup does not pair with the
 * content's sections and hosts (nothing touched; the caller renders instead). One section per task: the page
 * answers input while the rest is taken over, and a choice made meanwhile is kept like one made before.
 */
export async function hydrateLesson(lesson, content, ctx) {
  const sections = plan(lesson, content.sections);
  if (!sections) return null;
  for (const [i, { node, section, pairs }] of sections.entries()) {
    if (i > 0) await nextTask();
    // Formulas and inline math outside the hosts: the hosts' own are made again below.
    for (const math of node.querySelectorAll('.formula, math')) {
      if (!math.closest(HOST_SELECTOR) && (math.matches('.formula') || !math.closest('.formula')))
        focusableWhileScrolling(math);
    }
    const references = node.querySelector('.references-disclosure');
    if (references) wireReferences(references, ctx);
    for (const [block, host] of pairs) {
      const choices = choicesIn(host);
      host.replaceChildren();
      ctx.hooks[block.type]?.(block, host, section);
      restoreChoices(host, choices);
    }
  }
  delete lesson.dataset.prerendered;
  return sections.map((s) => s.node);
}
