// notices.js — discreet, polite, dismissible notices above the lesson (storage problems, recovered
// progress). One notice per key: showing a key again updates its text instead of stacking boxes.
//
//   createNotices(root) -> { show(key, text) }
//   storageNotice(failure) -> the learner-facing text for a storage failure ({ reason })

import { el } from './el.js';
import { t } from '../i18n/i18n.js';

export function createNotices(root) {
  const shown = new Map();
  return {
    show(key, text) {
      if (shown.has(key)) {
        shown.get(key).querySelector('.notice-text').textContent = text;
        return;
      }
      // The glyph is decoration; the accessible name comes from the catalogue.
      const close = el('button', {
        className: 'notice-close',
        text: '×',
        attrs: { type: 'button', 'aria-label': t('common.dismissNotice') },
      });
      const box = el(
        'div',
        { className: 'notice', attrs: { role: 'status', 'data-notice': key } },
        el('p', { className: 'notice-text', text }),
        close,
      );
      close.addEventListener('click', () => {
        box.remove();
        shown.delete(key);
      });
      shown.set(key, box);
      root.append(box);
    },
  };
}

const REASONS = { quota: 'page.storageQuota', blocked: 'page.storageBlocked' };

export function storageNotice(failure) {
  const reason = t(REASONS[failure?.reason] ?? 'page.storageUnavailable');
  return t('page.storageNotice', { reason });
}
