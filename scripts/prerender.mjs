// Prerender the lesson into the built page: runs the page's own renderer (web/src/content/render.js, the quick
// checks, the walkthrough and the figure hosts) in Node against linkedom's DOM, from the built content file, and
// writes the result into #lesson of dist/web/index.html. Without JavaScript the lesson then reads completely
// (figures, feedback and progress need scripts, as the page's <noscript> says); with it, main.js takes the
// markup over in place (web/src/content/hydrate.js): it fills the hosts of checks, walkthrough and figures and
// leaves the text as it is.
//
//   node scripts/prerender.mjs [dist/web]
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist/web'));
const htmlFile = path.join(dist, 'index.html');

const { window, document } = parseHTML(await readFile(htmlFile, 'utf8'));
// The renderer's modules read these globals. Figures mount when they come into view: in Node nothing does, so
// each figure host keeps the placeholder the page shows before its figure loads.
Object.assign(globalThis, { window, document, location: new URL('https://prerender.invalid/') });
globalThis.IntersectionObserver = class {
  observe() {}
  disconnect() {}
};
window.location = globalThis.location;

// The page's modules are loaded through Vite (its import.meta.glob and defines), as the page's build sees them.
const vite = await createServer({
  configFile: path.join(root, 'web/vite.config.js'),
  logLevel: 'warn',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
});
const load = (file) => vite.ssrLoadModule(`/src/${file}`);
const { validateContent } = await load('content/schema.js');
const { withDurations } = await load('content/durations.js');
const { lessonContext, renderBadges, renderSection } = await load('content/render.js');
const { contentStamp } = await load('content/hydrate.js');
const { lessonModel } = await load('progress/score.js');
const { QuickCheck } = await load('quiz/quick-check.js');
const { LessonWalkthrough } = await load('walkthrough/lesson-walkthrough.js');
const { mountFigureWhenVisible } = await load('figures/registry.js');
const { createSafeStorage } = await load('state/storage.js');
const { createProgressStore } = await load('state/progress.js');
const { el } = await load('ui/el.js');
const { renderInline } = await load('ui/inline.js');

/**
 * The walkthrough shows one step at a time and its Back/Next need scripts; without them the steps after the
 * first are listed below it (a <noscript> is never shown while scripts run).
 */
function laterSteps(block, ctx) {
  const list = el('div', { className: 'wt-later-steps' });
  for (const step of block.steps.slice(1)) {
    list.append(el('h3', { className: 'wt-title', text: step.title }));
    for (const para of step.text) list.append(renderInline(el('p'), para, ctx));
  }
  const noscript = document.createElement('noscript');
  noscript.append(list);
  return noscript;
}

/**
 * The lesson's sections as the page first shows them, built by the page's own renderer and block builders,
 * with a fresh progress record in memory: nothing is answered before the page runs. Predict checks, the Review block, the mastery
 * panel and the completion area are drawn by the page from the learner's progress, so their hosts stay empty.
 */
function renderLessonNodes(content) {
  const model = lessonModel(content);
  const ctx = lessonContext(content);
  const store = createProgressStore({ storage: createSafeStorage(() => null) });
  ctx.hooks.quiz = (block, host) => {
    const index = model.quizzes.findIndex((q) => q.id === block.id) + 1;
    new QuickCheck(host, block, { ctx, store, index, total: model.quizzes.length });
  };
  ctx.hooks.walkthrough = (block, host) => {
    new LessonWalkthrough(host, block, {
      ctx,
      store,
      mountFigure: (name, container, opts) => mountFigureWhenVisible(name, container, opts),
    });
    host.append(laterSteps(block, ctx));
  };
  ctx.hooks.figure = (block, host) => mountFigureWhenVisible(block.figure, host, {});
  return content.sections.map((section) => renderSection(section, ctx));
}

const built = JSON.parse(await readFile(path.join(root, 'web/generated/lesson.json'), 'utf8'));
const errors = validateContent(built);
if (errors.length) {
  console.error(`prerender: the built content is invalid:\n${errors.join('\n')}`);
  process.exit(1);
}
const content = withDurations(built);
const lesson = document.getElementById('lesson');
const nodes = renderLessonNodes(content);
lesson.replaceChildren(...nodes);
lesson.removeAttribute('aria-busy');
// The page takes this markup over only for the content it was made from (content/hydrate.js).
lesson.dataset.prerendered = await contentStamp(built);
document.getElementById('lesson-badges').replaceChildren(...renderBadges(content));
await writeFile(htmlFile, document.toString());
await vite.close();
console.log(`prerender: ${nodes.length} sections written into ${path.relative(process.cwd(), htmlFile)}`);
