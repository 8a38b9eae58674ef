// The mastery panel: each concept with its level as text and as a three-step meter (so the level
// never rests on colour alone), kept in step with the progress store.
//
//   createMasteryPanel(host, block, { ctx, model }) -> { update(progress) }

import { el } from '../ui/el.js';
import { inline } from '../ui/inline.js';
import { t } from '../i18n/i18n.js';
import { conceptLevels, LEVELS, levelName } from './mastery.js';
import { conceptName } from '../i18n/concept-name.js';
import '../../styles/predict.css';

export function createMasteryPanel(host, block, { ctx, model }) {
  const list = el('ul', { className: 'mastery-list' });
  const rows = new Map();
  for (const concept of model.concepts) {
    const level = el('span', { className: 'mastery-level' });
    const meter = el(
      'span',
      { className: 'mastery-meter', role: 'img' },
      ...[1, 2, 3].map(() => el('span', { className: 'mastery-pip' })),
    );
    const detail = el('span', { className: 'mastery-detail' });
    const li = el(
      'li',
      { className: 'mastery-item', 'data-concept': concept },
      el('span', { className: 'mastery-name', text: conceptName(concept) }),
      meter,
      level,
      detail,
    );
    rows.set(concept, { li, level, meter, detail });
    list.append(li);
  }
  const titleId = 'mastery-title';
  host.append(
    el(
      'section',
      { className: 'mastery-panel', 'aria-labelledby': titleId },
      el('h3', { className: 'mastery-title', id: titleId, text: t('mastery.title') }),
      inline('p', block.text, ctx, { className: 'mastery-intro' }),
      list,
    ),
  );
  return {
    update(progress) {
      const levels = conceptLevels(progress, model);
      for (const [concept, { li, level, meter, detail }] of rows) {
        const info = levels[concept];
        const step = LEVELS.indexOf(info.level);
        li.dataset.level = info.level;
        level.textContent = levelName(info.level);
        meter.setAttribute('aria-label', t('mastery.meter', { step }));
        [...meter.children].forEach((pip, i) => pip.classList.toggle('is-on', i < step));
        detail.textContent = model.reviewBlocks.has(concept)
          ? t('mastery.detail', { count: info.rightItems, variants: info.rightVariants })
          : t('mastery.detailQuizOnly', { count: info.rightItems });
      }
    },
  };
}
