// preset-buttons.js — the teacher panel's presets: the model map's entries and the embed presets (training
// and playground), each a button that loads it into the figures through the preset bus.

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { PRESETS } from '../embed/params.js';
import { publishPreset } from '../ui/preset-bus.js';
import { MODEL_ORDER, presetMessage } from '../figures/model-map/presets.js';
import { camelKey } from '../vocabulary.js';

/** The display name of embed preset `name` ("small-batch" → "BatchNorm, batch size 2"). */
export const presetLabel = (name) => t(`teacher.presets.${camelKey(name)}`);

/** The message for the preset bus that loads embed preset `name`. */
export function embedPresetMessage(name) {
  const { figure, state } = PRESETS[name];
  return { id: `embed:${name}`, label: presetLabel(name), [figure]: { ...state } };
}

/** Buttons for every preset; `entries`: the model map's entries (lesson content) for their titles. */
export function createPresetButtons(entries) {
  const status = el('p', { className: 'tp-preset-status', attrs: { role: 'status' } });
  const load = (message, where) => {
    publishPreset(message);
    status.textContent = t('teacher.presetLoaded', { label: message.label, where });
  };
  const group = (titleKey, buttons) =>
    el(
      'div',
      { className: 'tp-preset-group', attrs: { role: 'group', 'aria-label': t(titleKey) } },
      el('p', { className: 'tp-preset-title', text: t(titleKey), attrs: { 'aria-hidden': 'true' } }),
      el('div', { className: 'tp-buttons' }, ...buttons),
    );
  const button = (label, attrs, onClick) => {
    const b = el('button', { className: 'button tp-preset', text: label, attrs: { type: 'button', ...attrs } });
    b.addEventListener('click', onClick);
    return b;
  };

  const mapButtons = MODEL_ORDER.filter((id) => entries?.[id]).map((id) =>
    button(
      t('teacher.mapPreset', { title: entries[id].title, norm: entries[id].norm }),
      { 'data-preset': `model-map:${id}` },
      () => load(presetMessage(id, entries[id].title), t('teacher.whereBoth')),
    ),
  );
  const names = Object.keys(PRESETS);
  const figureButtons = (figure) =>
    names
      .filter((n) => PRESETS[n].figure === figure)
      .map((name) =>
        button(presetLabel(name), { 'data-preset': `embed:${name}` }, () =>
          load(embedPresetMessage(name), t(`teacher.figure.${figure}`)),
        ),
      );

  return el(
    'div',
    { className: 'tp-presets' },
    group('teacher.groupMap', mapButtons),
    group('teacher.groupPlayground', figureButtons('playground')),
    group('teacher.groupTraining', figureButtons('training')),
    status,
    el(
      'p',
      { className: 'tp-jumps' },
      el('a', { text: t('modelMap.goPlayground'), attrs: { href: '#playground' } }),
      el('a', { text: t('modelMap.goTraining'), attrs: { href: '#training' } }),
    ),
  );
}
