// create-figure.js — the loop every live figure shares: one state object, changed by learner input
// (change) or by the page (setState, e.g. a walkthrough step or a preset), cleaned on every change and drawn
// at most once per animation frame (state → schedule → draw).
//
//   clean(input, fallback) -> state   a valid state from any partial input; fallback's value for anything
//                                      missing or invalid (the figures' one cleaning signature)
//   draw(state)                        updates the DOM from the state; may throw (the figure shows the error)
//   immediate                          true: draw at once on every change instead of in the next frame (for a
//                                      figure whose draw is a few class changes and must follow the keyboard)
//
// createFigure(...) -> { state, change(patch), setState(patch), replace(state), schedule(), drawNow(),
//                        onDestroy(fn), handle: { setState, destroy } }; handle is what mount() returns.

export function createFigure({ initial, fallback, clean, draw, onInteract = () => {}, immediate = false }) {
  let state = clean(initial, fallback);
  let frame = 0;
  const cleanups = [];

  const run = () => {
    frame = 0;
    draw(state);
  };
  const schedule = () => {
    if (immediate) run();
    else if (!frame) frame = requestAnimationFrame(run);
  };
  // The current state is the fallback, so a patch changes only the fields it names (and clean may react to
  // what it names, e.g. a new training preset brings its own variants).
  const setState = (patch) => {
    state = clean(patch, state);
    schedule();
  };

  return {
    get state() {
      return state;
    },
    /** Learner input: tells the page the figure was used, then sets the fields of `patch`. */
    change(patch) {
      onInteract();
      setState(patch);
    },
    setState,
    /** Replaces the whole state with one already clean (e.g. read back from a link). */
    replace(next) {
      state = next;
      schedule();
    },
    schedule,
    /** Draws now (the first draw at mount, so the figure is never shown empty). */
    drawNow() {
      if (frame) cancelAnimationFrame(frame);
      run();
    },
    onDestroy(fn) {
      cleanups.push(fn);
    },
    handle: {
      setState,
      destroy() {
        if (frame) cancelAnimationFrame(frame);
        frame = 0;
        for (const fn of cleanups.splice(0)) fn();
      },
    },
  };
}
