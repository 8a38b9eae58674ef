// Keyboard movement in the tensor grids (web/src/figures/grid-keys.js), on a [2, 3, 4] tensor: positions run on
// into the neighbouring sample and stop at the ends, channels and samples clamp, Ctrl+Home/End reach the corners.
// Run: node --test tests/web/grid-keys.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridMove } from '../../web/src/figures/grid-keys.js';

const SHAPE = [2, 3, 4];
const at = (n, c, l) => (n * 3 + c) * 4 + l;

test('every key from the middle, the row ends and the corners', () => {
  // [key, from, to, with Ctrl]
  const moves = [
    ['ArrowRight', at(0, 1, 2), at(0, 1, 3)],
    ['ArrowRight', at(0, 1, 3), at(1, 1, 0)],
    ['ArrowRight', at(1, 2, 3), at(1, 2, 3)],
    ['ArrowLeft', at(1, 1, 0), at(0, 1, 3)],
    ['ArrowLeft', at(0, 0, 0), at(0, 0, 0)],
    ['ArrowDown', at(0, 1, 2), at(0, 2, 2)],
    ['ArrowDown', at(0, 2, 2), at(0, 2, 2)],
    ['ArrowUp', at(1, 1, 1), at(1, 0, 1)],
    ['ArrowUp', at(1, 0, 1), at(1, 0, 1)],
    ['PageDown', at(0, 1, 2), at(1, 1, 2)],
    ['PageDown', at(1, 1, 2), at(1, 1, 2)],
    ['PageUp', at(1, 1, 2), at(0, 1, 2)],
    ['PageUp', at(0, 1, 2), at(0, 1, 2)],
    ['Home', at(1, 2, 3), at(1, 2, 0)],
    ['End', at(0, 1, 1), at(0, 1, 3)],
    ['Home', at(1, 2, 3), at(0, 0, 0), true],
    ['End', at(0, 1, 1), at(1, 2, 3), true],
  ];
  for (const [key, from, to, ctrl] of moves) {
    assert.equal(gridMove(key, from, SHAPE, ctrl), to, `${ctrl ? 'Ctrl+' : ''}${key} from ${from}`);
  }
});

test('any other key does not move the selection', () => {
  for (const key of ['Enter', ' ', 'a', 'Tab', 'toString']) assert.equal(gridMove(key, 5, SHAPE), -1, key);
});
