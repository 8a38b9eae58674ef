// parity-note.js — the "matches PyTorch" note under the figures. Its numbers are those of the shipped
// parity test (tests/golden/torch-vectors.json, checked by tests/wasm/torch-parity.test.mjs); a node test
// keeps this file and the test vectors in step, so the note cannot claim more than CI checks.

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';

export const PARITY = Object.freeze({
  torch: '1.13.1', // Debian's python3-torch, which generated the vectors
  vectors: 96, // test vectors: 5 kinds (+ BatchNorm in eval mode), 6 input cases, with/without affine
  forwardTolerance: 2e-6, // outputs and statistics, relative to the largest |value|
  gradientTolerance: 1e-5, // gradients, relative to the largest |value|
});

/** A small note: these numbers match PyTorch, with the version, the count of vectors and the tolerance. */
export function parityNote() {
  return el(
    'p',
    { className: 'fig-parity', attrs: { 'data-parity': 'torch' } },
    el('span', { className: 'fig-parity-badge', text: t('figures.parityBadge') }),
    el('span', {
      text: ` ${t('figures.parityText', {
        torch: PARITY.torch,
        vectors: PARITY.vectors,
        forward: PARITY.forwardTolerance.toExponential(0).replace('e-', 'e−'),
        gradient: PARITY.gradientTolerance.toExponential(0).replace('e-', 'e−'),
      })}`,
    }),
  );
}
