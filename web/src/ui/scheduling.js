// scheduling.js — giving the browser its turn during start-up: the prerendered lesson is painted before the
// scripts' work, and input and frames get through between the sections while the lesson is brought to life
// (no start-up task long enough to make a tap wait; docs/performance.md, "Lighthouse").

/** Resolves once the browser has had a frame to paint (or after 100 ms where no frame comes: a background tab). */
export function afterNextFrame() {
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

/** Resolves in an idle period (within `timeout` ms at the latest); after the next frame where there are none. */
export function whenIdle(timeout = 500) {
  if (typeof globalThis.requestIdleCallback !== 'function') return afterNextFrame();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout }));
}
