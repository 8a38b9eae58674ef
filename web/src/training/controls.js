// controls.js — the training figure's controls: preset (with its honest label), learning rate (the
// sweep's rates, from the core's plan), batch size, data set, steps, the variants to compare and the
// log-scale toggle. Every control is a labelled native element (keyboard operable as is); input events
// only call onChange(patch) — the panel owns the one state object and calls set(state) to mirror it.
import { formatInteger, t } from '../i18n/i18n.js';
import { checkboxes, radioGroup, selectControl } from '../ui/controls.js';
import { el, nextId } from '../ui/el.js';
import { inline } from '../ui/inline.js';
import { TRAINING_NORMS } from '../vocabulary.js';
import { BATCH_SIZES, DATASETS, fmtRate, NORM_SHORT, PRESET_ORDER, PRESETS, STEP_CHOICES } from './presets.js';

export function createControls(plan, onChange) {
  const preset = radioGroup(
    t('training.controls.preset'),
    nextId('tr-preset'),
    PRESET_ORDER.map((p) => ({ value: p, label: PRESETS[p].name })),
    (p) => onChange({ preset: p }),
    'fig-radios tr-presets',
  );
  const presetText = el('div', { className: 'tr-preset-text' });
  const rate = selectControl(
    t('training.controls.rate'),
    plan.learningRates.map((r) => ({ value: r, label: fmtRate(r) })),
    (v) => onChange({ rate: Number(v) }),
    t('training.controls.rateHint', { count: plan.learningRates.length, momentum: plan.config.momentum }),
  );
  const batch = selectControl(
    t('training.controls.batch'),
    BATCH_SIZES.map((b) => ({ value: b, label: formatInteger(b) })),
    (v) => onChange({ batch: Number(v) }),
    t('training.controls.batchHint'),
  );
  const dataset = selectControl(t('training.controls.dataset'), DATASETS, (v) => onChange({ dataset: v }));
  const steps = selectControl(
    t('training.controls.steps'),
    STEP_CHOICES.map((s) => ({ value: s, label: formatInteger(s) })),
    (v) => onChange({ steps: Number(v) }),
  );
  const variants = checkboxes(
    t('training.controls.variants'),
    TRAINING_NORMS.map((n) => ({ value: n, label: NORM_SHORT[n] })),
    (v) => onChange({ variants: v }),
    'fig-radios tr-variants',
  );
  const logInput = el('input', { attrs: { type: 'checkbox', id: nextId('tr-log') } });
  logInput.addEventListener('change', () => onChange({ log: logInput.checked }));
  const log = el(
    'div',
    { className: 'fig-control tr-check' },
    logInput,
    el('label', { text: t('training.controls.log'), attrs: { for: logInput.id } }),
  );
  const grid = el(
    'div',
    { className: 'fig-controls tr-controls' },
    rate.root,
    batch.root,
    dataset.root,
    steps.root,
    variants.root,
    log,
  );

  return {
    nodes: [preset.root, presetText, grid],
    set(state) {
      preset.set(state.preset);
      const p = PRESETS[state.preset];
      presetText.replaceChildren(
        el('p', { text: t('training.controls.presetText', { name: p.name, summary: p.summary }) }),
        // The note's sentences about outcomes carry claim markers (tested natively); the inline renderer drops them.
        inline('p', p.expectation, undefined, { className: 'fig-note' }),
      );
      rate.set(state.rate);
      // The Transformer trains with Adam (its study's optimizer), the other presets with momentum SGD.
      rate.root.querySelector('.fig-hint').textContent =
        p.patch.optimizer === 'adam'
          ? t('training.controls.rateHintAdam', { count: plan.learningRates.length })
          : t('training.controls.rateHint', { count: plan.learningRates.length, momentum: plan.config.momentum });
      batch.set(state.batch);
      // What a small batch means for BatchNorm, in the architecture at hand (the conv net runs it at batch 1).
      batch.root.querySelector('.fig-hint').textContent = t(
        !p.norms.includes('batch')
          ? 'training.controls.batchHintNoBatchNorm'
          : p.patch.architecture === 'conv'
            ? 'training.controls.batchHintConv'
            : 'training.controls.batchHint',
      );
      dataset.set(state.dataset);
      steps.set(state.steps);
      variants.set(state.variants);
      // Only the norms and data sets the preset's architecture accepts are offered.
      for (const [norm, input] of variants.inputs) {
        input.disabled = !p.norms.includes(norm);
        input.closest('label').style.display = input.disabled ? 'none' : ''; // .fig-radio's display beats [hidden]
      }
      for (const option of dataset.input.options) option.disabled = !p.datasets.includes(option.value);
      logInput.checked = state.log;
    },
  };
}
