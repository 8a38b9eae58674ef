// How long the lesson takes, computed from its content (docs/content-schema.md, "Duration"): the words a
// learner reads, per section, on the core path and in the optional parts, plus a stated allowance for each
// thing a learner does rather than reads. The page's "~N min" badge, the content's durationMinutes and the
// certificate's lesson duration all come from lessonDurations(), never from a number typed into the content.
//
//   countWords(inlineText, refs) -> number          words as shown (markup removed, citations as "Ioffe & Szegedy, 2015")
//   lessonDurations(content) -> { sections, core, optional, optionalParts, minutes }
//   withDurations(content) -> content with durationMinutes and the badges' {minutes} filled in
//
// Pure: no DOM, no i18n, so scripts/content-stats.mjs and the tests use it in Node.

import { parseInline } from '../ui/inline-parse.js';
import { texPlain } from '../ui/math-tree.js';
import { formulaParts } from './math-sources.js';

/**
 * Silent reading rate of English non-fiction by adults: 238 words per minute, the mean of Brysbaert's
 * meta-analysis of 190 studies (M. Brysbaert, "How many words do we read per minute? A review and
 * meta-analysis of reading rate", Journal of Memory and Language 109, 2019).
 */
export const WORDS_PER_MINUTE = 238;

/**
 * Seconds for what is done rather than read (the words of a check or a caption are counted separately):
 * quiz      choosing an option of a quick check and reading its one-line feedback;
 * predict   running a predict check and reading the core's numbers and picture;
 * figure    one look at and one change to a live figure;
 * training  one training run at the default settings (a few seconds) and reading its curves;
 * step      a walkthrough step's figure change (its text is counted as words).
 */
export const ALLOWANCE_SECONDS = Object.freeze({ quiz: 20, predict: 60, figure: 20, training: 40, step: 5 });

/**
 * Minutes for a part that a figure builds rather than the content holds (the training figure's sweep): its text as
 * shown, read at WORDS_PER_MINUTE, plus `seconds` of doing.
 */
export const shownMinutes = (text, seconds) => countWords(text) / WORDS_PER_MINUTE + seconds / 60;

/** The limits the core path keeps (tests/web/durations.test.mjs). */
export const CORE_LIMITS = Object.freeze({ minutes: 15, defaultWords: 2600 });

/**
 * Words of inline text as the page shows it: markup removed, each citation as its short form, and a formula
 * ($TeX$) as the symbols it shows (texPlain: "\hat{x}_i = \gamma" reads as "xi = γ", two words).
 */
export function countWords(text, refs) {
  if (typeof text !== 'string' || !text) return 0;
  let plain = '';
  for (const token of parseInline(text)) {
    if (token.type === 'cite') plain += refs?.get(token.ref)?.short ?? token.ref;
    else plain += token.type === 'math' ? ` ${texPlain(token.text)} ` : token.text;
  }
  return wordsOf(plain);
}

const wordsOf = (plain) => (plain.match(/[\p{L}\p{N}]\S*/gu) || []).length;

/** Words of a display formula: the symbols its TeX parts show, counted like inline math. */
const formulaWords = (block) => formulaParts(block).reduce((sum, tex) => sum + wordsOf(texPlain(tex)), 0);

const words = (texts, refs) => texts.reduce((sum, s) => sum + countWords(s, refs), 0);

/**
 * Words a figure itself asks the learner to read, beyond its caption: the model map's entries are lesson text
 * (figureText.modelMap), read one entry after another. Other figures show numbers and short labels.
 */
function figureWords(block, refs, figureText) {
  if (block.figure !== 'model-map') return 0;
  const entries = Object.values(figureText?.modelMap?.entries || {});
  return entries.reduce((sum, e) => sum + words([e.title, e.summary, e.playground, e.training], refs), 0);
}

/** The words of a block that are on screen before the learner does anything. */
function shownWords(block, refs, figureText) {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return countWords(block.text, refs);
    case 'formula':
      return formulaWords(block);
    case 'list':
    case 'takeaways':
      return words(block.items, refs);
    case 'callout':
      return words([block.title, block.text], refs);
    case 'figure':
      return countWords(block.caption, refs) + figureWords(block, refs, figureText);
    case 'quiz':
      return words([block.question, ...block.options.map((o) => o.text)], refs);
    case 'predict':
      return words([block.scenario, block.question, ...block.options.map((o) => o.text)], refs);
    case 'mastery':
      return countWords(block.text, refs);
    default:
      return 0; // review (only on a later visit), completion and references (UI and data, not reading)
  }
}

/** Seconds of allowance for one block (figures inside deep dives count like any other). */
function allowance(block) {
  if (block.type === 'quiz') return ALLOWANCE_SECONDS.quiz;
  if (block.type === 'predict') return ALLOWANCE_SECONDS.predict;
  if (block.type === 'figure')
    return block.figure === 'training' ? ALLOWANCE_SECONDS.training : ALLOWANCE_SECONDS.figure;
  return 0;
}

const minutesOf = (w, seconds) => w / WORDS_PER_MINUTE + seconds / 60;
const part = () => ({ words: 0, seconds: 0, minutes: 0 });
function add(p, w, s) {
  p.words += w;
  p.seconds += s;
  p.minutes = minutesOf(p.words, p.seconds);
}

/**
 * The lesson's durations. Core: every block outside a disclosure (a deep dive's body or a block with
 * `goDeeper`), all six walkthrough steps and the quick checks. `defaultWords` counts what is on screen before
 * any click: the core's words with only the walkthrough's first step, plus each disclosure's title.
 * Optional parts: each deep dive and each `goDeeper` block, with its own words and minutes.
 */
export function lessonDurations(content) {
  const refs = new Map((content.references || []).map((r) => [r.id, r]));
  const core = { ...part(), defaultWords: 0 };
  const optional = part();
  const optionalParts = [];
  const sections = [];
  for (const section of content.sections) {
    const s = { id: section.id, title: section.title, core: { ...part(), defaultWords: 0 }, optional: part() };
    const addCore = (w, sec, shown = w) => {
      add(s.core, w, sec);
      add(core, w, sec);
      s.core.defaultWords += shown;
      core.defaultWords += shown;
    };
    const addOptional = (id, title, blocks) => {
      const p = { id, title, section: section.id, ...part() };
      for (const b of blocks) add(p, shownWords(b, refs, content.figureText), allowance(b));
      add(s.optional, p.words, p.seconds);
      add(optional, p.words, p.seconds);
      optionalParts.push(p);
      addCore(0, 0, countWords(title, refs)); // the disclosure's title is on screen
    };
    addCore(countWords(section.title, refs), 0);
    for (const block of section.blocks) {
      if (block.type === 'deepdive') addOptional(block.id, block.title, block.blocks);
      else if (block.goDeeper) addOptional(block.id || block.figure, block.goDeeper, [block]);
      else if (block.type === 'walkthrough') {
        const stepWords = block.steps.map((st) => words([st.title, ...st.text], refs));
        addCore(
          stepWords.reduce((a, b) => a + b, 0),
          block.steps.length * ALLOWANCE_SECONDS.step,
          stepWords[0],
        );
      } else addCore(shownWords(block, refs, content.figureText), allowance(block));
    }
    sections.push(s);
  }
  return { sections, core, optional, optionalParts, minutes: Math.ceil(core.minutes) };
}

/** Whole minutes of a part, at least 1 (what a label shows: "about 3 min"). */
export const wholeMinutes = (minutes) => Math.max(1, Math.round(minutes));

/**
 * The content as the page uses it: `durationMinutes` set to the core path's computed minutes and each badge's
 * `{minutes}` placeholder filled in ("~{minutes} min" -> "~15 min"). The content file never states a duration.
 */
export function withDurations(content) {
  const minutes = lessonDurations(content).minutes;
  return {
    ...content,
    durationMinutes: minutes,
    badges: content.badges.map((b) => b.replaceAll('{minutes}', String(minutes))),
  };
}
