// The figures' shared state loop (web/src/ui/create-figure.js): cleaning with the current state as fallback,
// one draw per frame, learner input reported, clean-up on destroy.
// Run: node --test tests/web/create-figure.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFigure } from '../../web/src/ui/create-figure.js';

// A state { n } whose n must be a positive integer; anything else keeps the fallback's n.
const clean = (input, fallback) => ({ n: Number.isInteger(input?.n) && input.n > 0 ? input.n : fallback.n });

function withFrames(fn) {
  const frames = new Map();
  let next = 0;
  globalThis.requestAnimationFrame = (cb) => {
    frames.set(++next, cb);
    return next;
  };
  globalThis.cancelAnimationFrame = (id) => frames.delete(id);
  const flush = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((cb) => cb());
  };
  try {
    fn(flush, frames);
  } finally {
    delete globalThis.requestAnimationFrame;
    delete globalThis.cancelAnimationFrame;
  }
}

test('changes are cleaned against the current state and drawn once per frame', () =>
  withFrames((flush, frames) => {
    const drawn = [];
    let used = 0;
    const figure = createFigure({
      initial: { n: -1 },
      fallback: { n: 3 },
      clean,
      draw: (s) => drawn.push(s.n),
      onInteract: () => {
        used += 1;
      },
    });
    assert.deepEqual(figure.state, { n: 3 });
    figure.drawNow();
    figure.change({ n: 5 });
    figure.setState({ n: 'x' });
    figure.setState({ n: 7 });
    assert.equal(frames.size, 1, 'one frame for three changes');
    flush();
    assert.deepEqual(drawn, [3, 7]);
    assert.equal(used, 1, 'only learner input counts as interaction');
    figure.setState({ n: 0 });
    flush();
    assert.deepEqual(drawn, [3, 7, 7], 'an invalid value keeps the current one');
  }));

test('immediate figures draw at once; destroy cancels the pending frame and runs the clean-ups', () =>
  withFrames((flush, frames) => {
    const drawn = [];
    const now = createFigure({ initial: {}, fallback: { n: 1 }, clean, draw: (s) => drawn.push(s.n), immediate: true });
    now.setState({ n: 2 });
    assert.deepEqual(drawn, [2]);
    const later = createFigure({ initial: {}, fallback: { n: 1 }, clean, draw: (s) => drawn.push(s.n) });
    const cleaned = [];
    later.onDestroy(() => cleaned.push('a'));
    later.onDestroy(() => cleaned.push('b'));
    later.handle.setState({ n: 9 });
    later.handle.destroy();
    assert.equal(frames.size, 0);
    flush();
    assert.deepEqual(drawn, [2]);
    assert.deepEqual(cleaned, ['a', 'b']);
    later.handle.destroy();
    assert.deepEqual(cleaned, ['a', 'b'], 'clean-ups run once');
  }));
