// What counts as done (web/src/progress/score.js), on a small lesson and on the shipped one: the numbers the
// progress bar, the table of contents, the completion area and the host messages all show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lessonModel, sectionDone, summarize } from '../../web/src/progress/score.js';
import { freshProgress } from '../../web/src/state/progress.js';

const quiz = (id) => ({ type: 'quiz', id, question: `Question ${id}?` });
const CONTENT = {
  sections: [
    { id: 'intro', blocks: [{ type: 'paragraph', text: 'Hello.' }] },
    { id: 'techniques', blocks: [quiz('quiz-a'), { type: 'paragraph', text: 'More.' }, quiz('quiz-b')] },
    { id: 'walkthrough', blocks: [quiz('quiz-c')] },
    { id: 'playground', blocks: [] },
    { id: 'finish', blocks: [] },
    { id: 'references', blocks: [] },
  ],
};
const answer = (firstCorrect) => ({ first: 'a', firstCorrect, last: 'a', lastCorrect: firstCorrect, attempts: 1 });

test('the model tracks every section but the finish area and the references, and numbers the checks', () => {
  const model = lessonModel(CONTENT);
  assert.deepEqual(
    model.sections.map((s) => s.id),
    ['intro', 'techniques', 'walkthrough', 'playground'],
  );
  assert.deepEqual(
    model.quizzes.map((q) => [q.id, q.sectionId, q.index]),
    [
      ['quiz-a', 'techniques', 1],
      ['quiz-b', 'techniques', 2],
      ['quiz-c', 'walkthrough', 3],
    ],
  );
  assert.deepEqual(model.sectionQuizzes.get('techniques'), ['quiz-a', 'quiz-b']);
  assert.equal(model.allSections.length, 6);
});

test('summarize counts sections, checks (first tries for the score), walkthrough and playground', () => {
  const model = lessonModel(CONTENT);
  const fresh = freshProgress(new Date('2026-12-05T00:00:00Z'));
  assert.deepEqual(summarize(fresh, model), {
    done: 0,
    total: 4 + 3 + 2,
    sectionsRead: 0,
    sectionsTotal: 4,
    answered: 0,
    correct: 0,
    checksTotal: 3,
    walkthrough: false,
    playground: false,
    unanswered: model.quizzes,
    unread: model.sections,
  });
  const progress = {
    ...fresh,
    // 'finish' is read but not tracked; it counts for nothing.
    sectionsRead: ['intro', 'techniques', 'finish'],
    checks: { 'quiz-a': answer(true), 'quiz-c': answer(false) },
    walkthrough: { ...fresh.walkthrough, finished: true },
    playgroundUsed: false,
  };
  const s = summarize(progress, model);
  assert.equal(s.done, 2 + 2 + 1);
  assert.equal(s.sectionsRead, 2);
  assert.equal(s.answered, 2);
  assert.equal(s.correct, 1, 'a wrong first answer does not score');
  assert.deepEqual(
    s.unanswered.map((q) => q.id),
    ['quiz-b'],
  );
  assert.deepEqual(
    s.unread.map((x) => x.id),
    ['walkthrough', 'playground'],
  );
});

test('a section is done once read and its own tasks are done', () => {
  const model = lessonModel(CONTENT);
  const fresh = freshProgress(new Date('2026-12-05T00:00:00Z'));
  const read = { ...fresh, sectionsRead: ['intro', 'techniques', 'walkthrough', 'playground'] };
  assert.equal(sectionDone('intro', fresh, model), false, 'not read yet');
  assert.equal(sectionDone('intro', read, model), true);
  assert.equal(sectionDone('techniques', read, model), false, 'its checks are open');
  const answered = { ...read, checks: { 'quiz-a': answer(false), 'quiz-b': answer(true), 'quiz-c': answer(true) } };
  assert.equal(sectionDone('techniques', answered, model), true, 'answered counts, right or wrong');
  assert.equal(sectionDone('walkthrough', answered, model), false, 'the walkthrough is not finished');
  assert.equal(sectionDone('walkthrough', { ...answered, walkthrough: { finished: true } }, model), true);
  assert.equal(sectionDone('playground', answered, model), false, 'the playground is not used');
  assert.equal(sectionDone('playground', { ...answered, playgroundUsed: true }, model), true);
});

test('the shipped lesson: every check counted once, in the order the page numbers them', () => {
  const content = JSON.parse(readFileSync(new URL('../../web/content/lesson.json', import.meta.url), 'utf8'));
  const model = lessonModel(content);
  const ids = content.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'quiz').map((b) => b.id));
  assert.deepEqual(
    model.quizzes.map((q) => q.id),
    ids,
  );
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(!model.sections.some((s) => s.id === 'finish' || s.id === 'references'));
});
