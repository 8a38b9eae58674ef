// takeaways-sheet.js — "Print key takeaways": a one-page sheet with the lesson title, the key takeaways,
// a short "where each norm is used" list, the lesson's address and the date. The sheet is built when the
// button is pressed, printed in the mode html.print-takeaways (web/styles/print-takeaways.css shows only
// the sheet), and the mode ends after printing, so the normal print (lesson or certificate) is unchanged.

import { el } from '../ui/el.js';
import { formatDate, t } from '../i18n/i18n.js';
import { plainText } from '../ui/inline.js';
import { MODEL_ORDER } from '../figures/model-map/presets.js';
import { lessonBase } from './snippet.js';
import '../../styles/print-takeaways.css';

const SHEET_ID = 'takeaways-sheet';
const MODE = 'print-takeaways';

/** The sheet's element (text only), for `content` with references `refs` (citations become short names). */
export function buildTakeawaysSheet(content, refs, { url, date }) {
  const ctx = { refs };
  const items = content.sections
    .flatMap((s) => s.blocks)
    .filter((b) => b.type === 'takeaways')
    .flatMap((b) => b.items);
  const entries = content.figureText?.modelMap?.entries || {};
  const uses = MODEL_ORDER.filter((id) => entries[id]).map((id) =>
    el('li', {}, el('strong', { text: entries[id].norm }), document.createTextNode(` — ${entries[id].title}`)),
  );
  const sheet = el(
    'div',
    { className: 'takeaways-sheet', attrs: { id: SHEET_ID } },
    el('p', { className: 'ts-kicker', text: t('teacher.print.kicker') }),
    el('h1', { className: 'ts-title', text: content.title }),
    el('h2', { text: t('teacher.print.takeaways') }),
    el('ol', { className: 'ts-takeaways' }, ...items.map((item) => el('li', { text: plainText(item, ctx) }))),
  );
  if (uses.length)
    sheet.append(el('h2', { text: t('teacher.print.uses') }), el('ul', { className: 'ts-uses' }, ...uses));
  sheet.append(
    el(
      'p',
      { className: 'ts-footer' },
      el('span', { className: 'ts-url', text: t('teacher.print.url', { url }) }),
      el('span', { className: 'ts-date', text: t('teacher.print.date', { date: formatDate(date) }) }),
    ),
  );
  return sheet;
}

/** Put the sheet into the page and switch to its print mode (tests call this, then print to PDF). */
export function enterSheetMode(content, refs, doc = document) {
  doc.getElementById(SHEET_ID)?.remove();
  doc.body.append(
    buildTakeawaysSheet(content, refs, { url: lessonBase(location.href) ?? location.href, date: new Date() }),
  );
  doc.documentElement.classList.add(MODE);
}

export function leaveSheetMode(doc = document) {
  doc.documentElement.classList.remove(MODE);
  doc.getElementById(SHEET_ID)?.remove();
}

/** The "Print key takeaways" button, appended to the takeaways section `section`. */
export function addPrintTakeaways(section, content, refs) {
  if (!section) return null;
  const button = el('button', {
    className: 'button print-takeaways',
    text: t('teacher.print.button'),
    attrs: { type: 'button', 'aria-describedby': 'print-takeaways-hint' },
  });
  const hint = el('p', { className: 'hint', text: t('teacher.print.hint'), attrs: { id: 'print-takeaways-hint' } });
  button.addEventListener('click', () => {
    enterSheetMode(content, refs);
    // The mode ends when printing does (afterprint), so a later Ctrl+P prints the lesson as before.
    window.addEventListener('afterprint', () => leaveSheetMode(), { once: true });
    window.print();
  });
  section.append(el('div', { className: 'print-takeaways-row' }, button, hint));
  return button;
}
