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
// The zip writer is our own (node:zlib deflateRaw + CRC-32), so no zip tool is needed.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const LESSON_TITLE = 'Normalization techniques — stabilizing neural networks';
export const PACKAGE_CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data: blob:",
  "font-src 'self'", "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// ---- zip (PKZIP 2.0: deflate, no zip64; every file here is far below 4 GiB) --------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function dosDateTime(date) {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/** A zip archive of entries [{ name, data: Buffer }] (names with "/" separators). */
export function writeZip(entries, date = new Date()) {
  const { time, day } = dosDateTime(date);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const method = stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);             // version needed
    local.writeUInt16LE(0x0800, 6);         // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);       // made by: Unix, 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30);           // extra
    central.writeUInt16LE(0, 32);           // comment
    central.writeUInt16LE(0, 34);           // disk
    central.writeUInt16LE(0, 36);           // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---- manifests -------------------------------------------------------------------------------------------

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
        <title>${xml(LESSON_TITLE)}</title>${mastery === null ? '' : `
        <adlcp:masteryscore>${xml(mastery)}</adlcp:masteryscore>`}
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
  return html.replace(/(<meta charset="utf-8">)/i, `$1\n  <meta http-equiv="Content-Security-Policy" content="${PACKAGE_CSP}">`);
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
  for (const [kind, manifest] of [['scorm12', manifest12(files, { mastery, version })], ['scorm2004', manifest2004(files, { version })]]) {
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
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.js', '--outDir', from, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: repoRoot, stdio: 'inherit' });
  }
  try {
    for (const { path, bytes, files } of buildPackages({ from, out: args.out, mastery: args.mastery })) {
      console.log(`package:scorm: ${relative(process.cwd(), path)} (${files} files, ${(bytes / 1024).toFixed(0)} KiB)`);
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
