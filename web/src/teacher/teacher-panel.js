// teacher-panel.js — teacher mode (?teacher=1, docs/embedding.md): a panel at the top of the lesson with
// the presets and the embed-snippet builder. The answer keys under the quick checks and predict checks are
// rendered by the quiz modules when the render context says `teacher: true`; this panel only says so.
// Teacher mode hides nothing from learners that the page does not already ship: it is a convenience, not
// access control.

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { createPresetButtons } from './preset-buttons.js';
import { createSnippetBuilder } from './snippet-builder.js';
import { lessonBase } from './snippet.js';
import '../../styles/teacher.css';

/** The panel for `content` (the lesson), to be put before the first section. */
export function createTeacherPanel(content) {
  const walkthrough = content.sections.flatMap((s) => s.blocks).find((b) => b.type === 'walkthrough');
  const titleId = 'teacher-panel-title';
  const presetsId = 'teacher-presets-title';
  const snippetId = 'teacher-snippet-title';
  return el(
    'section',
    { className: 'teacher-panel', attrs: { id: 'teacher-panel', 'aria-labelledby': titleId } },
    el('h2', { text: t('teacher.title'), attrs: { id: titleId } }),
    el('p', { text: t('teacher.intro') }),
    el('h3', { text: t('teacher.presetsTitle'), attrs: { id: presetsId } }),
    el('p', { className: 'tp-hint', text: t('teacher.presetsHint') }),
    createPresetButtons(content.figureText?.modelMap?.entries),
    el('h3', { text: t('teacher.snippetTitle'), attrs: { id: snippetId } }),
    el('p', { className: 'tp-hint', text: t('teacher.snippetHint') }),
    createSnippetBuilder({
      base: lessonBase(location.href) ?? location.href,
      title: t('teacher.iframeTitle', { title: content.title }),
      walkthroughSteps: walkthrough?.steps?.length || 6,
    }),
  );
}
