// The lesson's interactive blocks (quick checks, walkthroughs, figures, predict checks, the completion area):
// the hooks that build them, set on the render context that content/render.js calls them through, so the
// renderer stays a pure content renderer. main.js keeps what they build in step with the progress.
//
//   interactiveContext(content, { model, store, params, lms, passMark })
//     -> { ctx, parts: { quizzes, walkthroughs, completions, predicts } }

import { lessonContext } from './content/render.js';
import { t } from './i18n/i18n.js';
import { QuickCheck } from './quiz/quick-check.js';
import { LessonWalkthrough } from './walkthrough/lesson-walkthrough.js';
import { getCore, mountFigureWhenVisible } from './figures/registry.js';
import { installPredictHooks } from './mastery/hooks.js';
import { mountCompletion } from './certificate/lazy-completion.js';

/**
 * The render context with the hooks that build the interactive blocks. What they build is collected in
 * `parts` (quick checks, walkthroughs, completion areas, predict checks) to follow the progress.
 */
export function interactiveContext(content, { model, store, params, lms, passMark }) {
  const parts = { quizzes: [], walkthroughs: [], completions: [] };
  // teacher=1: answer keys under the checks (the quiz modules read ctx.teacher) and the teacher panel.
  // Each optional part (deep dive, goDeeper block) shows its own computed time.
  const ctx = lessonContext(content, { teacher: params.teacher });
  if (params.teacher) document.documentElement.dataset.teacher = 'true';
  parts.predicts = installPredictHooks(ctx, { content, store, loadCore: getCore });
  ctx.hooks.quiz = (block, host) => {
    const index = model.quizzes.findIndex((q) => q.id === block.id) + 1;
    parts.quizzes.push(new QuickCheck(host, block, { ctx, store, index, total: model.quizzes.length }));
  };
  ctx.hooks.walkthrough = (block, host) => {
    parts.walkthroughs.push(
      new LessonWalkthrough(host, block, {
        ctx,
        store,
        mountFigure: (name, container, opts) =>
          mountFigureWhenVisible(name, container, { ...opts, text: content.figureText }),
      }),
    );
  };
  ctx.hooks.figure = (block, host, section) => {
    const countsAsPlayground = block.figure === 'playground' && section.id === 'playground';
    const preset = params.preset && params.preset.figure === block.figure ? params.preset.state : undefined;
    mountFigureWhenVisible(block.figure, host, {
      // refs: figures that cite papers (the model map) link to the References list.
      text: { ...content.figureText, refs: ctx.refs },
      ...(preset ? { state: preset } : {}),
      onInteract: countsAsPlayground ? () => store.markPlaygroundUsed() : undefined,
    });
  };
  // The completion area sits at the lesson's end: its modules load after start-up (lazy-completion.js) and
  // join the progress sync once they are there.
  ctx.hooks.completion = (block, host) => {
    mountCompletion(host, {
      content,
      model,
      store,
      passMark,
      learnerName: lms.learnerName,
      nameHint: lms.kind === 'standalone' ? undefined : t('page.lmsNameHint'),
      transfer: lms.kind === 'standalone',
      onReady: (completion) => parts.completions.push(completion),
    });
  };
  return { ctx, parts };
}
