// The mastery panel: each concept with its level as text and as a three-step meter (so the level
// never rests on colour alone), kept in step with the progress store.
//
//   createMasteryPanel(host, block, { ctx, model }) -> { update(progress) }

import { h, inline } from '../content/render.js';
import { t } from '../i18n/i18n.js';
import { conceptLevels, LEVELS } from './mastery.js';
import { conceptName, levelName } from './concept-names.js';
import '../../styles/predict.css';

export function createMasteryPanel(host, block, { ctx, model }) {
  const list = h('ul', { className: 'mastery-list' });
  const rows = new Map();
  for (const concept of model.concepts) {
    const level = h('span', { className: 'mastery-level' });
    const meter = h('span', { className: 'mastery-meter', role: 'img' },
      ...[1, 2, 3].map(() => h('span', { className: 'mastery-pip' })));
    const detail = h('span', { className: 'mastery-detail' });
    const li = h('li', { className: 'mastery-item', 'data-concept': concept },
      h('span', { className: 'mastery-name', text: conceptName(concept) }), meter, level, detail);
    rows.set(concept, { li, level, meter, detail });
    list.append(li);
  }
  const titleId = 'mastery-title';
  host.append(h('section', { className: 'mastery-panel', 'aria-labelledby': titleId },
    h('h3', { className: 'mastery-title', id: titleId, text: t('mastery.title') }),
    inline('p', block.text, ctx, { className: 'mastery-intro' }), list));
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
