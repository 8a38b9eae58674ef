// The lesson's computed duration (web/src/content/durations.js): word counting, what counts as core and as
// optional, and the values the page shows (badge, certificate) coming from the computation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ALLOWANCE_SECONDS,
  CORE_LIMITS,
  WORDS_PER_MINUTE,
  countWords,
  lessonDurations,
  withDurations,
} from '../../web/src/content/durations.js';

const lesson = JSON.parse(readFileSync(new URL('../../web/content/lesson.json', import.meta.url), 'utf8'));
const refs = new Map([['ioffe2015', { short: 'Ioffe & Szegedy, 2015' }]]);

/** A one-section lesson with the given blocks. */
const tiny = (blocks) => ({
  badges: ['~{minutes} min'],
  references: [],
  sections: [{ id: 'intro', title: 'Intro', blocks }],
});
const para = (n) => ({ type: 'paragraph', text: Array(n).fill('word').join(' ') });

test('words are counted as shown: markup removed, citations as their short form', () => {
  assert.equal(countWords('**Bold** and *em* and `code x` here.', refs), 7);
  assert.equal(countWords('BatchNorm ([@ioffe2015]) works.', refs), 5); // "BatchNorm (Ioffe & Szegedy, 2015) works."
  assert.equal(countWords('see [the paper](https://arxiv.org/abs/1502.03167)', refs), 3);
  assert.equal(countWords('x̂ᵢ = (xᵢ − μ) / √(σ² + ε)', refs), 5); // symbols alone are not words
  assert.equal(countWords('', refs), 0);
});

test('core minutes are words at 238 per minute plus the stated allowances', () => {
  assert.equal(WORDS_PER_MINUTE, 238);
  const d = lessonDurations(
    tiny([
      para(238),
      { type: 'figure', figure: 'grouping', caption: 'one two' },
      {
        type: 'quiz',
        id: 'q',
        question: 'Why?',
        options: [
          { id: 'a', text: 'Yes.' },
          { id: 'b', text: 'No.' },
        ],
      },
    ]),
  );
  assert.equal(d.core.words, 1 + 238 + 2 + 3); // section title, paragraph, caption, question and options
  assert.equal(d.core.seconds, ALLOWANCE_SECONDS.figure + ALLOWANCE_SECONDS.quiz);
  assert.ok(Math.abs(d.core.minutes - (244 / 238 + 40 / 60)) < 1e-12);
  assert.equal(d.minutes, Math.ceil(d.core.minutes));
});

test('deep dives and goDeeper blocks are optional, each with its own time; only their title is shown', () => {
  const d = lessonDurations(
    tiny([
      para(10),
      { type: 'deepdive', id: 'dd', title: 'More detail', blocks: [para(476)] },
      {
        type: 'predict',
        id: 'p',
        goDeeper: 'Predict it',
        scenario: 'a b',
        question: 'c',
        options: [{ id: 'x', text: 'd' }],
      },
    ]),
  );
  assert.equal(d.core.words, 11);
  assert.equal(d.core.defaultWords, 11 + 2 + 2);
  assert.deepEqual(
    d.optionalParts.map((p) => [p.id, p.words, p.seconds]),
    [
      ['dd', 476, 0],
      ['p', 4, ALLOWANCE_SECONDS.predict],
    ],
  );
  assert.ok(Math.abs(d.optionalParts[0].minutes - 2) < 1e-12);
});

test('the walkthrough: every step is core reading, only the first is shown before a click', () => {
  const steps = [1, 2, 3].map((i) => ({ id: `s${i}`, title: 'Step', text: [Array(10).fill('w').join(' ')] }));
  const d = lessonDurations(tiny([{ type: 'walkthrough', id: 'w', steps }]));
  assert.equal(d.core.words, 1 + 33);
  assert.equal(d.core.defaultWords, 1 + 11);
  assert.equal(d.core.seconds, 3 * ALLOWANCE_SECONDS.step);
});

test('the badge and durationMinutes come from the computation; the content file states neither', () => {
  assert.ok(!('durationMinutes' in lesson));
  assert.ok(lesson.badges.some((b) => b.includes('{minutes}')));
  const shown = withDurations(lesson);
  const minutes = lessonDurations(lesson).minutes;
  assert.equal(shown.durationMinutes, minutes);
  assert.ok(shown.badges.includes(`~${minutes} min`), shown.badges.join(', '));
  assert.ok(!shown.badges.some((b) => b.includes('{minutes}')));
  assert.ok(CORE_LIMITS.minutes > 0 && CORE_LIMITS.defaultWords > 0);
});

test("the lesson's core path keeps its promise: at most 15 minutes and 2,600 words shown by default", () => {
  const d = lessonDurations(lesson);
  assert.ok(
    d.core.minutes <= CORE_LIMITS.minutes,
    `core path ${d.core.minutes.toFixed(2)} min (npm run content:stats)`,
  );
  assert.ok(d.core.defaultWords <= CORE_LIMITS.defaultWords, `${d.core.defaultWords} words shown by default`);
  assert.equal(CORE_LIMITS.minutes, 15);
  assert.equal(CORE_LIMITS.defaultWords, 2600);
  // Every quick check is on the core path; the optional parts are folded away (deep dives, goDeeper blocks).
  const quizzes = lesson.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'quiz');
  assert.ok(quizzes.length >= 8 && quizzes.every((q) => !q.goDeeper));
  assert.ok(d.optionalParts.length >= 6);
});

test("the model map counts its entries' text as reading, since they are lesson text", () => {
  const d = lessonDurations(lesson);
  const map = d.optionalParts.find((p) => p.id === 'model-map');
  const entries = Object.values(lesson.figureText.modelMap.entries);
  assert.ok(map.words > entries.length * 50, `${map.words} words`);
});
