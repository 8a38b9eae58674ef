// Boot: theme, progress store, content (load + validate, or a clear error panel), sections in order,
// quick checks, walkthrough, figures (lazily), progress bar + table of contents, reading and time tracking,
// and keeping two tabs in step. Embedding (web/src/embed/): URL parameters, layout, the host message
// channel and auto-height; the LMS layer (web/src/lms/) picks SCORM 2004 / 1.2 / standalone and supplies the
// progress store's storage backend under an LMS.

import { validateContent } from './content/schema.js';
import { h, renderSection } from './content/render.js';
import { QuickCheck } from './quiz/quick-check.js';
import { LessonWalkthrough } from './walkthrough/lesson-walkthrough.js';
import { mountFigureWhenVisible } from './figures/registry.js';
import { createSafeStorage } from './state/storage.js';
import { createProgressStore, STORAGE_KEY } from './state/progress.js';
import { createProgressBar, createToc, lessonModel } from './progress/progress-bar.js';
import { createCompletion } from './certificate/certificate.js';
import { initTheme } from './ui/theme.js';
import { parseEmbedParams } from './embed/params.js';
import {
  applyLayout, createEmbedBridge, externalLinksInNewTab, newTabUrl, readAllowedOrigins, themeStorage,
} from './embed/embed-mode.js';
import { createProgressTransfer } from './embed/progress-transfer.js';
import { installOfflineData } from './embed/offline-data.js';
import { connectLms } from './lms/index.js';
import { summarize } from './progress/progress-bar.js';

// The content file is emitted as its own asset (so it can be inspected, and replaced in tests).
const contentUrls = import.meta.glob('../content/lesson.json', { query: '?url', import: 'default', eager: true });
const CONTENT_URL = Object.values(contentUrls)[0] || null;

const READ_AFTER_MS = 1500;
const TIME_TICK_MS = 15000;

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// Notices (storage problems): discreet, polite, dismissible.

function createNotices(root) {
  const shown = new Map();
  return {
    show(key, text) {
      if (shown.has(key)) {
        shown.get(key).querySelector('.notice-text').textContent = text;
        return;
      }
      const close = h('button', { type: 'button', className: 'notice-close', 'aria-label': 'Dismiss this notice' });
      close.textContent = '×';
      const box = h('div', { className: 'notice', role: 'status', 'data-notice': key },
        h('p', { className: 'notice-text', text }), close);
      close.addEventListener('click', () => {
        box.remove();
        shown.delete(key);
      });
      shown.set(key, box);
      root.append(box);
    },
  };
}

function storageNotice(failure) {
  const why = failure?.reason === 'quota' ? 'the browser storage for this site is full'
    : failure?.reason === 'blocked' ? 'this browser or embedding page does not allow it'
      : 'browser storage is not available here';
  return `Your progress can't be saved in this browser (${why}). It is kept while this page stays open; ` +
    'open the lesson in its own tab to keep it between visits, or save your progress code (under “Finished this lesson?”).';
}

/** "Open in a new tab" in the toolbar, for a lesson inside a frame (not under an LMS: it tracks the frame). */
function addNewTabLink() {
  const toolbar = document.querySelector('#toolbar .toolbar-inner');
  if (!toolbar || document.getElementById('open-new-tab')) return;
  const link = h('a', { id: 'open-new-tab', className: 'button open-new-tab', href: newTabUrl(location.href),
    target: '_blank', rel: 'noopener', text: 'Open in a new tab' });
  toolbar.insertBefore(link, document.getElementById('theme-toggle'));
}

// ---------------------------------------------------------------------------------------------
// Content

async function loadContent() {
  if (!CONTENT_URL) throw new Error('This build does not include the lesson content file (web/content/lesson.json).');
  const response = await fetch(CONTENT_URL, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`The lesson content could not be fetched (HTTP ${response.status}).`);
  try {
    return await response.json();
  } catch {
    throw new Error('The lesson content file is not valid JSON.');
  }
}

function showContentProblem(lesson, { title, message, errors = [], retry }) {
  const panel = h('div', { className: 'content-error', role: 'alert' },
    h('h2', { text: title }), h('p', { text: message }));
  if (errors.length) {
    const list = h('ul', { className: 'content-error-list' });
    for (const e of errors.slice(0, 50)) list.append(h('li', {}, h('code', { text: e })));
    if (errors.length > 50) list.append(h('li', { text: `… and ${errors.length - 50} more.` }));
    panel.append(list);
  }
  if (retry) {
    const button = h('button', { type: 'button', className: 'button', text: 'Try again' });
    button.addEventListener('click', retry);
    panel.append(button);
  }
  lesson.replaceChildren(panel);
  lesson.dataset.contentStatus = errors.length ? 'invalid' : 'error';
  lesson.removeAttribute('aria-busy');
}

// ---------------------------------------------------------------------------------------------
// Reading and time tracking

function trackReading(sectionNodes, store, toc) {
  if (typeof IntersectionObserver !== 'function') return;
  const timers = new Map();
  const visibleHeights = new Map();
  const thresholds = Array.from({ length: 41 }, (_, i) => i / 40);
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const id = entry.target.id;
      const viewport = entry.rootBounds ? entry.rootBounds.height : window.innerHeight;
      const seen = entry.isIntersecting ? entry.intersectionRect.height : 0;
      visibleHeights.set(id, seen);
      // "In view": a good part of the screen, or most of a short section.
      const inView = seen > 0 && seen >= Math.min(viewport * 0.4, entry.boundingClientRect.height * 0.6);
      if (inView && !timers.has(id)) {
        timers.set(id, setTimeout(() => {
          timers.delete(id);
          if (document.visibilityState !== 'hidden') store.markSectionRead(id);
        }, READ_AFTER_MS));
      } else if (!inView && timers.has(id)) {
        clearTimeout(timers.get(id));
        timers.delete(id);
      }
    }
    let best = null;
    for (const [id, height] of visibleHeights) if (height > 0 && (!best || height > visibleHeights.get(best))) best = id;
    if (best) toc.setCurrent(best);
  }, { threshold: thresholds });
  for (const node of sectionNodes) observer.observe(node);
}

function trackTime(store) {
  let since = document.visibilityState === 'visible' ? performance.now() : null;
  const tick = () => {
    const now = performance.now();
    if (since !== null) store.addTime(now - since);
    since = document.visibilityState === 'visible' ? now : null;
  };
  setInterval(tick, TIME_TICK_MS);
  document.addEventListener('visibilitychange', tick);
  window.addEventListener('pagehide', tick);
}

// ---------------------------------------------------------------------------------------------
// Boot

function setupTocDisclosure() {
  const details = $('toc-details');
  if (!details || typeof matchMedia !== 'function') return;
  const wide = matchMedia('(min-width: 1100px)');
  const summary = details.querySelector('summary');
  // Wide screens: a permanent sidebar (the disclosure is neither collapsible nor a tab stop).
  const apply = () => {
    details.open = wide.matches;
    if (wide.matches) summary.setAttribute('tabindex', '-1');
    else summary.removeAttribute('tabindex');
  };
  apply();
  wide.addEventListener('change', apply);
  details.addEventListener('toggle', () => {
    if (wide.matches && !details.open) details.open = true;
  });
  // On narrow screens, close the contents after jumping to a section.
  details.addEventListener('click', (event) => {
    if (!wide.matches && event.target.closest('a')) details.open = false;
  });
}

/** Keep the header's toolbar (progress, theme) on screen: the header sticks at minus its title block's height. */
function setupStickyToolbar() {
  const header = $('site-header');
  const title = header?.querySelector('.header-inner');
  if (!header || !title) return;
  const place = () => { header.style.top = `-${title.offsetHeight}px`; };
  place();
  if (typeof ResizeObserver === 'function') new ResizeObserver(place).observe(title);
  header.classList.add('is-sticky');
}

async function boot() {
  if (__NORMLAB_SINGLE_FILE__) installOfflineData(window);
  const params = parseEmbedParams(location.search);
  if (params.ignored.length) console.warn(`Normlab: ignored invalid parameters: ${params.ignored.join(', ')}`);
  const framed = window.parent !== window;
  applyLayout(document, params, { framed });
  // SCORM 2004 / 1.2 when an LMS API is found, else standalone; under an LMS the progress lives in
  // suspend_data (lms.backend keeps it in memory for the page) and nothing reaches localStorage.
  const lms = connectLms({ storageKey: STORAGE_KEY });
  document.documentElement.dataset.lms = lms.kind;
  const storage = createSafeStorage(() => lms.backend || window.localStorage);
  initTheme($('theme-toggle'), themeStorage(storage, params.theme));
  const notices = createNotices($('notices'));
  storage.onFailure((failure) => notices.show('storage', storageNotice(failure)));
  if (framed && lms.kind === 'standalone') addNewTabLink();
  if (lms.restored === 'unreadable') notices.show('recovered', 'The lesson state saved by your course site could not be read, so the lesson starts fresh.');

  const store = createProgressStore({ storage });
  if (storage.mode === 'memory') notices.show('storage', storageNotice(storage.failure));
  if (store.recovered) {
    notices.show('recovered', 'Progress saved earlier in this browser could not be read, so the lesson starts fresh. ' +
      'The unreadable data has been kept aside.');
  }
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) store.applyExternal(event.key === null ? null : event.newValue);
  });
  setupTocDisclosure();
  setupStickyToolbar();

  const lesson = $('lesson');
  let content;
  try {
    content = await loadContent();
  } catch (error) {
    showContentProblem(lesson, {
      title: 'The lesson could not be loaded',
      message: `${error.message} Check your connection and try again.`,
      retry: () => window.location.reload(),
    });
    return;
  }
  const errors = validateContent(content);
  if (errors.length) {
    showContentProblem(lesson, {
      title: 'The lesson content has errors',
      message: `The content file does not match the lesson schema (${errors.length} problem${errors.length === 1 ? '' : 's'}). ` +
        'A course author can fix it in web/content/lesson.json; see docs/content-schema.md.',
      errors,
    });
    return;
  }
  const passMark = lms.passMark ?? params.pass;
  renderLesson(content, { lesson, store, embed: { params, framed, lms, passMark, storage } });
}

function renderLesson(content, { lesson, store, embed }) {
  const { params, framed, lms, passMark, storage } = embed;
  document.title = `${content.title} · Normlab`;
  document.documentElement.lang = content.lang;
  $('lesson-title').textContent = content.title;
  const badges = $('lesson-badges');
  badges.replaceChildren(...content.badges.map((b) => h('li', { text: b })));

  const model = lessonModel(content);
  const refs = new Map(content.references.map((r) => [r.id, r]));
  const quizzes = [];
  const walkthroughs = [];
  const completions = [];
  const totalQuizzes = model.quizzes.length;

  const ctx = { refs, hooks: {} };
  ctx.hooks.quiz = (block, host) => {
    const index = model.quizzes.findIndex((q) => q.id === block.id) + 1;
    quizzes.push(new QuickCheck(host, block, { ctx, store, index, total: totalQuizzes }));
  };
  ctx.hooks.walkthrough = (block, host) => {
    walkthroughs.push(new LessonWalkthrough(host, block, {
      ctx, store,
      mountFigure: (name, container, opts) => mountFigureWhenVisible(name, container, { ...opts, text: content.figureText }),
    }));
  };
  ctx.hooks.figure = (block, host, section) => {
    const countsAsPlayground = block.figure === 'playground' && section.id === 'playground';
    const preset = params.preset && params.preset.figure === block.figure ? params.preset.state : undefined;
    mountFigureWhenVisible(block.figure, host, {
      // refs: figures that cite papers (the model map) link to the References list.
      text: { ...content.figureText, refs },
      ...(preset ? { state: preset } : {}),
      onInteract: countsAsPlayground ? () => store.markPlaygroundUsed() : undefined,
    });
  };
  ctx.hooks.completion = (block, host) => {
    completions.push(createCompletion(host, {
      content, model, store, passMark,
      learnerName: lms.learnerName,
      nameHint: lms.kind === 'standalone' ? undefined : 'Filled in from your course site; it is saved there, not in this browser.',
    }));
    if (lms.kind === 'standalone') createProgressTransfer(host, { store });
  };

  const nodes = content.sections.map((section) => renderSection(section, ctx));
  lesson.replaceChildren(...nodes);
  lesson.dataset.contentStatus = 'valid';
  lesson.removeAttribute('aria-busy');

  const bar = createProgressBar($('progress'), model);
  const toc = createToc($('toc-list'), content, model);
  const sync = (progress) => {
    bar.update(progress);
    toc.update(progress);
    for (const q of quizzes) q.sync(progress);
    for (const w of walkthroughs) w.sync(progress);
    for (const c of completions) c.sync(progress);
  };
  store.subscribe(sync);
  sync(store.state);

  const tracked = new Set(model.sections.map((s) => s.id));
  trackReading(nodes.filter((n) => tracked.has(n.id)), store, toc);
  trackTime(store);

  if (params.embed || framed) externalLinksInNewTab(lesson);
  if (params.step && walkthroughs[0]) {
    try { walkthroughs[0].go(params.step - 1); } catch (error) { console.warn(error); }
  }
  const bridge = createEmbedBridge({
    framed, origins: readAllowedOrigins(document, params), lms, store, model, summarize, passMark,
    storageMode: storage.mode, embed: params.embed,
  });

  // The content arrived after the browser tried to follow the URL fragment: follow it now.
  const target = fragmentTarget(location.hash) || (params.step ? 'walkthrough' : null);
  if (target) document.getElementById(target)?.scrollIntoView();
  document.documentElement.dataset.lessonReady = 'true';
  bridge.ready();
}

/**
 * The section a URL fragment points at: "#playground" → "playground"; a shared playground link
 * ("#pg=kind:batch,…", possibly beside other "&"-separated parts) → "playground". A fragment that is not
 * valid percent-encoding is ignored rather than stopping the lesson.
 */
function fragmentTarget(hash) {
  if (hash.length <= 1) return null;
  let text;
  try {
    text = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  if (text.split('&').some((part) => part.startsWith('pg='))) return 'playground';
  return text;
}

boot().catch((error) => {
  console.error(error);
  const lesson = $('lesson');
  if (lesson) {
    showContentProblem(lesson, {
      title: 'Something went wrong',
      message: `The lesson could not start: ${error.message}`,
      retry: () => window.location.reload(),
    });
  }
});
