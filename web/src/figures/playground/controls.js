// The playground's inputs: kind, BatchNorm's train/eval mode, distribution, batch size, feature dimension,
// groups, eps, γ, β, resample and the "link to this view" anchor. Each input calls change(patch); the
// playground's draw shows a state in them.

import { t } from '../../i18n/i18n.js';
import { el, nextId } from '../../ui/el.js';
import { fmtEps } from '../../ui/format.js';
import { radioGroup, selectControl, steppedSlider } from '../../ui/controls.js';
import { affineControls, distributionSelect, kindSelect } from '../shared-controls.js';
import { BATCH_SIZES, EPSILONS, FEATURES } from './hash.js';

/** The controls row; seedOf() gives the current seed (for resample). Returns its root and every input. */
export function playgroundControls(text, change, seedOf) {
  const root = el('div', { className: 'fig-controls pg-controls' });
  const kind = kindSelect(t('playground.normalization'), text, (k) => change({ kind: k }));
  const mode = radioGroup(
    t('playground.mode', { kind: text.kinds.batch.label }),
    nextId('pg-mode'),
    [
      { value: 'train', label: t('playground.training') },
      { value: 'eval', label: t('playground.eval') },
    ],
    (m) => change({ mode: m }),
    'fig-radios pg-mode',
  );
  const dist = distributionSelect(t('playground.distribution'), text, (d) => change({ dist: d }));
  const batch = steppedSlider(
    t('playground.batchSize'),
    BATCH_SIZES,
    String,
    (n) => change({ n }),
    text.hints.batchSize,
  );
  const features = steppedSlider(t('playground.features'), FEATURES, String, (c) => change({ c }), text.hints.features);
  const groups = selectControl(t('playground.groups'), [], (g) => change({ g: Number(g) }), text.hints.groups);
  const eps = steppedSlider(t('playground.eps'), EPSILONS, fmtEps, (e) => change({ eps: e }));
  const affine = affineControls(
    {
      gamma: t('playground.gamma'),
      beta: t('playground.beta'),
      noBeta: t('playground.noBeta', { kind: text.kinds.rms.label }),
      resample: t('playground.resample'),
    },
    change,
    seedOf,
  );
  for (const [key, slider] of Object.entries({ batch, features, eps })) slider.input.dataset.control = key;
  const link = el('a', { className: 'pg-link', text: t('playground.link'), attrs: { href: '#' } });
  root.append(
    kind.root,
    mode.root,
    dist.root,
    batch.root,
    features.root,
    groups.root,
    eps.root,
    affine.gamma.root,
    affine.beta.root,
    el('div', { className: 'fig-control fig-resample' }, affine.resample, affine.seedText, link),
  );
  return { root, kind, mode, dist, batch, features, groups, eps, affine, link };
}
