// Light and dark themes: follow prefers-color-scheme until the learner picks one with the toggle;
// the choice persists (its own small key, through the same safe storage as the progress).
//
//   initTheme(button, storage) -> { get theme() }    button: the header toggle (<button aria-pressed>)

import { t } from '../i18n/i18n.js';

export const THEME_KEY = 'normlab:theme';

export function initTheme(button, storage) {
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const stored = () => {
    const value = storage.get(THEME_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  };
  const effective = () => stored() || (media && media.matches ? 'dark' : 'light');

  function apply() {
    const theme = effective();
    const root = document.documentElement;
    // base.css turns data-theme into the color-scheme that picks each colour token's light or dark value.
    if (stored()) root.dataset.theme = theme;
    else delete root.dataset.theme;
    if (button) {
      button.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
      const label = button.querySelector('.theme-label');
      if (label) label.textContent = t('page.darkTheme');
    }
  }

  button?.addEventListener('click', () => {
    storage.set(THEME_KEY, effective() === 'dark' ? 'light' : 'dark');
    apply();
  });
  media?.addEventListener?.('change', apply);
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_KEY || event.key === null) apply();
  });
  apply();
  return {
    get theme() {
      return effective();
    },
  };
}
