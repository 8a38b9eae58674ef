// section-layout.js — the lesson's sections laid out one at a time after start-up.
//
// Until a section is laid out, lesson.css gives it `content-visibility: auto`: the browser skips the layout of
// sections out of view, so the first paint waits for the first screen, not for the whole prerendered lesson,
// whose first layout (MathML above all) sat before it (docs/performance.md, "First paint"). Skipped sections
// count with an estimated height, though, and a jump to a later section (a contents link, a URL fragment)
// would land by the estimates and then be pushed away as the sections above it are laid out. So each section
// is then laid out in turn, one when the page is idle (after start-up's own work: figures, progress), and a
// jump before that is done lays out the rest first.
//
//   layOutSections(lesson, sections) -> { all() }    all(): lay out every remaining section now (synchronous)
// When every section is laid out, #lesson gets data-layout="complete".

import { whenIdle } from './scheduling.js';

export function layOutSections(lesson, sections) {
  const pending = [...sections];
  // In-page links are followed after their click's listeners: the sections they jump over are real by then.
  const beforeJump = (event) => {
    if (event.target.closest?.('a[href^="#"]')) all();
  };
  const finish = () => {
    lesson.dataset.layout = 'complete';
    document.removeEventListener('click', beforeJump, true);
  };
  const all = () => {
    for (const section of pending.splice(0)) section.dataset.laidOut = '';
    finish();
  };
  document.addEventListener('click', beforeJump, true);
  (async () => {
    while (pending.length) {
      await whenIdle();
      const section = pending.shift();
      if (!section) return; // all() took the rest
      section.dataset.laidOut = '';
      section.getBoundingClientRect(); // laid out in this idle period, not in the next frame's work
    }
    finish();
  })();
  return { all };
}
