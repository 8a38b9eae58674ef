#!/usr/bin/env node
// npm run package:scorm — the lesson as two SCORM packages, one SCO each, no sequencing:
//   dist/normalization-lesson-scorm12.zip    SCORM 1.2          (imsmanifest.xml, adlcp:scormtype="sco")
//   dist/normalization-lesson-scorm2004.zip  SCORM 2004 4th ed. (imsmanifest.xml, adlcp:scormType="sco")
// Each zip holds imsmanifest.xml at its root and the built lesson (index.html + assets + data); the manifest
// lists every file shipped. The same index.html runs standalone, under SCORM 1.2 or under 2004: the page
// finds the LMS's API at run time (web/src/lms/). The packaged index.html also carries the lesson's
// Content-Security-Policy as a <meta> (frame-ancestors cannot be set that way; the LMS's headers decide).
//
// Usage: node scripts/package-scorm.mjs [--from <built lesson dir>] [--out <dir>] [--mastery <0-100>]
//   --from     a built lesson (default: build one with Vite into a temporary folder; dist/web is not touched)
//   --out      where the zips go (default: dist/)
//   --mastery  a pass mark written into the 1.2 manifest (adlcp:masteryscore); none by default — the LMS
//              (or the embed parameter pass=…) then decides
// The zips are written by fflate, so no zip tool is needed.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const LESSON_TITLE = 'Normalization techniques — stabilizing neural networks';
export const PACKAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// ---- zip ----------------------------------------------------------------------------------------------------

/** A zip archive of entries [{ name, data: Buffer }] (names with "/" separators), deflated at level 9. */
export function writeZip(entries, date = new Date()) {
  const files = {};
  for (const { name, data } of entries) files[name] = [new Uint8Array(data), { level: 9, mtime: date }];
  return Buffer.from(zipSync(files));
}

// ---- manifests -------------------------------------------------------------------------------------------

const xml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fileHref = (name) => xml(name.split('/').map(encodeURIComponent).join('/'));

export function manifest12(files, { mastery = null, version = '1.0.0' } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="org.normlab.normalization.scorm12" version="${xml(version)}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="normlab_org">
    <organization identifier="normlab_org">
      <title>${xml(LESSON_TITLE)}</title>
      <item identifier="normlab_item" identifierref="normlab_sco" isvisible="true">
        <title>${xml(LESSON_TITLE)}</title>${
          mastery === null
            ? ''
            : `
        <adlcp:masteryscore>${xml(mastery)}</adlcp:masteryscore>`
        }
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="normlab_sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${fileHref(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

export function manifest2004(files, { version = '1.0.0' } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="org.normlab.normalization.scorm2004" version="${xml(version)}"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="normlab_org">
    <organization identifier="normlab_org">
      <title>${xml(LESSON_TITLE)}</title>
      <item identifier="normlab_item" identifierref="normlab_sco">
        <title>${xml(LESSON_TITLE)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="normlab_sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${files.map((f) => `      <file href="${fileHref(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

// ---- the package -----------------------------------------------------------------------------------------

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** index.html with the lesson's CSP as a <meta> (inserted right after <meta charset>). */
export function withCspMeta(html) {
  if (/http-equiv="Content-Security-Policy"/i.test(html)) return html;
  return html.replace(
    /(<meta charset="utf-8">)/i,
    `$1\n  <meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}">`,
  );
}

export function buildPackages({ from, out, mastery = null, date = new Date() }) {
  const files = listFiles(from).filter((f) => f !== 'imsmanifest.xml');
  if (!files.includes('index.html')) throw new Error(`${from} has no index.html: build the lesson first`);
  const contents = files.map((name) => {
    let data = readFileSync(join(from, name));
    if (name === 'index.html') data = Buffer.from(withCspMeta(data.toString('utf8')), 'utf8');
    return { name, data };
  });
  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const [kind, manifest] of [
    ['scorm12', manifest12(files, { mastery, version })],
    ['scorm2004', manifest2004(files, { version })],
  ]) {
    const zip = writeZip([{ name: 'imsmanifest.xml', data: Buffer.from(manifest, 'utf8') }, ...contents], date);
    const path = join(out, `normalization-lesson-${kind}.zip`);
    writeFileSync(path, zip);
    written.push({ path, bytes: zip.length, files: files.length + 1 });
  }
  return written;
}

function parseArgs(argv) {
  const args = { from: null, out: join(repoRoot, 'dist'), mastery: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--from') args.from = resolve(value());
    else if (a === '--out') args.out = resolve(value());
    else if (a === '--mastery') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || n > 100) throw new Error('--mastery must be 0..100');
      args.mastery = n;
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  let from = args.from;
  let temp = null;
  if (!from) {
    temp = mkdtempSync(join(tmpdir(), 'normlab-scorm-'));
    from = join(temp, 'web');
    console.log(`package:scorm: building the lesson into ${from}`);
    execFileSync(
      'npx',
      ['vite', 'build', '--config', 'web/vite.config.js', '--outDir', from, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: repoRoot, stdio: 'inherit' },
    );
  }
  try {
    for (const { path, bytes, files } of buildPackages({ from, out: args.out, mastery: args.mastery })) {
      console.log(`package:scorm: ${relative(process.cwd(), path)} (${files} files, ${(bytes / 1024).toFixed(0)} KiB)`);
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
