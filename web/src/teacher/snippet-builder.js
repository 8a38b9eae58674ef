// snippet-builder.js — the teacher panel's form over the embed parameters: a live <iframe> snippet
// (built by ./snippet.js), what is wrong or pointless in the chosen combination, and a Copy button
// (the Clipboard API, else the selected text with execCommand, else a message to copy by hand).

import { el, nextId } from '../ui/el.js';
import { field, selectInput } from '../ui/controls.js';
import { t } from '../i18n/i18n.js';
import { HIDEABLE, PRESETS } from '../embed/params.js';
import { buildSnippet, HEIGHT_RANGE } from './snippet.js';
import { presetLabel } from './preset-buttons.js';

/** The teacher panel's fields look like its other parts (web/styles/teacher.css), not like a figure's. */
const PANEL_FIELD = { className: 'tp-field', hintClassName: 'tp-hint', idPrefix: 'tp-field' };

/** Copy `text`; true when it reached the clipboard. */
async function copyText(text, textarea) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back to the selection below */
  }
  textarea.focus();
  textarea.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** The form's inputs, one per embed parameter: { embed, theme, step, preset, pass, height, hideBoxes }. */
function snippetInputs(walkthroughSteps) {
  const none = { value: '', label: t('teacher.snippet.none') };
  return {
    embed: el('input', { attrs: { type: 'checkbox', checked: '' } }),
    theme: selectInput([
      { value: '', label: t('teacher.snippet.themeAny') },
      { value: 'light', label: t('teacher.snippet.themeLight') },
      { value: 'dark', label: t('teacher.snippet.themeDark') },
    ]),
    step: selectInput([
      none,
      ...Array.from({ length: walkthroughSteps }, (_, i) => ({
        value: String(i + 1),
        label: t('teacher.snippet.stepN', { step: i + 1 }),
      })),
    ]),
    preset: selectInput([none, ...Object.keys(PRESETS).map((name) => ({ value: name, label: presetLabel(name) }))]),
    pass: el('input', { attrs: { type: 'number', min: '0', max: '100', step: 'any', inputmode: 'decimal' } }),
    height: el('input', {
      attrs: {
        type: 'number',
        min: String(HEIGHT_RANGE.min),
        max: String(HEIGHT_RANGE.max),
        step: '10',
        value: String(HEIGHT_RANGE.default),
        inputmode: 'numeric',
      },
    }),
    hideBoxes: HIDEABLE.map((name) => el('input', { attrs: { type: 'checkbox', value: name } })),
  };
}

/** The labelled form around the inputs; submitting it does nothing (every change updates the snippet). */
function snippetForm({ embed, theme, step, preset, pass, height, hideBoxes }) {
  const form = el(
    'form',
    { className: 'tp-form', attrs: { 'aria-label': t('teacher.snippet.formLabel') } },
    el(
      'div',
      { className: 'tp-field tp-check' },
      el('label', {}, embed, document.createTextNode(` ${t('teacher.snippet.embed')}`)),
    ),
    field(t('teacher.snippet.theme'), theme, undefined, PANEL_FIELD),
    field(t('teacher.snippet.step'), step, undefined, PANEL_FIELD),
    field(t('teacher.snippet.preset'), preset, undefined, PANEL_FIELD),
    field(t('teacher.snippet.pass'), pass, t('teacher.snippet.passHint'), PANEL_FIELD),
    field(
      t('teacher.snippet.height'),
      height,
      t('teacher.snippet.heightHint', { min: HEIGHT_RANGE.min, max: HEIGHT_RANGE.max }),
      PANEL_FIELD,
    ),
    el(
      'fieldset',
      { className: 'tp-hide' },
      el('legend', { text: t('teacher.snippet.hide') }),
      ...hideBoxes.map((box, i) =>
        el(
          'label',
          { className: 'tp-hide-item' },
          box,
          document.createTextNode(` ${t(`teacher.hide.${HIDEABLE[i]}`)}`),
        ),
      ),
    ),
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

/** The parameters as chosen in the form, for buildSnippet; a pass mark the browser cannot read is "NaN". */
function chosenParameters({ embed, theme, step, preset, pass, height, hideBoxes }) {
  return {
    embed: embed.checked,
    theme: theme.value || null,
    step: step.value || null,
    preset: preset.value || null,
    pass: pass.value.trim() === '' && !pass.validity.badInput ? null : pass.value || 'NaN',
    hide: hideBoxes.filter((b) => b.checked).map((b) => b.value),
    height: height.value,
  };
}

/** One problem of the combination, worded, with its code and level for styling and tests. */
function problemItem(p) {
  return el('li', {
    className: `tp-problem is-${p.level}`,
    text: t(`teacher.problem.${p.code}`, { ...p, figure: p.figure ? t(`teacher.figure.${p.figure}`) : '' }),
    attrs: { 'data-code': p.code, 'data-level': p.level },
  });
}

/**
 * The builder. `base`: the lesson's address (the current page); `title`: the iframe's title;
 * `walkthroughSteps`: the number of walkthrough steps (the range of `step`).
 */
export function createSnippetBuilder({ base, title, walkthroughSteps }) {
  const inputs = snippetInputs(walkthroughSteps);
  const outputId = nextId('tp-snippet');
  const output = el('textarea', {
    className: 'tp-snippet',
    attrs: { id: outputId, readonly: '', rows: '7', spellcheck: 'false' },
  });
  const problems = el('ul', { className: 'tp-problems', attrs: { 'aria-live': 'polite' } });
  const copyButton = el('button', {
    className: 'button tp-copy',
    text: t('teacher.snippet.copy'),
    attrs: { type: 'button' },
  });
  const copyStatus = el('p', { className: 'tp-copy-status', attrs: { role: 'status' } });
  const form = snippetForm(inputs);

  let current = null;
  function update() {
    current = buildSnippet({ base, title, walkthroughSteps, ...chosenParameters(inputs) });
    output.value = current.html;
    output.dataset.url = current.url;
    problems.replaceChildren(...current.problems.map(problemItem));
    const invalid = (code) => (current.problems.some((p) => p.code === code) ? 'true' : 'false');
    inputs.pass.setAttribute('aria-invalid', invalid('pass'));
    inputs.height.setAttribute('aria-invalid', invalid('height'));
    copyStatus.textContent = '';
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  copyButton.addEventListener('click', async () => {
    const ok = await copyText(current.html, output);
    copyStatus.textContent = ok ? t('teacher.snippet.copied') : t('teacher.snippet.copyFailed');
    copyStatus.dataset.result = ok ? 'copied' : 'failed';
  });
  update();

  return el(
    'div',
    { className: 'tp-snippet-builder' },
    form,
    el('label', { className: 'tp-snippet-label', text: t('teacher.snippet.output'), attrs: { for: outputId } }),
    output,
    problems,
    el('div', { className: 'tp-copy-row' }, copyButton, copyStatus),
  );
}
