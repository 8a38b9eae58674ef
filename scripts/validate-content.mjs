#!/usr/bin/env node
// Validate the lesson content file against docs/content-schema.md, and render its TeX to MathML.
//   node scripts/validate-content.mjs [path/to/lesson.json] [--out path/to/built.json]
// Prints every error (schema rules, and each formula whose TeX Temml rejects, named by its block) and exits 1 if
// there is any; otherwise prints a one-line summary. With --out it writes the content the page loads: the same
// file plus `math`, the MathML tree of every formula (scripts/tex-to-mathml.mjs).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { validateContent } from '../web/src/content/schema.js';
import { renderContentMath } from './tex-to-mathml.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
const file = path.resolve(positionals[0] ?? path.join(root, 'web/content/lesson.json'));
const shown = path.relative(process.cwd(), file) || file;

let content;
try {
  content = JSON.parse(await readFile(file, 'utf8'));
} catch (e) {
  console.error(`${shown}: cannot read or parse JSON: ${e.message}`);
  process.exit(1);
}

const { math, errors: texErrors } = renderContentMath(content);
const errors = [...validateContent(content), ...texErrors];
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
const formulas = Object.keys(math.display).length + Object.keys(math.inline).length;
console.log(
  `${shown}: OK — ${content.sections.length} sections, ${quizzes} quizzes, ${steps} walkthrough steps, ` +
    `${deepdives} deep dives, ${content.references.length} references, ${formulas} formulas as MathML`,
);
if (values.out) {
  const out = path.resolve(values.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ ...content, math })}\n`);
}
