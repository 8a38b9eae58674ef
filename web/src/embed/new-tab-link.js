// new-tab-link.js — "Open in a new tab" in the page's toolbar, for a lesson shown in a frame.

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { newTabUrl } from './embed-mode.js';

const $ = (id) => document.getElementById(id);

/** "Open in a new tab" in the toolbar, for a lesson inside a frame (not under an LMS: it tracks the frame). */
export function addNewTabLink() {
  const toolbar = document.querySelector('#toolbar .toolbar-inner');
  if (!toolbar || $('open-new-tab')) return;
  const link = el('a', {
    className: 'button open-new-tab',
    text: t('page.openInNewTab'),
    attrs: { id: 'open-new-tab', href: newTabUrl(location.href), target: '_blank', rel: 'noopener' },
  });
  toolbar.insertBefore(link, $('theme-toggle'));
}
