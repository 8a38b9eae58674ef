// page-layout.js — the page shell's behaviour: the table of contents as a sidebar or a disclosure, the
// sticky toolbar, and the "Open in a new tab" link for a lesson shown in a frame.

import { el } from './el.js';
import { t } from '../i18n/i18n.js';
import { newTabUrl } from '../embed/embed-mode.js';

const $ = (id) => document.getElementById(id);

export function setupTocDisclosure() {
  const details = $('toc-details');
  if (!details || typeof matchMedia !== 'function') return;
  const wide = matchMedia('(min-width: 1100px)');
  const summary = details.querySelector('summary');
  // Wide screens: a permanent sidebar (the disclosure is neither collapsible nor a tab stop).
  const apply = () => {
    details.open = wide.matches;
    if (wide.matches) summary.setAttribute('tabindex', '-1');
    else summary.removeAttribute('tabindex');
  };
  apply();
  wide.addEventListener('change', apply);
  details.addEventListener('toggle', () => {
    if (wide.matches && !details.open) details.open = true;
  });
  // On narrow screens, close the contents after jumping to a section.
  details.addEventListener('click', (event) => {
    if (!wide.matches && event.target.closest('a')) details.open = false;
  });
}

/** Keep the header's toolbar (progress, theme) on screen: the header sticks at minus its title block's height. */
export function setupStickyToolbar() {
  const header = $('site-header');
  const title = header?.querySelector('.header-inner');
  if (!header || !title) return;
  const place = () => { header.style.top = `-${title.offsetHeight}px`; };
  place();
  if (typeof ResizeObserver === 'function') new ResizeObserver(place).observe(title);
  header.classList.add('is-sticky');
}

/** "Open in a new tab" in the toolbar, for a lesson inside a frame (not under an LMS: it tracks the frame). */
export function addNewTabLink() {
  const toolbar = document.querySelector('#toolbar .toolbar-inner');
  if (!toolbar || $('open-new-tab')) return;
  const link = el('a', { className: 'button open-new-tab', text: t('page.openInNewTab'),
    attrs: { id: 'open-new-tab', href: newTabUrl(location.href), target: '_blank', rel: 'noopener' } });
  toolbar.insertBefore(link, $('theme-toggle'));
}
