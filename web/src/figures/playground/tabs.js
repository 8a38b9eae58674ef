// tabs.js — the WAI-ARIA tabs pattern for the playground's outputs: a tablist of buttons (roving tabindex;
// Left/Right arrows, Home and End move and activate), each controlling one tabpanel. Inactive panels are
// hidden, so a panel that computes lazily (the gradients) can ask whether it is visible.
// https://www.w3.org/WAI/ARIA/apg/patterns/tabs/

import { el, nextId } from '../../ui/el.js';

/**
 * tabs: [{ id, label, panel (element) }]; label: the tablist's accessible name.
 * onSelect(id) fires after the learner (or select()) activates a tab.
 * Returns { root, tablist, selected, select(id), tab(id) }.
 */
export function createTabs(tabs, label, onSelect = () => {}) {
  const prefix = nextId('pg-tabs');
  const tablist = el('div', { className: 'pg-tablist', attrs: { role: 'tablist', 'aria-label': label } });
  const root = el('div', { className: 'pg-tabs' }, tablist);
  const buttons = new Map();
  for (const tab of tabs) {
    const tabId = `${prefix}-${tab.id}-tab`;
    const panelId = `${prefix}-${tab.id}-panel`;
    const button = el('button', {
      className: 'pg-tab',
      text: tab.label,
      attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-tab': tab.id },
    });
    Object.assign(tab.panel, { id: panelId });
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', tabId);
    tab.panel.setAttribute('tabindex', '0');
    tab.panel.classList.add('pg-tabpanel');
    button.addEventListener('click', () => select(tab.id));
    buttons.set(tab.id, button);
    tablist.append(button);
    root.append(tab.panel);
  }
  const ids = tabs.map((tab) => tab.id);
  let selected = null;

  function select(id, { focus = false } = {}) {
    if (!buttons.has(id)) return;
    for (const tab of tabs) {
      const on = tab.id === id;
      const button = buttons.get(tab.id);
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
    }
    if (focus) buttons.get(id).focus();
    if (selected !== id) {
      selected = id;
      onSelect(id);
    }
  }

  tablist.addEventListener('keydown', (event) => {
    const at = ids.indexOf(selected);
    const target = {
      ArrowRight: (at + 1) % ids.length,
      ArrowLeft: (at - 1 + ids.length) % ids.length,
      Home: 0,
      End: ids.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(ids[target], { focus: true });
  });

  select(ids[0]);
  return {
    root,
    tablist,
    get selected() {
      return selected;
    },
    select,
    tab: (id) => buttons.get(id),
  };
}
