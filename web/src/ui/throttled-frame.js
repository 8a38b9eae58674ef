// throttled-frame.js — redraw in an animation frame, at most once every `ms` milliseconds, however often asked:
// a training run reports many times a second, and the charts need not follow each report.

/** Calls draw() in an animation frame, at most once every `ms` milliseconds: { schedule(), cancel() }. */
export function throttledFrame(draw, ms) {
  let frame = 0;
  let timer = 0;
  let last = 0;
  const run = () => {
    frame = 0;
    last = performance.now();
    draw(last);
  };
  return {
    schedule() {
      if (frame || timer) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) frame = requestAnimationFrame(run);
      else
        timer = setTimeout(() => {
          timer = 0;
          frame = requestAnimationFrame(run);
        }, wait);
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
      frame = 0;
      timer = 0;
    },
  };
}
