// Embedding, in Chromium, across three sites: the lesson (http://lesson.test, the built dist with the strict
// CSP header), the course page examples/embed.html (http://host.test) and a foreign frame (http://evil.test),
// all mapped to 127.0.0.1 with --host-resolver-rules. Asserts: the documented events arrive at the host with
// their documented shapes (ready, resize, progress, answer, completed, state, xapi without any actor); the
// iframe follows the lesson's height, also after content grows; commands from a foreign origin (and
// malformed ones) are ignored while the host's own are obeyed; the embed parameters shape the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, choose, distDir, launch, readyFigure, repoRoot, requireDist, serve } from './harness.mjs';
import { axeCheck } from './checks.mjs';

const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const quizzes = content.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'quiz'));
const right = (q) => q.options.find((o) => o.correct).id;

const BASE = ['source', 'v', 'type', 'lesson'];
const SHAPES = {
  ready: [...BASE, 'version', 'embed', 'storage', 'passMark', 'progress', 'completed'],
  resize: [...BASE, 'height'],
  progress: [
    ...BASE,
    'percent',
    'done',
    'total',
    'sectionsRead',
    'sectionsTotal',
    'answered',
    'correct',
    'checksTotal',
    'walkthrough',
    'playground',
  ],
  answer: [...BASE, 'quizId', 'index', 'optionId', 'correct', 'first', 'attempts'],
  completed: [...BASE, 'score', 'total', 'percent', 'passed', 'passMark', 'durationMs', 'date'],
  state: [...BASE, 'progress', 'completed'],
  xapi: [...BASE, 'statement'],
};
const PROGRESS_KEYS = SHAPES.progress.filter((k) => !BASE.includes(k));

function assertShape(message) {
  assert.equal(message.source, 'normlab');
  assert.equal(message.v, 1);
  assert.equal(message.lesson, 'normalization');
  const keys = SHAPES[message.type];
  assert.ok(keys, `unknown event type ${message.type}`);
  assert.deepEqual(Object.keys(message).sort(), [...keys].sort(), `shape of ${message.type}`);
}

let work;
let lessonServer;
let hostServer;
let browser;
let LESSON;
let HOST;
let EVIL;

before(async () => {
  requireDist();
  work = mkdtempSync(join(tmpdir(), 'normlab-embed-test-'));
  copyFileSync(join(repoRoot, 'examples', 'embed.html'), join(work, 'embed.html'));
  writeFileSync(join(work, 'index.html'), '<!doctype html><title>host</title>\n');
  // The foreign page: tries to reset the lesson in its sibling frame, and says when it has.
  writeFileSync(join(work, 'evil.html'), '<!doctype html><title>foreign</title><script src="evil.js"></script>\n');
  writeFileSync(
    join(work, 'evil.js'),
    `
    const lesson = parent.frames[0];
    lesson.postMessage({ source: 'normlab-host', v: 1, type: 'reset' }, '*');
    lesson.postMessage({ source: 'normlab-host', v: 1, type: 'request-state' }, '*');
    parent.postMessage('foreign-sent', '*');
  `,
  );
  lessonServer = await serve({ root: distDir });
  hostServer = await serve({ root: work, csp: null });
  LESSON = `http://lesson.test:${lessonServer.port}/`;
  HOST = `http://host.test:${hostServer.port}/`;
  EVIL = `http://evil.test:${hostServer.port}/`;
  browser = await launch({ args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1'] });
});
after(async () => {
  await browser?.close();
  await lessonServer?.close();
  await hostServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const events = (page, type) => page.evaluate((t) => window.normlabEvents.filter((e) => !t || e.type === t), type);
const waitEvent = (page, type, predicate = 'true') =>
  page.waitForFunction(
    ([t, p]) => window.normlabEvents.some((e) => e.type === t && new Function('e', `return ${p}`)(e)),
    [type, predicate],
    { timeout: 15000 },
  );

// The stages of the hosting scenario below, in the order it runs them; each reads what the earlier ones did.
async function readyArrives(page, frame) {
  const [ready] = await events(page, 'ready');
  assertShape(ready);
  assert.equal(ready.embed, true);
  assert.equal(ready.passMark, 10);
  assert.deepEqual(Object.keys(ready.progress).sort(), [...PROGRESS_KEYS].sort());
  assert.equal(ready.completed, null);
  assert.equal(await frame.getAttribute('html', 'data-lms'), 'standalone');
  assert.ok(await frame.isVisible('#open-new-tab'), '"Open in a new tab" is offered inside a frame');
  assert.doesNotMatch(await frame.getAttribute('#open-new-tab', 'href'), /embed=/);
  assert.equal(await frame.isVisible('.site-footer'), false, 'embed=1 hides the site chrome');
}

async function heightFollowsTheLesson(page, frame) {
  // Auto-height: the iframe takes the lesson's reported height.
  const heightNow = async () => page.$eval('#normlab-lesson', (f) => f.getBoundingClientRect().height);
  // The frame has the height of the last resize event (the lesson may still send later ones: wait, then read).
  const followsLastResize = () =>
    page.waitForFunction(() => {
      const r = window.normlabEvents.filter((e) => e.type === 'resize').at(-1);
      const frameHeight = document.getElementById('normlab-lesson').getBoundingClientRect().height;
      return r && Math.abs(frameHeight - Math.min(20000, r.height)) < 2;
    });
  await followsLastResize();
  const first = await heightNow();
  assert.ok(first > 2000, `the iframe grew to the lesson's height (${first}px)`);
  assert.equal(
    await frame.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight + 2),
    true,
    'no scrollbar inside the frame',
  );

  // Content that grows later (a deep dive opens): the height follows.
  await frame.locator('details.deepdive > summary').first().press('Enter');
  await page.waitForFunction(
    (h) => document.getElementById('normlab-lesson').getBoundingClientRect().height > h + 20,
    first,
    { timeout: 10000 },
  );
  await followsLastResize();
}

// In the frame everything is chosen and pressed by keyboard, as the SCORM test does: the host resizes the iframe
// as the lesson grows (auto-height) and figures mount above without reserved space in a frame, so a pointer
// click can land where an element was, not where it is (a Check that never answered, 1 run in 3 under load).
async function answerIsReported(page, frame) {
  // An answer: answer + progress + an actor-less xAPI statement.
  const q = quizzes[0];
  await choose(frame.locator(`#${q.id} input[value="${right(q)}"]`));
  await frame.locator(`#${q.id} .qc-check`).press('Enter');
  await waitEvent(page, 'answer');
  const [answer] = await events(page, 'answer');
  assertShape(answer);
  assert.deepEqual(
    { ...answer, source: undefined, v: undefined, type: undefined, lesson: undefined },
    {
      source: undefined,
      v: undefined,
      type: undefined,
      lesson: undefined,
      quizId: q.id,
      index: 1,
      optionId: right(q),
      correct: true,
      first: true,
      attempts: 1,
    },
  );
  await waitEvent(page, 'progress', 'e.answered === 1');
  const progress = (await events(page, 'progress')).at(-1);
  assertShape(progress);
  assert.equal(progress.correct, 1);
  assert.equal(progress.checksTotal, 8);
  const xapi = await events(page, 'xapi');
  assert.ok(xapi.length >= 1);
  for (const x of xapi) {
    assertShape(x);
    assert.equal(x.statement.actor, undefined, 'no actor in xAPI statements');
    assert.match(x.statement.verb.id, /^http:\/\/adlnet\.gov\/expapi\/verbs\//);
  }
}

async function foreignCommandsIgnored(page, frame) {
  // A foreign origin's commands are ignored (reset, request-state), and so is a malformed host message.
  const stateEventsBefore = (await events(page, 'state')).length;
  await page.evaluate((src) => {
    window.foreignSent = false;
    window.addEventListener('message', (e) => {
      if (e.data === 'foreign-sent') window.foreignSent = true;
    });
    const f = document.createElement('iframe');
    f.src = src;
    f.title = 'foreign';
    document.body.append(f);
  }, `${EVIL}evil.html`);
  await page.waitForFunction(() => window.foreignSent === true);
  await page.evaluate((origin) => {
    const w = document.getElementById('normlab-lesson').contentWindow;
    w.postMessage({ source: 'normlab-host', v: 2, type: 'reset' }, origin);
    w.postMessage({ source: 'normlab-host', v: 1, type: 'eval', code: 'alert(1)' }, origin);
    w.postMessage('reset', origin);
  }, new URL(LESSON).origin);
  // The host's own request-state is answered. The lesson handles its host's messages in order, so once this
  // answer is in, the messages above have been handled: the test waits on the answer, not on a time.
  await page.click('#request-state');
  await page.waitForFunction(
    (n) => window.normlabEvents.filter((e) => e.type === 'state').length > n,
    stateEventsBefore,
  );
  assert.match(
    await frame.textContent('.completion-summary li:nth-child(2)'),
    /^Quick checks answered: 1 of 8/,
    'not reset',
  );
  const states = await events(page, 'state');
  assert.equal(states.length, stateEventsBefore + 1, 'no state sent for a foreign request');
  const state = states.at(-1);
  assertShape(state);
  assert.equal(state.progress.answered, 1);
}

async function completionIsReported(page, frame) {
  // Completed (pass mark 10 %: 1 of 8 = 12.5 %).
  await frame.locator('.mark-complete').press('Enter');
  await waitEvent(page, 'completed');
  const [completed] = await events(page, 'completed');
  assertShape(completed);
  assert.equal(completed.score, 1);
  assert.equal(completed.total, 8);
  assert.equal(completed.percent, 12.5);
  assert.equal(completed.passed, true);
  assert.equal(completed.passMark, 10);
  assert.ok(completed.durationMs >= 0);
  const verbs = (await events(page, 'xapi')).map((x) => x.statement.verb.display['en-US']);
  assert.ok(verbs.includes('completed') && verbs.includes('passed'), verbs.join());
}

async function hostResetIsObeyed(page, frame) {
  // The host's reset is obeyed.
  await page.click('#reset-lesson');
  await frame.waitForFunction(() =>
    /^Quick checks answered: 0 of 8/.test(document.querySelector('.completion-summary li:nth-child(2)').textContent),
  );
  await waitEvent(page, 'progress', 'e.answered === 0');
}

describe('examples/embed.html hosting the lesson from another site', () => {
  test('events with the documented shapes, auto-height, foreign commands ignored, host commands obeyed', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const violations = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    page.on('dialog', (d) => d.accept());
    await page.goto(`${HOST}embed.html?lesson=${encodeURIComponent(`${LESSON}index.html`)}&pass=10`);
    const frame = await (await page.waitForSelector('#normlab-lesson')).contentFrame();
    await frame.waitForSelector('#lesson[data-content-status="valid"]', { timeout: 20000 });
    await waitEvent(page, 'ready');
    await waitEvent(page, 'resize');

    await readyArrives(page, frame);
    await heightFollowsTheLesson(page, frame);
    await answerIsReported(page, frame);
    await foreignCommandsIgnored(page, frame);
    await completionIsReported(page, frame);
    await hostResetIsObeyed(page, frame);

    for (const e of await events(page)) assertShape(e);
    const origins = new Set(requests.map((u) => new URL(u).origin));
    for (const o of origins)
      assert.ok([new URL(LESSON).origin, new URL(HOST).origin, new URL(EVIL).origin].includes(o), `request to ${o}`);
    assert.deepEqual(violations, []);
    await context.close();
  });
});

describe('embed parameters', () => {
  test('embed, step, theme, hide, preset; invalid values fall back to defaults', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${LESSON}?embed=1&step=3&theme=dark&hide=references,toc,bogus&pass=abc&preset=small-batch`);
    await page.waitForSelector('#lesson[data-content-status="valid"]');
    await page.waitForFunction(() => document.documentElement.dataset.lessonReady === 'true');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.match(await page.getAttribute('html', 'class'), /\bis-embed\b/);
    assert.equal(await page.isVisible('.site-footer'), false);
    assert.equal(await page.textContent('.wt-count'), 'Step 3 of 6');
    assert.equal(await page.isVisible('#references'), false);
    assert.equal(await page.isVisible('#toc'), false);
    assert.equal(await page.isVisible('#lesson-title'), true);
    assert.equal(await page.isVisible('.pass-note'), false, 'pass=abc is ignored: no pass mark');
    assert.equal(await page.locator('.mark-complete').isEnabled(), true);
    assert.equal(await page.locator('#open-new-tab').count(), 0, 'top level: no "Open in a new tab"');
    assert.ok(
      warnings.some((w) => /ignored invalid parameters: .*hide=bogus.*|pass=abc/.test(w)),
      warnings.join('\n'),
    );
    // External links open in a new tab.
    for (const link of await page.locator('#lesson a.external').all())
      assert.equal(await link.getAttribute('target'), '_blank');
    // preset=small-batch: the playground opens with batch size 2.
    await readyFigure(page, '#playground .figure-host[data-figure="playground"]');
    const sliders = await page.$$eval('#playground input[type="range"]', (s) =>
      s.map((x) => `${x.getAttribute('aria-label') || x.id}=${x.getAttribute('aria-valuetext')}`),
    );
    const batch = await page.getByRole('slider', { name: /Batch size/ }).getAttribute('aria-valuetext');
    assert.equal(batch, '2', `playground sliders: ${sliders.join(', ')}`);
    await context.close();
  });
});

describe('progress across the storage partition', () => {
  test("progress made in the embed is not in the lesson site's own storage; the progress code carries it over", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${HOST}embed.html?lesson=${encodeURIComponent(`${LESSON}index.html`)}`);
    const frame = await (await page.waitForSelector('#normlab-lesson')).contentFrame();
    await frame.waitForSelector('#lesson[data-content-status="valid"]', { timeout: 20000 });
    for (const q of quizzes.slice(0, 2)) {
      await choose(frame.locator(`#${q.id} input[value="${right(q)}"]`));
      await frame.locator(`#${q.id} .qc-check`).press('Enter');
      await frame.waitForSelector(`#${q.id} .qc-option[data-result]`);
    }
    await frame.locator('#progress-transfer > summary').press('Enter');
    // The code is filled on the details element's toggle event, which the browser fires asynchronously.
    await frame.waitForFunction(() => document.querySelector('#progress-code')?.value.startsWith('NL1.'));
    const code = await frame.inputValue('#progress-code');
    assert.match(code, /^NL1\./);

    // The same browser, the lesson's own site at the top level: a different storage partition.
    const top = await context.newPage();
    await top.goto(LESSON);
    await top.waitForSelector('#lesson[data-content-status="valid"]');
    assert.match(await top.textContent('.completion-summary li:nth-child(2)'), /^Quick checks answered: 0 of 8/);
    await top.locator('#progress-transfer > summary').click();
    // A damaged code is refused and changes nothing.
    await top.fill('#progress-code', code.slice(0, -3) + 'zzz');
    await top.locator('.import-code').click();
    assert.equal(await top.getAttribute('#progress-transfer', 'data-import'), 'invalid');
    assert.match(await top.textContent('.transfer-status'), /not a valid progress code/);
    assert.match(await top.textContent('.completion-summary li:nth-child(2)'), /^Quick checks answered: 0 of 8/);
    await top.fill('#progress-code', code);
    await top.locator('.import-code').click();
    assert.equal(await top.getAttribute('#progress-transfer', 'data-import'), 'ok');
    assert.match(await top.textContent('.completion-summary li:nth-child(2)'), /^Quick checks answered: 2 of 8/);
    await top.reload();
    await top.waitForSelector('#lesson[data-content-status="valid"]');
    assert.match(
      await top.textContent('.completion-summary li:nth-child(2)'),
      /^Quick checks answered: 2 of 8/,
      'saved on the lesson site',
    );
    await context.close();
  });

  test('axe-core: no WCAG 2.x A/AA violations in the embed layout with a pass mark and the progress panel open', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await page.goto(`${LESSON}?embed=1&pass=80`);
    await page.waitForSelector('#lesson[data-content-status="valid"]');
    await page.locator('#progress-transfer > summary').click();
    assert.equal(await page.locator('.mark-complete').isDisabled(), true);
    await axeCheck(page, 'embed layout, pass mark, progress panel open');
    await context.close();
  });
});
