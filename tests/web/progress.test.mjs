// Unit tests of the progress store (web/src/state/progress.js) and the safe storage (storage.js),
// with a fake localStorage: versioned key, validation, backup of bad values, memory fallback, two-tab merge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSafeStorage } from '../../web/src/state/storage.js';
import {
  BACKUP_KEY,
  STORAGE_KEY,
  createProgressStore,
  freshProgress,
  mergeProgress,
  validateProgress,
} from '../../web/src/state/progress.js';
import { now, storeOn } from './progress-store.mjs';

class FakeStorage {
  constructor(initial = {}) {
    this.map = new Map(Object.entries(initial));
    this.writes = 0;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.writes += 1;
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}
class ThrowingStorage {
  getItem() {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
  setItem() {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
  removeItem() {
    throw Object.assign(new Error('denied'), { name: 'SecurityError' });
  }
}
class FullStorage extends FakeStorage {
  setItem() {
    throw Object.assign(new Error('full'), { name: 'QuotaExceededError', code: 22 });
  }
}

test('a fresh store writes one versioned key with a valid record', () => {
  const backend = new FakeStorage();
  const store = storeOn(backend);
  assert.deepEqual([...backend.map.keys()], [STORAGE_KEY]);
  const saved = JSON.parse(backend.getItem(STORAGE_KEY));
  assert.equal(saved.version, 2);
  assert.equal(saved.lesson, 'normalization');
  assert.ok(validateProgress(saved).ok);
  assert.equal(store.recovered, null);
});

test('progress survives a reload (a second store on the same storage)', () => {
  const backend = new FakeStorage();
  const a = storeOn(backend);
  a.markSectionRead('intro');
  a.recordAnswer('quiz-ics', 'a', false);
  a.recordAnswer('quiz-ics', 'b', true);
  a.finishWalkthrough();
  a.markPlaygroundUsed();
  a.addTime(90_000);
  a.complete({ score: 0, total: 8 });
  const b = storeOn(backend);
  assert.deepEqual(b.state.sectionsRead, ['intro']);
  const check = b.state.checks['quiz-ics'];
  assert.equal(check.first, 'a');
  assert.equal(check.firstCorrect, false, 'the first answer is what counts');
  assert.equal(check.last, 'b');
  assert.equal(check.lastCorrect, true);
  assert.equal(check.attempts, 2);
  assert.equal(b.state.walkthrough.finished, true);
  assert.equal(b.state.playgroundUsed, true);
  assert.equal(b.state.timeSpentMs, 90_000);
  assert.deepEqual(
    { ...b.state.completion, date: undefined },
    { date: undefined, score: 0, total: 8, timeSpentMs: 90_000 },
  );
});

test('corrupted JSON: start fresh, keep the bad value under the backup key', () => {
  const backend = new FakeStorage({ [STORAGE_KEY]: '{"version":1, oops' });
  const store = storeOn(backend);
  assert.equal(store.recovered, 'corrupt');
  assert.equal(backend.getItem(BACKUP_KEY), '{"version":1, oops');
  assert.ok(validateProgress(JSON.parse(backend.getItem(STORAGE_KEY))).ok);
  assert.deepEqual(store.state.sectionsRead, []);
});

test('foreign JSON shapes are rejected and backed up', () => {
  const shapes = [
    '[]',
    '42',
    'null',
    '"text"',
    '{"hello":"world"}',
    JSON.stringify({ ...freshProgress(), version: 3 }),
    JSON.stringify({ ...freshProgress(), mastery: { visits: -1, variants: [], missed: {} } }),
    JSON.stringify({ ...freshProgress(), mastery: { visits: 1, variants: [{ item: 'x' }], missed: {} } }),
    JSON.stringify({ ...freshProgress(), lesson: 'other-lesson' }),
    JSON.stringify({ ...freshProgress(), sectionsRead: 'intro' }),
    JSON.stringify({ ...freshProgress(), checks: { 'quiz-a': { first: 'a' } } }),
    JSON.stringify({ ...freshProgress(), timeSpentMs: -5 }),
    JSON.stringify({ ...freshProgress(), completion: { date: 'yesterday', score: 1, total: 8, timeSpentMs: 0 } }),
    JSON.stringify({ ...freshProgress(), certificate: { id: 'x', name: '<b>' } }),
  ];
  for (const raw of shapes) {
    const backend = new FakeStorage({ [STORAGE_KEY]: raw });
    const store = storeOn(backend);
    assert.ok(store.recovered === 'foreign' || store.recovered === 'corrupt', raw);
    assert.equal(backend.getItem(BACKUP_KEY), raw, raw);
    assert.ok(validateProgress(JSON.parse(backend.getItem(STORAGE_KEY))).ok, raw);
  }
});

test('unknown extra fields are dropped, not fatal', () => {
  const value = { ...freshProgress(), extra: { deep: true } };
  const result = validateProgress(value);
  assert.ok(result.ok);
  assert.equal('extra' in result.progress, false);
});

test('a localStorage that throws: memory mode, everything still works, one failure report', () => {
  const reports = [];
  const storage = createSafeStorage(() => new ThrowingStorage());
  storage.onFailure((f) => reports.push(f));
  const store = createProgressStore({ storage, now });
  assert.equal(storage.mode, 'memory');
  assert.equal(storage.failure.reason, 'blocked');
  store.markSectionRead('intro');
  store.recordAnswer('quiz-ics', 'a', true);
  assert.deepEqual(store.state.sectionsRead, ['intro']);
  assert.equal(store.state.checks['quiz-ics'].firstCorrect, true);
  assert.ok(reports.length <= 1);
});

test('a localStorage getter that throws (sandboxed iframe)', () => {
  const storage = createSafeStorage(() => {
    throw Object.assign(new Error('no'), { name: 'SecurityError' });
  });
  assert.equal(storage.mode, 'memory');
  const store = createProgressStore({ storage, now });
  store.markPlaygroundUsed();
  assert.equal(store.state.playgroundUsed, true);
});

test('quota exceeded on setItem: memory mode with reason quota, reads keep working', () => {
  const backend = new FullStorage();
  const storage = createSafeStorage(() => backend);
  const store = createProgressStore({ storage, now });
  assert.equal(storage.mode, 'memory');
  assert.equal(storage.failure.reason, 'quota');
  store.markSectionRead('ics');
  assert.deepEqual(store.state.sectionsRead, ['ics']);
  assert.ok(storage.get(STORAGE_KEY).includes('"ics"'));
});

test('two tabs: changes from the other tab are merged in and the two converge', () => {
  const backend = new FakeStorage();
  const a = storeOn(backend);
  const b = storeOn(backend); // same epoch: it loaded what a wrote
  assert.equal(a.state.epoch, b.state.epoch);
  a.markSectionRead('intro');
  b.recordAnswer('quiz-ics', 'c', true); // b has not seen a's write yet
  // Deliver the storage events both ways, as the browser would.
  const fromB = backend.getItem(STORAGE_KEY);
  a.applyExternal(fromB);
  b.applyExternal(backend.getItem(STORAGE_KEY));
  assert.deepEqual(a.state.sectionsRead, ['intro']);
  assert.ok(a.state.checks['quiz-ics']);
  assert.deepEqual(JSON.stringify(a.state), JSON.stringify(b.state));
});

test('an imported record (progress code) is written at once, also when it replaces the state as is', () => {
  // Another browser's record: another epoch, so it is adopted unchanged — and must still reach this
  // site's storage, or a reload right after the import loses it.
  const other = storeOn(new FakeStorage());
  other.recordAnswer('quiz-ics', 'c', true);
  const backend = new FakeStorage();
  const here = storeOn(backend);
  assert.notEqual(here.state.epoch, other.state.epoch);
  assert.equal(here.importProgress(structuredClone(other.state)), true);
  assert.equal(backend.getItem(STORAGE_KEY), JSON.stringify(other.state));
  assert.ok(storeOn(backend).state.checks['quiz-ics'], 'a new page load finds the imported answer');
  assert.throws(() => here.importProgress({ foreign: true }), RangeError);
});

test('merge is commutative and idempotent', () => {
  const base = freshProgress(new Date('2026-11-26T10:00:00Z'));
  const x = validateProgress({
    ...base,
    updatedAt: '2026-11-26T10:01:00.000Z',
    sectionsRead: ['intro', 'ics'],
    walkthrough: { step: 3, finished: false },
    timeSpentMs: 5000,
  }).progress;
  const y = validateProgress({
    ...base,
    updatedAt: '2026-11-26T10:02:00.000Z',
    sectionsRead: ['training'],
    walkthrough: { step: 1, finished: true },
    playgroundUsed: true,
    timeSpentMs: 3000,
  }).progress;
  const xy = mergeProgress(x, y);
  assert.deepEqual(xy, mergeProgress(y, x));
  assert.deepEqual(mergeProgress(xy, x), xy);
  assert.deepEqual(xy.sectionsRead, ['ics', 'intro', 'training']);
  assert.equal(xy.walkthrough.step, 1, 'the newer tab decides the step');
  assert.equal(xy.walkthrough.finished, true);
  assert.equal(xy.timeSpentMs, 5000);
});

test('a reset in another tab (new epoch) is adopted; invalid external values are ignored', () => {
  const backend = new FakeStorage();
  const a = storeOn(backend);
  const b = storeOn(backend);
  a.markSectionRead('intro');
  b.applyExternal(backend.getItem(STORAGE_KEY));
  assert.deepEqual(b.state.sectionsRead, ['intro']);
  a.reset();
  assert.equal(b.applyExternal(backend.getItem(STORAGE_KEY)), true);
  assert.deepEqual(b.state.sectionsRead, []);
  assert.equal(b.state.epoch, a.state.epoch);
  assert.equal(b.applyExternal('{broken'), false);
  assert.equal(b.applyExternal(JSON.stringify({ foreign: true })), false);
});

test('subscribers hear each change once; no-op updates do not write', () => {
  const backend = new FakeStorage();
  const store = storeOn(backend);
  let calls = 0;
  store.subscribe(() => {
    calls += 1;
  });
  const writes = backend.writes;
  store.markSectionRead('intro');
  store.markSectionRead('intro');
  assert.equal(calls, 1);
  assert.equal(backend.writes, writes + 1);
});

test('a certificate record is validated before it is saved', () => {
  const store = storeOn(new FakeStorage());
  assert.throws(() => store.saveCertificate({ id: 'nope' }), RangeError);
  const hash = 'ab'.repeat(32);
  store.saveCertificate({
    id: 'ABAB-ABAB-ABAB',
    hash,
    name: '<img src=x onerror=alert(1)>',
    title: 'T',
    date: '2026-11-26',
    score: 3,
    total: 8,
    durationMinutes: 15,
  });
  assert.equal(store.state.learnerName, '<img src=x onerror=alert(1)>');
});
