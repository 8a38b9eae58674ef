// Unit tests of the embed parameter parser (web/src/embed/params.js) and the host message protocol's pure
// parts (web/src/embed/host-messages.js): defaults, every parameter, invalid values falling back, origins,
// and which incoming messages are accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanOrigin, HIDEABLE, parseEmbedParams, parseOriginList, PRESETS } from '../../web/src/embed/params.js';
import {
  acceptIncoming,
  completedPayload,
  createHostChannel,
  isoDuration,
  message,
  progressPayload,
  xapiStatement,
} from '../../web/src/embed/host-messages.js';

const DEFAULTS = {
  embed: false,
  teacher: false,
  step: null,
  preset: null,
  hide: [],
  pass: null,
  theme: null,
  origins: [],
  ignored: [],
};

test('no parameters: every default', () => {
  assert.deepEqual(parseEmbedParams(''), DEFAULTS);
  assert.deepEqual(parseEmbedParams('?'), DEFAULTS);
  assert.deepEqual(parseEmbedParams('?unrelated=1&trainWorkers=2'), DEFAULTS);
});

test('every parameter with a valid value', () => {
  const p = parseEmbedParams(
    '?embed=1&step=4&preset=transformer&hide=quiz,certificate&pass=80&theme=dark&origin=https://lms.example.org',
  );
  assert.equal(p.embed, true);
  assert.equal(p.step, 4);
  assert.deepEqual(p.preset, { name: 'transformer', figure: 'training', state: { preset: 'transformer' } });
  assert.deepEqual(p.hide, ['quiz', 'certificate']);
  assert.equal(p.pass, 80);
  assert.equal(p.theme, 'dark');
  assert.deepEqual(p.origins, ['https://lms.example.org']);
  assert.deepEqual(p.ignored, []);
});

test('spellings: embed=true/yes, case-insensitive names, repeated hide, URLSearchParams input', () => {
  assert.equal(parseEmbedParams('?embed=true').embed, true);
  assert.equal(parseEmbedParams('?embed=YES').embed, true);
  assert.equal(parseEmbedParams('?embed=0').embed, false);
  assert.deepEqual(parseEmbedParams('?hide=Quiz&hide=toc,%20reset&hide=quiz').hide, ['quiz', 'toc', 'reset']);
  assert.equal(parseEmbedParams('?theme=Light').theme, 'light');
  assert.equal(parseEmbedParams('?preset=BatchNorm').preset.name, 'batchnorm');
  assert.equal(parseEmbedParams(new URLSearchParams('pass=62.5')).pass, 62.5);
  assert.equal(parseEmbedParams('?pass=0').pass, 0);
  assert.equal(parseEmbedParams('?pass=100').pass, 100);
});

test('invalid values fall back to the defaults and are reported', () => {
  const p = parseEmbedParams(
    '?embed=maybe&step=0&preset=nope&hide=quiz,everything&pass=101&theme=blue&origin=javascript:alert(1)',
  );
  assert.equal(p.embed, false);
  assert.equal(p.step, null);
  assert.equal(p.preset, null);
  assert.deepEqual(p.hide, ['quiz']);
  assert.equal(p.pass, null);
  assert.equal(p.theme, null);
  assert.deepEqual(p.origins, []);
  assert.deepEqual(p.ignored, [
    'embed=maybe',
    'step=0',
    'preset=nope',
    'hide=everything',
    'pass=101',
    'theme=blue',
    'origin=javascript:alert(1)',
  ]);
  for (const bad of ['7', '-1', '2.5', '1e1', 'abc', '', '0003x'])
    assert.equal(parseEmbedParams(`?step=${bad}`).step, null, bad);
  for (const bad of ['-5', 'abc', '80%', '1e2', 'NaN', 'Infinity', ''])
    assert.equal(parseEmbedParams(`?pass=${encodeURIComponent(bad)}`).pass, null, bad);
  assert.equal(parseEmbedParams('?step=6').step, 6);
  assert.equal(parseEmbedParams('?step=6', { walkthroughSteps: 5 }).step, null);
  assert.equal(parseEmbedParams('?preset=__proto__').preset, null);
  assert.equal(parseEmbedParams('?preset=constructor').preset, null);
});

test('teacher: 1/true/yes turn teacher mode on, 0/false off, anything else is reported', () => {
  for (const v of ['1', 'true', 'YES', 'on']) assert.equal(parseEmbedParams(`?teacher=${v}`).teacher, true, v);
  for (const v of ['0', 'false', 'no', '']) {
    const p = parseEmbedParams(`?teacher=${v}`);
    assert.equal(p.teacher, false, v);
    assert.deepEqual(p.ignored, [], v);
  }
  const bad = parseEmbedParams('?teacher=please&embed=1');
  assert.equal(bad.teacher, false);
  assert.equal(bad.embed, true);
  assert.deepEqual(bad.ignored, ['teacher=please']);
});

test('presets: training presets go to the training figure, the rest to the playground', () => {
  for (const name of ['fair', 'hard', 'transformer'])
    assert.deepEqual(PRESETS[name], { figure: 'training', state: { preset: name } });
  for (const [name, p] of Object.entries(PRESETS)) {
    assert.ok(['training', 'playground'].includes(p.figure), name);
    const parsed = parseEmbedParams(`?preset=${name}`).preset;
    parsed.state.mutated = true;
    assert.equal(PRESETS[name].state.mutated, undefined, 'the table is not shared with callers');
  }
  assert.ok(HIDEABLE.includes('quiz') && HIDEABLE.includes('certificate'));
});

test('origins: only plain http(s) origins', () => {
  assert.equal(cleanOrigin('https://lms.example.org'), 'https://lms.example.org');
  assert.equal(cleanOrigin('https://lms.example.org/'), 'https://lms.example.org');
  assert.equal(cleanOrigin('http://localhost:8080'), 'http://localhost:8080');
  for (const bad of [
    'https://lms.example.org/course',
    'https://u:p@lms.example.org',
    'ftp://x.org',
    'javascript:alert(1)',
    'data:text/html,x',
    '*',
    'null',
    'lms.example.org',
    'https://x.org?a=1',
    'https://x.org#f',
  ]) {
    assert.equal(cleanOrigin(bad), null, bad);
  }
  assert.deepEqual(parseOriginList('https://a.org, https://b.org https://a.org bogus'), [
    'https://a.org',
    'https://b.org',
  ]);
  assert.deepEqual(parseEmbedParams('?origin=https://a.org,https://b.org&origin=https://c.org').origins, [
    'https://a.org',
    'https://b.org',
    'https://c.org',
  ]);
});

test('messages: envelope, payloads, xAPI statements without any actor', () => {
  assert.deepEqual(message('resize', { height: 10 }), {
    source: 'normlab',
    v: 1,
    type: 'resize',
    lesson: 'normalization',
    height: 10,
  });
  const s = {
    done: 5,
    total: 19,
    sectionsRead: 3,
    sectionsTotal: 9,
    answered: 2,
    correct: 1,
    checksTotal: 8,
    walkthrough: false,
    playground: false,
  };
  assert.deepEqual(progressPayload(s), { percent: 26.3, ...s });
  assert.equal(completedPayload(null, 80), null);
  const comp = { date: '2026-11-26T10:00:00.000Z', score: 5, total: 8, timeSpentMs: 61000 };
  assert.deepEqual(completedPayload(comp, 80), {
    score: 5,
    total: 8,
    percent: 62.5,
    passed: false,
    passMark: 80,
    durationMs: 61000,
    date: comp.date,
  });
  assert.equal(completedPayload(comp, null).passed, null);
  assert.equal(completedPayload(comp, 62.5).passed, true);
  assert.equal(isoDuration(0), 'PT0S');
  assert.equal(isoDuration(3723000), 'PT1H2M3S');
  assert.equal(isoDuration(60000), 'PT1M');
  const st = xapiStatement('completed', { result: { completion: true } });
  assert.equal(st.actor, undefined);
  assert.equal(st.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
  assert.equal(st.object.objectType, 'Activity');
});

test('incoming: only allowed origins, only the parent, only the documented commands', () => {
  const parent = {};
  const ok = (data, extra = {}) =>
    acceptIncoming(
      { origin: 'https://lms.example.org', source: parent, data, ...extra },
      { allowedOrigins: ['https://lms.example.org'], parent },
    );
  assert.deepEqual(ok({ source: 'normlab-host', v: 1, type: 'request-state' }), { type: 'request-state' });
  assert.deepEqual(ok({ source: 'normlab-host', v: 1, type: 'reset', extra: 'ignored' }), { type: 'reset' });
  assert.equal(ok({ source: 'normlab-host', v: 1, type: 'reset' }, { origin: 'https://evil.example' }), null);
  assert.equal(ok({ source: 'normlab-host', v: 1, type: 'reset' }, { source: {} }), null, 'not from the parent');
  assert.equal(ok({ source: 'normlab-host', v: 2, type: 'reset' }), null, 'another protocol version');
  assert.equal(ok({ source: 'normlab', v: 1, type: 'reset' }), null, 'our own outgoing envelope');
  assert.equal(ok({ source: 'normlab-host', v: 1, type: 'eval' }), null);
  assert.equal(ok({ source: 'normlab-host', v: 1, type: 'toString' }), null);
  assert.equal(ok('reset'), null);
  assert.equal(ok(null), null);
  assert.equal(ok([{ type: 'reset' }]), null);
  assert.equal(
    acceptIncoming(
      { origin: 'null', source: parent, data: { source: 'normlab-host', v: 1, type: 'reset' } },
      { allowedOrigins: [], parent },
    ),
    null,
    'no allowed origins: nothing is accepted',
  );
});

test('the channel posts to each allowed origin by name, never to "*", and not at all when not framed', () => {
  const posted = [];
  const target = { postMessage: (msg, origin) => posted.push([msg.type, origin]) };
  const channel = createHostChannel({ target, origins: ['https://a.org', 'https://b.org'] });
  assert.equal(channel.send('progress', { percent: 1 }), 2);
  channel.statement('answered', {});
  assert.deepEqual(posted, [
    ['progress', 'https://a.org'],
    ['progress', 'https://b.org'],
    ['xapi', 'https://a.org'],
    ['xapi', 'https://b.org'],
  ]);
  assert.ok(posted.every(([, origin]) => origin !== '*'));
  assert.equal(createHostChannel({ target: null, origins: ['https://a.org'] }).send('ready', {}), 0);
  assert.equal(createHostChannel({ target, origins: [] }).send('ready', {}), 0, 'no origin known: nothing is sent');
});
