// Boot: theme, progress store, content (load + validate, or a clear error panel), sections in order,
// quick checks, walkthrough, figures (lazily), progress bar + table of contents, reading and time tracking,
// and keeping two tabs in step. Embedding (web/src/embed/): URL parameters, layout, the host message
// channel and auto-height; the LMS layer (web/src/lms/) picks SCORM 2004 / 1.2 / standalone and supplies the
// progress store's storage backend under an LMS. The hooks that build the interactive blocks are in
// interactive-blocks.js.

import { withDurations } from './content/durations.js';
import { renderBadges, renderSection } from './content/render.js';
import { interactiveContext } from './interactive-blocks.js';
import { hydrateLesson, isPrerenderOf } from './content/hydrate.js';
import { loadContent } from './content/load-content.js';
import { t } from './i18n/i18n.js';
import { applyStaticText } from './i18n/apply-static.js';
import { createNotices, storageNotice } from './ui/notices.js';
import { showContentProblem } from './ui/content-problem.js';
import { unfoldOnCitation } from './ui/inline.js';
import { afterNextFrame } from './ui/scheduling.js';
import { layOutSections } from './ui/section-layout.js';
import { setupStickyToolbar, setupTocDisclosure } from './ui/page-layout.js';
import { addNewTabLink } from './embed/new-tab-link.js';
import { trackReading, trackTime } from './ui/reading-tracker.js';
import { createSafeStorage } from './state/storage.js';
import { createProgressStore, STORAGE_KEY } from './state/progress.js';
import { createProgressBar, createToc } from './progress/progress-bar.js';
import { lessonModel, summarize } from './progress/score.js';
import { initTheme } from './ui/theme.js';
import { parseEmbedParams } from './embed/params.js';
import {
  applyLayout,
  createEmbedBridge,
  externalLinksInNewTab,
  readAllowedOrigins,
  themeStorage,
} from './embed/embed-mode.js';
import { installOfflineData } from './embed/offline-data.js';
import { findScormApi, STANDALONE } from './lms/find-api.js';
import { addPrintTakeaways } from './teacher/takeaways-sheet.js';

// The content file is emitted as its own asset (so it can be inspected, and replaced in tests). It is the built
// copy of web/content/lesson.json, with the formulas' MathML trees (scripts/validate-content.mjs --out).
const contentUrls = import.meta.glob('../generated/lesson.json', { query: '?url', import: 'default', eager: true });
const CONTENT_URL = Object.values(contentUrls)[0] || null;

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// Boot

async function boot() {
  applyStaticText(document);
  if (__NORMLAB_SINGLE_FILE__) installOfflineData(window);
  const params = parseEmbedParams(location.search);
  if (params.ignored.length) console.warn(`Normlab: ignored invalid parameters: ${params.ignored.join(', ')}`);
  const framed = window.parent !== window;
  applyLayout(document, params, { framed });
  // SCORM 2004 / 1.2 when an LMS API is found, else standalone; under an LMS the progress lives in
  // suspend_data (lms.backend keeps it in memory for the page) and nothing reaches localStorage.
  // The SCORM runtime is loaded only when an API is there (find-api.js is the small part that looks).
  const lms = findScormApi(window)
    ? (await import('./lms/index.js')).connectLms({ storageKey: STORAGE_KEY })
    : STANDALONE;
  document.documentElement.dataset.lms = lms.kind;
  const storage = createSafeStorage(() => lms.backend || window.localStorage);
  initTheme($('theme-toggle'), themeStorage(storage, params.theme));
  const notices = createNotices($('notices'));
  storage.onFailure((failure) => notices.show('storage', storageNotice(failure)));
  if (framed && lms.kind === 'standalone') addNewTabLink();
  if (lms.restored === 'unreadable') notices.show('recovered', t('page.lmsStateUnreadable'));

  const store = createProgressStore({ storage });
  if (storage.mode === 'memory') notices.show('storage', storageNotice(storage.failure));
  if (store.recovered) {
    notices.show('recovered', t('page.progressUnreadable'));
  }
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null)
      store.applyExternal(event.key === null ? null : event.newValue);
  });
  setupTocDisclosure();
  unfoldOnCitation(document);
  setupStickyToolbar();

  const lesson = $('lesson');
  let content;
  try {
    content = await loadContent(CONTENT_URL);
  } catch (error) {
    showContentProblem(lesson, {
      title: t('page.loadFailedTitle'),
      message: t('page.loadFailedMessage', { reason: error.message }),
      retry: () => window.location.reload(),
    });
    return;
  }
  const prerendered = await isPrerenderOf(lesson, content);
  // The build checked exactly this content with the same schema before writing it into the page (its SHA-256
  // stamps the markup); other content is checked here, by a schema loaded only then (a tenth of the entry
  // script's size, which the first load would carry for nothing).
  const errors = prerendered ? [] : (await import('./content/schema.js')).validateContent(content);
  if (errors.length) {
    showContentProblem(lesson, {
      title: t('page.invalidTitle'),
      message: t('page.invalidMessage', { count: errors.length }),
      errors,
    });
    return;
  }
  const passMark = lms.passMark ?? params.pass;
  // The duration badge and the certificate's duration are computed from the content, never typed into it.
  await renderLesson(withDurations(content), {
    lesson,
    store,
    prerendered,
    embed: { params, framed, lms, passMark, storage },
  });
}

/** The page's heading in the content's language: <html lang>, the document title, the title and its badges. */
function showHeading(content) {
  // Strings and Intl formats follow the content's language from here on (i18n.js reads <html lang>).
  if (document.documentElement.lang !== content.lang) {
    document.documentElement.lang = content.lang;
    applyStaticText(document);
  }
  document.title = t('page.documentTitle', { title: content.title });
  $('lesson-title').textContent = content.title;
  $('lesson-badges').replaceChildren(...renderBadges(content));
}

/**
 * The lesson's sections in the page, returned in order; then the takeaways' print sheet and, with teacher=1,
 * the teacher panel. The build wrote this content's sections into the page (scripts/prerender.mjs): they are
 * taken over in place. Other content (a course site's, a test's) or a page without them is rendered here,
 * in one step.
 */
async function placeSections(lesson, content, ctx, { prerendered, teacher }) {
  let nodes = prerendered ? await hydrateLesson(lesson, content, ctx) : null;
  if (!nodes) {
    nodes = content.sections.map((section) => renderSection(section, ctx));
    lesson.replaceChildren(...nodes);
    delete lesson.dataset.prerendered;
  }
  addPrintTakeaways(
    nodes.find((n) => n.id === 'takeaways'),
    content,
    ctx.refs,
  );
  if (teacher) {
    import('./teacher/teacher-panel.js')
      .then(({ createTeacherPanel }) => lesson.prepend(createTeacherPanel(content)))
      .catch((error) => console.error(error));
  }
  lesson.dataset.contentStatus = 'valid';
  lesson.removeAttribute('aria-busy');
  return nodes;
}

/** The progress bar, the table of contents and the interactive parts follow the store; returns the toc. */
function followProgress(store, content, model, { quizzes, predicts, walkthroughs, completions }) {
  const bar = createProgressBar($('progress'), model);
  const toc = createToc($('toc-list'), content, model);
  const sync = (progress) => {
    bar.update(progress);
    toc.update(progress);
    for (const q of quizzes) q.sync(progress);
    predicts.sync(progress);
    for (const w of walkthroughs) w.sync(progress);
    for (const c of completions) c.sync(progress);
  };
  store.subscribe(sync);
  sync(store.state);
  return toc;
}

async function renderLesson(content, { lesson, store, prerendered, embed }) {
  const { params, framed, lms, passMark, storage } = embed;
  showHeading(content);
  const model = lessonModel(content);
  const { ctx, parts } = interactiveContext(content, { model, store, params, lms, passMark });
  const nodes = await placeSections(lesson, content, ctx, { prerendered, teacher: params.teacher });
  const sectionLayout = layOutSections(lesson, nodes);
  const toc = followProgress(store, content, model, parts);

  const tracked = new Set(model.sections.map((s) => s.id));
  trackReading(
    nodes.filter((n) => tracked.has(n.id)),
    store,
    toc,
  );
  trackTime(store);

  if (params.embed || framed) externalLinksInNewTab(lesson);
  if (params.step && parts.walkthroughs[0]) {
    try {
      parts.walkthroughs[0].go(params.step - 1);
    } catch (error) {
      console.warn(error);
    }
  }
  const bridge = createEmbedBridge({
    framed,
    origins: readAllowedOrigins(document, params),
    lms,
    store,
    model,
    summarize,
    passMark,
    storageMode: storage.mode,
    embed: params.embed,
  });

  // The content arrived after the browser tried to follow the URL fragment: follow it now.
  const target = fragmentTarget(location.hash) || (params.step ? 'walkthrough' : null);
  if (target) {
    sectionLayout.all();
    document.getElementById(target)?.scrollIntoView({ behavior: 'instant' });
  }
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

// The prerendered lesson is painted first; start-up's work follows instead of delaying it.
afterNextFrame()
  .then(boot)
  .catch((error) => {
    console.error(error);
    const lesson = $('lesson');
    if (lesson) {
      showContentProblem(lesson, {
        title: t('page.crashTitle'),
        message: t('page.crashMessage', { reason: error.message }),
        retry: () => window.location.reload(),
      });
    }
  });
