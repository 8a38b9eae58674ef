// The one pass rule (web/src/progress/pass-mark.js) and the host message that reports it: at a pass mark
// right between two roundings, the host message and the certificate must agree. (The host message used to
// decide on the percent rounded to two decimals: 2 of 3 passed 66.67 there and failed for the certificate.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passState } from '../../web/src/progress/pass-mark.js';
import { completedPayload } from '../../web/src/embed/host-messages.js';

test('the pass rule decides on the exact percent, with only float error forgiven', () => {
  assert.deepEqual(passState(2, 3, 66.67), { percent: 200 / 3, passed: false });
  assert.equal(passState(2, 3, 200 / 3).passed, true);
  assert.equal(passState(7, 12, 58.333333333333336).passed, true);
  assert.equal(passState(0, 0, 0).passed, true);
  assert.equal(passState(1, 8, null).passed, null);
  assert.equal(passState(1, 8, undefined).passed, null);
});

test('the host message reports two decimals but passes exactly when the certificate does', () => {
  const completion = { score: 2, total: 3, timeSpentMs: 1000, date: '2026-12-05' };
  const payload = completedPayload(completion, 66.67);
  assert.equal(payload.percent, 66.67);
  assert.equal(payload.passed, passState(2, 3, 66.67).passed);
  assert.equal(payload.passed, false);
});
