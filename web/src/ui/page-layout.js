// page-layout.js — the page shell's behaviour: the table of contents as a sidebar or a disclosure, and the
// sticky toolbar.

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
  const place = () => {
    header.style.top = `-${title.offsetHeight}px`;
  };
  place();
  if (typeof ResizeObserver === 'function') new ResizeObserver(place).observe(title);
  header.classList.add('is-sticky');
}
