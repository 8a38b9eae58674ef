// The controls several figures share: the selects of input distribution and normalization kind, and (the
// distributions figure and the playground) γ and β as stepped sliders (data-control "gamma" and "beta"), a note
// under β shown while the kind is RMSNorm (which has no β, so its slider is off), and Resample with the seed the
// batch is drawn from.

import { t } from '../i18n/i18n.js';
import { el } from '../ui/el.js';
import { selectControl, steppedSlider } from '../ui/controls.js';
import { fmtFixed } from '../ui/format.js';
import { DISTRIBUTION_DISPLAY_ORDER, KIND_DISPLAY_ORDER, labelled } from '../vocabulary.js';
import { BETAS, GAMMAS } from './inputs.js';

/** A select over the input distributions in display order, named from the content's figure `text`; a pick calls onPick(id). */
export const distributionSelect = (label, text, onPick) =>
  selectControl(
    label,
    labelled(DISTRIBUTION_DISPLAY_ORDER, (d) => text.distributions[d].label),
    onPick,
  );

/** A select over the normalization kinds in display order, named from `text`; a pick calls onPick(kind). */
export const kindSelect = (label, text, onPick) =>
  selectControl(
    label,
    labelled(KIND_DISPLAY_ORDER, (k) => text.kinds[k].label),
    onPick,
  );

/** The shared catalogue labels of affineControls (figures.affine); `text` names RMSNorm in the note under β. */
export const affineLabels = (text) => ({
  gamma: t('figures.affine.gamma'),
  beta: t('figures.affine.beta'),
  noBeta: t('figures.affine.noBeta', { kind: text.kinds.rms.label }),
  resample: t('figures.affine.resample'),
});

/**
 * labels: { gamma, beta, noBeta, resample } (the figure's catalogue text); the stops are GAMMAS and BETAS. Moving a
 * slider calls change({ gamma }) or change({ beta }); Resample calls change({ seed: seed() + 1 }).
 * -> { gamma, beta, resample, seedText, set(state, seedLine) }
 */
export function affineControls(labels, change, seed) {
  const slider = (key, stops) => {
    const control = steppedSlider(
      labels[key],
      stops,
      (v) => fmtFixed(v, 2),
      (v) => change({ [key]: v }),
    );
    control.input.dataset.control = key;
    return control;
  };
  const gamma = slider('gamma', GAMMAS);
  const beta = slider('beta', BETAS);
  const betaNote = el('p', { className: 'fig-hint', text: labels.noBeta });
  beta.root.append(betaNote);
  const resample = el('button', { className: 'button fig-button', text: labels.resample, attrs: { type: 'button' } });
  resample.addEventListener('click', () => change({ seed: seed() + 1 }));
  const seedText = el('span', { className: 'fig-seed' });
  return {
    gamma,
    beta,
    resample,
    seedText,
    /** Show state's γ and β (for RMSNorm: β off, the note shown) and `seedLine` beside Resample. */
    set({ kind, gamma: g, beta: b }, seedLine) {
      gamma.set(g);
      beta.set(kind === 'rms' ? 0 : b);
      beta.input.disabled = kind === 'rms';
      betaNote.hidden = kind !== 'rms';
      seedText.textContent = seedLine;
    },
  };
}
