// Unit tests of the progress code and suspend_data encodings (web/src/state/progress-code.js) and of the
// SCORM layer (web/src/lms/): round trips through validateProgress, tampering and typos rejected, the 4096-
// character limit enforced, API discovery across (cross-origin) windows, time formats, and what the session
// reports for each situation — against a recording fake API (the browser tests use the real scorm-again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSafeStorage } from '../../web/src/state/storage.js';
import { SECTION_ORDER } from '../../web/src/content/schema.js';
import { createProgressStore, freshProgress, STORAGE_KEY, validateProgress } from '../../web/src/state/progress.js';
import {
  checksum,
  compactProgress,
  decodeProgressCode,
  decodeSuspendData,
  encodeProgressCode,
  encodeSuspendData,
  expandProgress,
  progressFile,
  readProgressFile,
  SCORM12_SUSPEND_MAX,
} from '../../web/src/state/progress-code.js';
import { createScormSession, displayName, scorm12Time, scorm2004Time } from '../../web/src/lms/scorm.js';
import { findScormApi } from '../../web/src/lms/find-api.js';
import { connectLms, createMemoryBackend } from '../../web/src/lms/index.js';
import { makeCertificate } from '../../web/src/certificate/certificate-id.js';

let clock = Date.parse('2026-11-26T10:00:00.000Z');
const now = () => new Date((clock += 1234));

async function richProgress() {
  const store = createProgressStore({ storage: createSafeStorage(() => createMemoryBackend()), now });
  for (const id of SECTION_ORDER.filter((id) => id !== 'finish' && id !== 'references')) store.markSectionRead(id);
  const quizzes = [
    'quiz-ics',
    'quiz-bn-axes',
    'quiz-ln-transformers',
    'quiz-after-normalization',
    'quiz-speedup',
    'quiz-higher-learning-rates',
    'quiz-rmsnorm',
    'quiz-small-batch',
  ];
  quizzes.forEach((id, i) => {
    store.recordAnswer(id, 'a', i % 3 !== 0);
    if (i % 3 === 0) store.recordAnswer(id, 'b', true);
  });
  store.setWalkthroughStep(5);
  store.finishWalkthrough();
  store.markPlaygroundUsed();
  store.addTime(123_456);
  store.complete({ score: 5, total: 8 });
  const cert = await makeCertificate({
    name: 'Ada Lovelace',
    title: 'Normalization techniques — stabilizing neural networks',
    date: '2026-11-26',
    score: 5,
    total: 8,
    durationMinutes: 15,
  });
  store.saveCertificate(cert);
  return store.state;
}

test('compact form round-trips exactly, through validateProgress', async () => {
  const p = await richProgress();
  const back = validateProgress(expandProgress(compactProgress(p)));
  assert.ok(back.ok, back.error);
  assert.deepEqual(back.progress, p);
  const fresh = freshProgress(new Date('2026-01-01T00:00:00.000Z'));
  assert.deepEqual(validateProgress(expandProgress(compactProgress(fresh))).progress, fresh);
});

test('progress code: round trip, checksum, typos, tampering, other data', async () => {
  const p = await richProgress();
  const code = encodeProgressCode(p);
  assert.match(code, /^NL1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  assert.ok(code.length < 2000, `short enough to copy (${code.length} chars)`);
  const back = decodeProgressCode(code);
  assert.ok(back.ok);
  assert.deepEqual(back.progress, p);
  assert.ok(
    decodeProgressCode(`  ${code.slice(0, 40)}\n${code.slice(40)}  `).ok,
    'whitespace and line breaks are ignored',
  );
  const [prefix, body, sum] = code.split('.');
  const typo = body.slice(0, 10) + (body[10] === 'A' ? 'B' : 'A') + body.slice(11);
  assert.match(decodeProgressCode(`${prefix}.${typo}.${sum}`).error, /checksum/);
  assert.match(decodeProgressCode(code.slice(0, -20)).error, /checksum|not a progress code/);
  // A well-formed code whose content is not valid progress (e.g. a forged score above the total).
  const forged = compactProgress(p);
  forged.d[1] = 99;
  const forgedBody = Buffer.from(JSON.stringify(forged)).toString('base64url');
  const result = decodeProgressCode(`NL1.${forgedBody}.${checksum(forgedBody)}`);
  assert.equal(result.ok, false);
  assert.match(result.error, /not valid for this lesson/);
  assert.match(result.detail, /completion/);
  const junkBody = Buffer.from('{"v":1,"s":"x"}').toString('base64url');
  assert.equal(decodeProgressCode(`NL1.${junkBody}.${checksum(junkBody)}`).ok, false);
  for (const bad of ['', 'hello', 'NL2.abc.00000000', 'NL1..', null, 42, 'NL1.<script>.00000000', 'x'.repeat(30000)]) {
    assert.equal(decodeProgressCode(bad).ok, false, String(bad).slice(0, 20));
  }
});

test('progress file: round trip; other JSON rejected; a bare code accepted', async () => {
  const p = await richProgress();
  const file = progressFile(p, new Date('2026-11-26T12:00:00.000Z'));
  assert.deepEqual(readProgressFile(file).progress, p);
  assert.deepEqual(readProgressFile(encodeProgressCode(p)).progress, p);
  assert.equal(readProgressFile('{"type":"other"}').ok, false);
  assert.equal(readProgressFile(JSON.stringify(p)).ok, false, 'raw progress JSON is not a progress file');
});

test("suspend_data: within SCORM 1.2's 4096 characters, degrading gracefully; decode validates", async () => {
  const p = await richProgress();
  const full = encodeSuspendData(p);
  assert.ok(full.length <= SCORM12_SUSPEND_MAX, `${full.length}`);
  assert.deepEqual(decodeSuspendData(full).progress, p);
  // A tight limit: the certificate goes first, then answer details; the result still validates.
  const noCert = encodeSuspendData(p, full.length - 1);
  assert.ok(noCert.length < full.length);
  const decoded = decodeSuspendData(noCert);
  assert.ok(decoded.ok);
  assert.equal(decoded.progress.certificate, null);
  assert.equal(decoded.progress.completion.score, 5);
  assert.equal(decoded.progress.checks['quiz-ics'].firstCorrect, false, 'first answers are kept');
  assert.equal(encodeSuspendData(p, 50), null, 'never more than the limit');
  // A long name (120 chars) and a long title still fit in 4096.
  const long = structuredClone(p);
  long.learnerName = 'Ł'.repeat(120);
  assert.ok(encodeSuspendData(validateProgress(long).progress).length <= SCORM12_SUSPEND_MAX);
  for (const bad of ['', 'nl1:', 'nl1:{', 'other data', 'nl1:{"v":1,"e":"zz","s":0}', null]) {
    assert.equal(decodeSuspendData(bad).ok, false, String(bad));
  }
});

// ---- SCORM --------------------------------------------------------------------------------------------

function fakeApi(version, seed = {}) {
  const data = new Map(Object.entries(seed));
  const calls = [];
  const [init, get, set, commit, finish, lastError] =
    version === '1.2'
      ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError']
      : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'];
  // Each call is recorded under the same name in both versions.
  const record = (...call) => {
    calls.push(call);
    return 'true';
  };
  const api = {
    [init]: () => record('init'),
    [get]: (k) => data.get(k) ?? '',
    [set]: (k, v) => {
      data.set(k, v);
      return record('set', k, v);
    },
    [commit]: () => record('commit'),
    [finish]: () => record('finish'),
    [lastError]: () => '0',
  };
  return { api, data, calls };
}

/** A window chain: the lesson's window, its parent (which may be "cross-origin": every property throws). */
function windows({ parentApi = null, crossOrigin = false, opener = null } = {}) {
  const top = {};
  top.parent = top;
  top.top = top;
  if (parentApi) Object.assign(top, parentApi);
  const parent = crossOrigin
    ? new Proxy(top, {
        get(target, key, receiver) {
          if (key === 'parent' || key === 'top') return receiver;
          throw new DOMException('cross-origin', 'SecurityError');
        },
      })
    : top;
  const self = { parent, top: parent, opener };
  return self;
}

test('API discovery: 2004 before 1.2, parents, opener, cross-origin windows mean standalone', () => {
  const a12 = fakeApi('1.2').api;
  const a04 = fakeApi('2004').api;
  assert.equal(findScormApi(windows({ parentApi: { API: a12 } })).version, '1.2');
  assert.equal(findScormApi(windows({ parentApi: { API: a12, API_1484_11: a04 } })).version, '2004');
  assert.equal(findScormApi(windows({ parentApi: { API: a12 }, crossOrigin: true })), null);
  assert.equal(findScormApi(windows()), null);
  const opener = { API: a12 };
  opener.parent = opener;
  assert.equal(findScormApi(windows({ opener })).api, a12, 'new-window launch: the API is on the opener');
  assert.equal(
    findScormApi(windows({ parentApi: { API: { LMSInitialize: 1 } } })),
    null,
    'an object that is not an API',
  );
  assert.equal(findScormApi(null), null);
});

test('names and times in the LMS formats', () => {
  assert.equal(displayName('Lovelace, Ada'), 'Ada Lovelace');
  assert.equal(displayName('  Ada   Lovelace '), 'Ada Lovelace');
  assert.equal(displayName(''), '');
  assert.equal(scorm12Time(0), '0000:00:00.00');
  assert.equal(scorm12Time(3723450), '0001:02:03.45');
  assert.match(scorm12Time(1e12), /^9999:/);
  assert.equal(scorm2004Time(3723450), 'PT1H2M3.45S');
  assert.equal(scorm2004Time(0), 'PT0H0M0S');
  assert.equal(scorm2004Time(60000), 'PT0H1M0S');
});

const summary = (answered, correct, done = answered, total = 19) => ({
  answered,
  correct,
  checksTotal: 8,
  done,
  total,
});

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version}: status, score and success agree with the pass mark; no score before it is final`, () => {
    const status = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    const raw = version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
    const run = (args) => {
      const { api, data, calls } = fakeApi(version);
      const s = createScormSession({ version, api });
      assert.ok(s.start());
      s.report({ suspendData: 'nl1:{}', progressMeasure: 0.5, ...args });
      return { data, calls, s };
    };
    let r = run({ completed: false, scoreFinal: false, correct: 3, total: 8, passMark: 80 });
    assert.equal(r.data.get(status), 'incomplete');
    assert.equal(r.data.has(raw), false, 'no score while checks are open');
    if (version === '2004') assert.equal(r.data.get('cmi.success_status'), 'unknown');
    r = run({ completed: true, scoreFinal: true, correct: 7, total: 8, passMark: 80 });
    assert.equal(r.data.get(raw), '87.5');
    if (version === '1.2') assert.equal(r.data.get(status), 'passed');
    else {
      assert.equal(r.data.get(status), 'completed');
      assert.equal(r.data.get('cmi.success_status'), 'passed');
      assert.equal(r.data.get('cmi.score.scaled'), '0.875');
      assert.equal(r.data.get('cmi.progress_measure'), '1');
    }
    r = run({ completed: false, scoreFinal: true, correct: 5, total: 8, passMark: 80 });
    assert.equal(r.data.get(version === '1.2' ? status : 'cmi.success_status'), 'failed');
    r = run({ completed: true, scoreFinal: true, correct: 5, total: 8, passMark: null });
    assert.equal(r.data.get(status), 'completed');
    if (version === '2004') assert.equal(r.data.get('cmi.success_status'), 'unknown');
    // Exactly at the pass mark passes (>=), as an LMS comparing raw >= mastery would.
    r = run({ completed: true, scoreFinal: true, correct: 4, total: 8, passMark: 50 });
    assert.equal(r.data.get(version === '1.2' ? status : 'cmi.success_status'), 'passed');
  });

  test(`SCORM ${version}: unchanged values are not re-sent, commit only after a change, finish once`, () => {
    const { api, data, calls } = fakeApi(version);
    const s = createScormSession({ version, api });
    s.start();
    const args = {
      completed: false,
      scoreFinal: false,
      correct: 0,
      total: 8,
      passMark: null,
      progressMeasure: 0.1,
      suspendData: 'nl1:{}',
    };
    s.report(args);
    const commits = () => calls.filter((c) => c[0] === 'commit').length;
    assert.equal(commits(), 1);
    s.report(args);
    assert.equal(commits(), 1, 'nothing changed: no commit');
    s.report({ ...args, suspendData: 'nl1:{"x":1}' });
    assert.equal(commits(), 2);
    s.finish({ sessionMs: 61000 });
    s.finish({ sessionMs: 99000 });
    s.report(args);
    assert.equal(calls.filter((c) => c[0] === 'finish').length, 1);
    assert.deepEqual(calls.at(-1), ['finish']);
    assert.equal(
      data.get(version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time'),
      version === '1.2' ? '0000:01:01.00' : 'PT0H1M1S',
    );
    assert.equal(data.get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'), 'suspend');
  });
}

test('connectLms: restores suspend_data into the memory backend, reads name and pass mark; standalone without an API', async () => {
  const p = await richProgress();
  const { api, calls } = fakeApi('1.2', {
    'cmi.core.student_name': 'Hopper, Grace',
    'cmi.student_data.mastery_score': '75',
    'cmi.suspend_data': encodeSuspendData(p),
  });
  const win = windows({ parentApi: { API: api } });
  const lms = connectLms({ win, storageKey: STORAGE_KEY });
  assert.equal(lms.kind, 'scorm12');
  assert.equal(lms.learnerName, 'Grace Hopper');
  assert.equal(lms.passMark, 75);
  assert.equal(lms.restored, 'resumed');
  const store = createProgressStore({ storage: createSafeStorage(() => lms.backend), now });
  assert.deepEqual(store.state, p, 'the store starts from the LMS state');
  lms.sync(store.state, { answered: 8, correct: 5, checksTotal: 8, done: 19, total: 19 });
  assert.ok(
    calls.some((c) => c[0] === 'set' && c[1] === 'cmi.core.lesson_status' && c[2] === 'failed'),
    '5/8 < 75 %',
  );
  const bad = connectLms({
    win: windows({ parentApi: { API: fakeApi('1.2', { 'cmi.suspend_data': 'garbage' }).api } }),
    storageKey: STORAGE_KEY,
  });
  assert.equal(bad.restored, 'unreadable');
  assert.equal(bad.backend.getItem(STORAGE_KEY), null);
  const none = connectLms({ win: windows(), storageKey: STORAGE_KEY });
  assert.equal(none.kind, 'standalone');
  assert.equal(none.backend, null);
  const s2004 = connectLms({
    win: windows({ parentApi: { API_1484_11: fakeApi('2004', { 'cmi.scaled_passing_score': '0.8' }).api } }),
    storageKey: STORAGE_KEY,
  });
  assert.equal(s2004.kind, 'scorm2004');
  assert.equal(s2004.passMark, 80);
  assert.equal(summary(1, 1).checksTotal, 8);
});
