// The SCORM packages against a real SCORM runtime: scorm-again (the LMS side) on a test host page in Chromium,
// installed as window.API (1.2) / window.API_1484_11 (2004), running the lesson from the built zip (unzipped
// into a temporary folder and served by the harness, with the strict CSP header).
// For each version: a passing journey ends completed/passed with the right score in the LMS's own data
// (read back from scorm-again), nothing about the learner in localStorage, Terminate last and once; a reload
// with empty localStorage restores the progress from suspend_data; a failing journey reports failed. The zip:
// imsmanifest.xml at the root, well-formed (xmllint), every file it names is in the zip and vice versa.
//
// Packages: $NORMLAB_SCORM_DIR/normalization-lesson-scorm{12,2004}.zip when set; otherwise they are packaged
// from the built lesson ($NORMLAB_DIST or dist/web) into a temporary folder (scripts/package-scorm.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { choose, distDir, launch, openPage, repoRoot, requireDist, serve } from './harness.mjs';

const content = JSON.parse(readFileSync(join(repoRoot, 'web', 'content', 'lesson.json'), 'utf8'));
const quizzes = content.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'quiz'));
const KEY_PREFIX = 'normlab';

/** Entries of a zip file: [{ name, data: Buffer }], in the archive's order. */
export function readZip(buffer) {
  return Object.entries(unzipSync(new Uint8Array(buffer))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}

const HOST_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="lms-runtime.js"></script>
<script src="lms-host.js"></script>
</head><body><h1>Test LMS</h1><div id="slot"></div></body></html>
`;

// The test LMS: scorm-again with a seed from the URL (?v=12|2004&seed=<json>&lesson=<query>).
const HOST_JS = `
const params = new URLSearchParams(location.search);
const version = params.get('v');
const seed = JSON.parse(params.get('seed') || '{}');
window.__log = [];
const settings = { logLevel: 5, autocommit: false };
const api = version === '12' ? new Scorm12API(settings) : new Scorm2004API(settings);
if (version === '12') api.loadFromJSON(seed); else api.loadFromFlattenedJSON(seed);
const names = version === '12' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
for (const name of names) api.on(name, () => window.__log.push([name]));
api.on(version === '12' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*', (element, value) => window.__log.push(['set', element, value]));
if (version === '12') window.API = api; else window.API_1484_11 = api;
window.addEventListener('DOMContentLoaded', () => {
  const frame = document.createElement('iframe');
  frame.id = 'sco';
  frame.title = 'Lesson';
  frame.width = '1200';
  frame.height = '900';
  frame.src = 'index.html' + (params.get('lesson') || '');
  document.getElementById('slot').append(frame);
});
`;

let work;
let server;
let browser;
const zips = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'normlab-scorm-test-'));
  let pkgDir = process.env.NORMLAB_SCORM_DIR;
  if (!pkgDir) {
    requireDist();
    pkgDir = join(work, 'packages');
    execFileSync(
      process.execPath,
      [join(repoRoot, 'scripts', 'package-scorm.mjs'), '--from', distDir, '--out', pkgDir],
      { stdio: 'pipe' },
    );
  }
  for (const kind of ['scorm12', 'scorm2004']) {
    const path = join(pkgDir, `normalization-lesson-${kind}.zip`);
    zips[kind] = { path, entries: readZip(readFileSync(path)) };
    const root = join(work, kind);
    for (const { name, data } of zips[kind].entries) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), data);
    }
    writeFileSync(join(root, 'lms.html'), HOST_HTML);
    writeFileSync(join(root, 'lms-host.js'), HOST_JS);
    copyFileSync(
      join(repoRoot, 'node_modules', 'scorm-again', 'dist', kind === 'scorm12' ? 'scorm12.min.js' : 'scorm2004.min.js'),
      join(root, 'lms-runtime.js'),
    );
  }
  // One server for both unpacked packages (each under its own path).
  writeFileSync(join(work, 'index.html'), '<!doctype html><title>SCORM packages under test</title>\n');
  server = await serve({ root: work });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openLms(kind, seed, lessonQuery = '') {
  const v = kind === 'scorm12' ? '12' : '2004';
  const url = `${server.url}${kind}/lms.html?v=${v}&seed=${encodeURIComponent(JSON.stringify(seed))}&lesson=${encodeURIComponent(lessonQuery)}`;
  const { context, page, report } = await openPage(browser, url, { width: 1280, height: 1000, ready: null });
  const frameEl = await page.waitForSelector('#sco');
  const frame = await frameEl.contentFrame();
  await frame.waitForSelector('#lesson[data-content-status="valid"]', { timeout: 20000 });
  await frame.waitForFunction(() => document.documentElement.dataset.lessonReady === 'true');
  return { context, page, frame, report };
}

/** Answer every quick check; `wrongFirst` lists the indices answered wrong first (then right). */
async function answerAll(frame, wrongFirst) {
  for (const [i, q] of quizzes.entries()) {
    const right = q.options.find((o) => o.correct).id;
    const wrong = q.options.find((o) => !o.correct).id;
    await choose(frame.locator(`#${q.id} input[value="${wrongFirst.has(i) ? wrong : right}"]`));
    await frame.locator(`#${q.id} .qc-check`).press('Enter');
    if (wrongFirst.has(i)) {
      await frame.locator(`#${q.id} .qc-retry`).press('Enter');
      await choose(frame.locator(`#${q.id} input[value="${right}"]`));
      await frame.locator(`#${q.id} .qc-check`).press('Enter');
    }
  }
}

/** End the SCO the way an LMS does: navigate its frame away (pagehide → Terminate). */
async function closeSco(page, finishName) {
  await page.evaluate(() => {
    document.getElementById('sco').src = 'about:blank';
  });
  await page.waitForFunction((n) => window.__log.some((e) => e[0] === n), finishName, { timeout: 10000 });
}

const cmiOf = (page) => page.evaluate(() => (window.API || window.API_1484_11).getFlattenedCMI());
const log = (page) => page.evaluate(() => window.__log);
const learnerKeys = (frame) =>
  frame.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), KEY_PREFIX);

const VERSIONS = {
  scorm12: {
    finish: 'LMSFinish',
    seed: (extra = {}) => ({
      core: { student_id: 'u-42', student_name: 'Lovelace, Ada', ...(extra.core || {}) },
      student_data: { mastery_score: '80' },
      ...(extra.suspend_data ? { suspend_data: extra.suspend_data } : {}),
    }),
    resumeSeed: (suspend) => ({ core: { entry: 'resume' }, suspend_data: suspend }),
    suspend: (cmi) => cmi['cmi.suspend_data'],
  },
  scorm2004: {
    finish: 'Terminate',
    seed: (extra = {}) => ({
      'cmi.learner_id': 'u-42',
      'cmi.learner_name': 'Lovelace, Ada',
      'cmi.scaled_passing_score': '0.8',
      ...extra,
    }),
    resumeSeed: (suspend) => ({ 'cmi.entry': 'resume', 'cmi.suspend_data': suspend }),
    suspend: (cmi) => cmi['cmi.suspend_data'],
  },
};

for (const [kind, V] of Object.entries(VERSIONS)) {
  describe(`${kind}: scorm-again as the LMS`, () => {
    let suspendAfterPass = null;

    test('a passing journey: completed/passed, the right score, session time, suspend_data; nothing in localStorage', async () => {
      const { context, page, frame, report } = await openLms(kind, V.seed());
      assert.equal(await frame.getAttribute('html', 'data-lms'), kind);
      // One check wrong first: 7 of 8 right on the first try = 87.5 % (pass mark 80 % from the LMS).
      await answerAll(frame, new Set([2]));
      await frame.locator('.mark-complete').click();
      // The certificate uses the LMS's learner name.
      await frame.waitForFunction(() => document.getElementById('cert-name')?.value === 'Ada Lovelace');
      await frame.locator('.cert-form button[type="submit"]').click();
      await frame.waitForSelector('.certificate-slot .certificate');
      assert.equal(await frame.textContent('.certificate-slot .cert-name'), 'Ada Lovelace');
      assert.deepEqual(await learnerKeys(frame), [], 'nothing about the learner in localStorage under an LMS');
      await closeSco(page, V.finish);

      const cmi = await cmiOf(page);
      if (kind === 'scorm12') {
        assert.equal(cmi['cmi.core.lesson_status'], 'passed');
        assert.equal(cmi['cmi.core.score.raw'], '87.5');
        assert.equal(cmi['cmi.core.score.min'], '0');
        assert.equal(cmi['cmi.core.score.max'], '100');
        assert.match(cmi['cmi.core.session_time'], /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
        assert.equal(cmi['cmi.core.exit'], 'suspend');
      } else {
        assert.equal(cmi['cmi.completion_status'], 'completed');
        assert.equal(cmi['cmi.success_status'], 'passed');
        assert.equal(cmi['cmi.score.scaled'], '0.875');
        assert.equal(cmi['cmi.score.raw'], '87.5');
        assert.equal(cmi['cmi.score.max'], '100');
        assert.equal(cmi['cmi.progress_measure'], '1');
        assert.match(cmi['cmi.session_time'], /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/);
      }
      const suspend = V.suspend(cmi);
      assert.ok(
        suspend && suspend.length <= 4096,
        `suspend_data within SCORM 1.2's 4096 characters (${suspend?.length})`,
      );
      suspendAfterPass = suspend;
      const events = await log(page);
      assert.equal(events.filter((e) => e[0] === V.finish).length, 1, 'terminated once');
      assert.deepEqual(events.at(-1), [V.finish], 'terminate is the last call');
      assert.ok(
        events.filter((e) => e[0] === (kind === 'scorm12' ? 'LMSCommit' : 'Commit')).length >= 8,
        'commits on each change',
      );
      assert.deepEqual(report.foreignRequests, []);
      assert.deepEqual(report.cspViolations, []);
      await context.close();
    });

    test('a reload with empty localStorage restores the progress from suspend_data', async () => {
      assert.ok(suspendAfterPass, 'needs the passing journey');
      const seed =
        kind === 'scorm12'
          ? {
              ...V.seed(),
              core: { ...V.seed().core, entry: 'resume', lesson_status: 'passed' },
              suspend_data: suspendAfterPass,
            }
          : { ...V.seed(), ...V.resumeSeed(suspendAfterPass) };
      const { context, frame } = await openLms(kind, seed);
      assert.deepEqual(await learnerKeys(frame), []);
      assert.equal((await frame.locator('.qc-option[data-result="correct"]').count()) >= quizzes.length, true);
      assert.match(
        await frame.textContent('.completion-summary li:nth-child(2)'),
        /^Quick checks answered: 8 of 8 \(7 correct/,
      );
      assert.equal(await frame.textContent('.mark-complete'), 'Update completion');
      assert.equal(await frame.textContent('.certificate-slot .cert-name'), 'Ada Lovelace');
      await context.close();
    });

    test('a journey below the pass mark reports failed; Mark complete stays disabled', async () => {
      const { context, page, frame } = await openLms(kind, V.seed());
      // 5 of 8 right on the first try = 62.5 % < 80 %.
      await answerAll(frame, new Set([0, 3, 6]));
      assert.equal(await frame.locator('.mark-complete').isDisabled(), true);
      assert.match(await frame.textContent('.pass-note'), /needs 80%/);
      await closeSco(page, V.finish);
      const cmi = await cmiOf(page);
      if (kind === 'scorm12') {
        assert.equal(cmi['cmi.core.lesson_status'], 'failed');
        assert.equal(cmi['cmi.core.score.raw'], '62.5');
      } else {
        assert.equal(cmi['cmi.success_status'], 'failed');
        assert.equal(cmi['cmi.completion_status'], 'incomplete');
        assert.equal(cmi['cmi.score.scaled'], '0.625');
      }
      await context.close();
    });

    test('the package: imsmanifest.xml at the zip root, well-formed, every named file shipped', () => {
      const { path, entries } = zips[kind];
      const names = entries.map((e) => e.name);
      assert.ok(names.includes('imsmanifest.xml'), 'imsmanifest.xml at the root');
      const manifest = entries.find((e) => e.name === 'imsmanifest.xml').data.toString('utf8');
      const xmllint = spawnSync('xmllint', ['--noout', '-'], { input: manifest, encoding: 'utf8' });
      assert.equal(xmllint.error, undefined, 'xmllint (Debian libxml2-utils) must be installed');
      assert.equal(xmllint.status, 0, `xmllint: ${xmllint.stderr}`);
      const hrefs = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => decodeURIComponent(m[1]));
      assert.ok(hrefs.includes('index.html'));
      assert.deepEqual(
        [...hrefs].sort(),
        names.filter((n) => n !== 'imsmanifest.xml').sort(),
        'the manifest lists exactly the files shipped',
      );
      if (kind === 'scorm12') {
        assert.match(manifest, /<schemaversion>1\.2<\/schemaversion>/);
        assert.match(manifest, /adlcp:scormtype="sco" href="index.html"/);
      } else {
        assert.match(manifest, /<schemaversion>2004 4th Edition<\/schemaversion>/);
        assert.match(manifest, /adlcp:scormType="sco" href="index.html"/);
        assert.doesNotMatch(manifest, /imsss:sequencing/, 'no sequencing');
      }
      assert.equal((manifest.match(/<item /g) || []).length, 1, 'a single SCO');
      const unzip = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
      if (!unzip.error) assert.equal(unzip.status, 0, `unzip -t: ${unzip.stdout}${unzip.stderr}`);
      assert.ok(existsSync(path));
    });
  });
}
