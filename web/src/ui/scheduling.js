// scheduling.js — giving the browser its turn during start-up: the prerendered lesson is painted before the
// scripts' work, and input and frames get through between the sections while the lesson is brought to life
// (no start-up task long enough to make a tap wait; docs/performance.md, "Lighthouse").

/** Resolves once the browser has had a frame to paint (or after 100 ms where no frame comes: a background tab). */
export function afterFirstFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Resolves in a later task, after pending input and rendering (scheduler.yield where the browser has it). */
export function nextTask() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
