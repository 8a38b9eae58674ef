#!/usr/bin/env node
// Validate the lesson content file against docs/content-schema.md.
//   node scripts/validate-content.mjs [path/to/lesson.json]
// Prints every error and exits 1 if there is any; otherwise prints a one-line summary.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { validateContent } from '../web/src/content/schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? path.join(root, 'web/content/lesson.json'));
const shown = path.relative(process.cwd(), file) || file;

let content;
try {
  content = JSON.parse(await readFile(file, 'utf8'));
} catch (e) {
  console.error(`${shown}: cannot read or parse JSON: ${e.message}`);
  process.exit(1);
}

const errors = validateContent(content);
if (errors.length > 0) {
  console.error(`${shown}: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}

let quizzes = 0;
let steps = 0;
let deepdives = 0;
const walk = (blocks) => {
  for (const b of blocks) {
    if (b.type === 'quiz') quizzes += 1;
    if (b.type === 'walkthrough') steps += b.steps.length;
    if (b.type === 'deepdive') {
      deepdives += 1;
      walk(b.blocks);
    }
  }
};
for (const s of content.sections) walk(s.blocks);
console.log(
  `${shown}: OK — ${content.sections.length} sections, ${quizzes} quizzes, ${steps} walkthrough steps, ` +
    `${deepdives} deep dives, ${content.references.length} references`,
);
