// The figure "Where each norm is used": one card per model family (a radio group, so arrow
// keys move between them); choosing one shows why that family uses its norm, with the papers, and sends a
// matching preset to the playground and the training simulation through the preset bus. The entries' prose
// is lesson content (figureText.modelMap); the presets are in ./presets.js.
//
//   mount(container, { text, state, onInteract }) -> { setState({ entry }), destroy() }
//   text.refs (a Map of the references by id) turns citations into links to the References list.

import { el, nextId } from '../../ui/el.js';
import { t } from '../../i18n/i18n.js';
import { renderInline } from '../../ui/inline.js';
import { publishPreset, subscribePreset } from '../../ui/preset-bus.js';
import { MODEL_ORDER, MODEL_PRESETS, presetMessage } from './presets.js';
import { createFigure } from '../../ui/create-figure.js';
import '../../../styles/model-map.css';

/** The inline text `value` (citations as links) in a new `tag`. */
function inlineText(tag, value, refs, className) {
  return renderInline(el(tag, { className }), value, { refs });
}

function diagram(d, norm) {
  const steps = el('ol', { className: 'mm-steps' });
  for (const step of d.steps)
    steps.append(el('li', { className: step === norm ? 'mm-step is-norm' : 'mm-step', text: step }));
  return el('figure', { className: 'mm-diagram' }, el('figcaption', { text: d.label }), steps);
}

function detail(id, entry, refs) {
  const box = el(
    'div',
    { className: 'mm-detail', attrs: { 'data-entry': id } },
    el('h4', {
      className: 'mm-detail-title',
      text: t('modelMap.entryTitle', { title: entry.title, norm: entry.norm }),
    }),
    inlineText('p', entry.summary, refs, 'mm-summary'),
  );
  if (entry.diagrams?.length) {
    box.append(
      el(
        'div',
        { className: 'mm-diagrams', attrs: { role: 'group', 'aria-label': t('modelMap.diagrams') } },
        ...entry.diagrams.map((d) => diagram(d, entry.norm)),
      ),
    );
  }
  box.append(
    el(
      'dl',
      { className: 'mm-loads' },
      el('dt', { text: t('modelMap.inPlayground') }),
      inlineText('dd', entry.playground, refs, 'mm-load-playground'),
      el('dt', { text: t('modelMap.inTraining') }),
      inlineText('dd', entry.training, refs, 'mm-load-training'),
    ),
    el(
      'p',
      { className: 'mm-jumps' },
      el('a', { className: 'mm-jump', text: t('modelMap.goPlayground'), attrs: { href: '#playground' } }),
      el('a', { className: 'mm-jump', text: t('modelMap.goTraining'), attrs: { href: '#training' } }),
    ),
  );
  return box;
}

export async function mount(container, { text, state, onInteract = () => {} } = {}) {
  const entries = text?.modelMap?.entries;
  const ids = MODEL_ORDER.filter((id) => entries && typeof entries[id] === 'object');
  if (!ids.length) throw new Error(t('modelMap.noContent'));
  const refs = text.refs instanceof Map ? text.refs : new Map();
  const name = nextId('model-map');
  const legendId = `${name}-legend`;

  const cards = el('div', { className: 'mm-cards' });
  const inputs = new Map();
  for (const id of ids) {
    const entry = entries[id];
    const input = el('input', { attrs: { type: 'radio', name, value: id } });
    inputs.set(id, input);
    cards.append(
      el(
        'label',
        { className: 'mm-card', attrs: { 'data-entry': id, 'data-kind': MODEL_PRESETS[id].kind } },
        input,
        el(
          'span',
          { className: 'mm-card-text' },
          el('span', { className: 'mm-card-title', text: entry.title }),
          el('span', { className: 'mm-card-norm', text: entry.norm }),
        ),
      ),
    );
  }
  const fieldset = el(
    'fieldset',
    { className: 'mm-choices', attrs: { 'aria-describedby': `${name}-hint` } },
    el('legend', { id: legendId, text: t('modelMap.legend') }),
    cards,
  );
  const hint = el('p', { className: 'mm-hint', text: t('modelMap.hint'), attrs: { id: `${name}-hint` } });
  const slot = el('div', { className: 'mm-detail-slot' });
  const status = el('p', { className: 'mm-status', attrs: { role: 'status' } });
  const root = el('div', { className: 'fig model-map' }, fieldset, hint, slot, status);
  container.append(root);

  // The state is the chosen entry (or null). A choice is announced and sent to the other figures unless it
  // came from the bus itself (then it is not sent back) or from the initial state (then it is not announced).
  const clean = (input, fallback) => ({
    entry: input && (input.entry === null || ids.includes(input.entry)) ? input.entry : fallback.entry,
  });
  const LOUD = { announce: true, publish: true };
  let how = { announce: false, publish: true };
  let shown = null;
  function draw({ entry: id }) {
    const { announce, publish } = how;
    how = LOUD;
    if (id === shown) return;
    if (shown) inputs.get(shown).checked = false;
    shown = id;
    if (!id) {
      // Another set-up was loaded: no card stays checked, since the figures no longer show this entry's.
      delete root.dataset.entry;
      status.textContent = '';
      return;
    }
    inputs.get(id).checked = true;
    root.dataset.entry = id;
    const entry = entries[id];
    slot.replaceChildren(detail(id, entry, refs));
    if (publish) publishPreset(presetMessage(id, entry.title));
    if (announce) status.textContent = t('modelMap.loaded', { title: entry.title, norm: entry.norm });
  }
  const figure = createFigure({ initial: state, fallback: { entry: null }, clean, draw, onInteract, immediate: true });

  // A preset from elsewhere (the teacher panel, or this map): show its entry when it is one of ours.
  const unsubscribe = subscribePreset((preset) => {
    const id = typeof preset?.id === 'string' && preset.id.startsWith('model-map:') ? preset.id.slice(10) : null;
    how = { announce: true, publish: false };
    figure.setState({ entry: id });
  });

  const onChange = (event) => {
    if (event.target.name !== name) return;
    figure.change({ entry: event.target.value });
  };
  fieldset.addEventListener('change', onChange);
  figure.onDestroy(() => {
    unsubscribe();
    fieldset.removeEventListener('change', onChange);
    root.remove();
  });
  figure.drawNow();
  return figure.handle;
}
