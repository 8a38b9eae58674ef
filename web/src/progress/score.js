// score.js — what counts as done in the lesson, apart from any view: the progress bar, the table of contents,
// the completion area, the host messages and the SCORM report all read it from here.
//
// What counts: sections read, checks answered, walkthrough finished, playground used.
//   lessonModel(content) -> { sections, quizzes, sectionQuizzes, allSections }: the trackable sections and
//                           quizzes, derived from the content once
//   summarize(progress, model) -> { done, total, sectionsRead, sectionsTotal, answered, correct, checksTotal,
//                                   walkthrough, playground, unanswered: quiz[], unread: section[] }
//   sectionDone(sectionId, progress, model) -> boolean

/** Sections that are "read" by scrolling: all but the finish area and the reference list. */
const NOT_TRACKED = new Set(['finish', 'references']);

/** The trackable sections and the quizzes (numbered in lesson order), and each section's quizzes. */
export function lessonModel(content) {
  const sections = content.sections.filter((s) => !NOT_TRACKED.has(s.id));
  const quizzes = [];
  const sectionQuizzes = new Map();
  content.sections.forEach((section) => {
    const ids = [];
    for (const block of section.blocks) {
      if (block.type === 'quiz') {
        quizzes.push({ id: block.id, question: block.question, sectionId: section.id, index: quizzes.length + 1 });
        ids.push(block.id);
      }
    }
    sectionQuizzes.set(section.id, ids);
  });
  return { sections, quizzes, sectionQuizzes, allSections: content.sections };
}

/** Where the learner stands: counts of what is done, and what is still open. */
export function summarize(progress, model) {
  const read = new Set(progress.sectionsRead);
  const sectionsRead = model.sections.filter((s) => read.has(s.id)).length;
  let answered = 0;
  let correct = 0;
  const unanswered = [];
  for (const q of model.quizzes) {
    const record = progress.checks[q.id];
    if (record) {
      answered += 1;
      if (record.firstCorrect) correct += 1;
    } else {
      unanswered.push(q);
    }
  }
  const walkthrough = progress.walkthrough.finished;
  const playground = progress.playgroundUsed;
  const total = model.sections.length + model.quizzes.length + 2;
  const done = sectionsRead + answered + (walkthrough ? 1 : 0) + (playground ? 1 : 0);
  return {
    done,
    total,
    sectionsRead,
    sectionsTotal: model.sections.length,
    answered,
    correct,
    checksTotal: model.quizzes.length,
    walkthrough,
    playground,
    unanswered,
    unread: model.sections.filter((s) => !read.has(s.id)),
  };
}

/** A section is done when it was read and its own tasks (checks, walkthrough, playground) are done. */
export function sectionDone(sectionId, progress, model) {
  if (!progress.sectionsRead.includes(sectionId)) return false;
  const quizzes = model.sectionQuizzes.get(sectionId) || [];
  if (quizzes.some((id) => !progress.checks[id])) return false;
  if (sectionId === 'walkthrough' && !progress.walkthrough.finished) return false;
  if (sectionId === 'playground' && !progress.playgroundUsed) return false;
  return true;
}
