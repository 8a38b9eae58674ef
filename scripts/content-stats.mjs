#!/usr/bin/env node
// npm run content:stats — how long the lesson takes, per section: core and optional words and minutes, computed
// by web/src/content/durations.js (reading at 238 words per minute plus the allowances stated there and in
// docs/content-schema.md, "Duration"). Exits with status 1 when the core path breaks its limits.
//
//   node scripts/content-stats.mjs [path/to/lesson.json]

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWANCE_SECONDS, CORE_LIMITS, WORDS_PER_MINUTE, lessonDurations } from '../web/src/content/durations.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? path.join(root, 'web/content/lesson.json'));
const d = lessonDurations(JSON.parse(readFileSync(file, 'utf8')));

const min = (m) => m.toFixed(1).padStart(5);
const num = (n) => String(n).padStart(6);
const rows = [['section', 'core words', 'shown', 'core min', 'opt. words', 'opt. min']];
for (const s of d.sections) {
  rows.push([
    s.id,
    num(s.core.words),
    num(s.core.defaultWords),
    min(s.core.minutes),
    num(s.optional.words),
    min(s.optional.minutes),
  ]);
}
rows.push([
  'total',
  num(d.core.words),
  num(d.core.defaultWords),
  min(d.core.minutes),
  num(d.optional.words),
  min(d.optional.minutes),
]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));

console.log('\nOptional parts (one click away):');
for (const p of d.optionalParts)
  console.log(`  ${min(p.minutes)} min  ${num(p.words)} words  ${p.section} · ${p.title}`);

console.log(
  `\nReading at ${WORDS_PER_MINUTE} words per minute (Brysbaert 2019); allowances in seconds: ` +
    Object.entries(ALLOWANCE_SECONDS)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') +
    '.',
);
console.log(
  `Core path: ${d.core.minutes.toFixed(1)} min (badge and certificate: ${d.minutes} min), ` +
    `${d.core.defaultWords} words shown before any click; limits ${CORE_LIMITS.minutes} min and ${CORE_LIMITS.defaultWords} words.`,
);
const over = d.core.minutes > CORE_LIMITS.minutes || d.core.defaultWords > CORE_LIMITS.defaultWords;
if (over) console.error('content-stats: the core path is over its limits');
process.exitCode = over ? 1 : 0;
