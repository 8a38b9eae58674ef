// code-panel.js — the playground's "PyTorch code" tab: the torch.nn code equivalent to the current settings
// (torch-code.js), with a Copy button. Copying uses the asynchronous Clipboard API; where it is missing or
// refused (insecure context, permission), the code is selected so the learner can copy it by keyboard,
// and the status line says which of the two happened.

import { t } from '../../i18n/i18n.js';
import { el, nextId } from '../../ui/el.js';
import { TORCH_RMSNORM, torchCode } from './torch-code.js';

export function codePanel(warmup) {
  const root = el('div', { className: 'pg-panel pg-code' });
  const codeId = nextId('pg-code');
  const code = el('code', { attrs: { 'data-code': 'torch' } });
  const pre = el(
    'pre',
    { className: 'pg-code-block', attrs: { id: codeId, tabindex: '0', 'aria-label': t('playground.code.label') } },
    code,
  );
  const status = el('p', { className: 'fig-note pg-copy-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const copy = el('button', {
    className: 'button fig-button',
    text: t('playground.code.copy'),
    attrs: { type: 'button', 'aria-controls': codeId },
  });
  let text = '';

  function selectCode() {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    pre.focus();
  }

  copy.addEventListener('click', async () => {
    status.textContent = '';
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      status.textContent = t('playground.code.copied');
      status.dataset.copy = 'copied';
    } catch {
      selectCode();
      status.textContent = t('playground.code.copyFallback');
      status.dataset.copy = 'selected';
    }
  });

  root.append(
    el('h4', { className: 'fig-panel-title', text: t('playground.code.title') }),
    el('p', { className: 'fig-note', text: t('playground.code.intro', { version: TORCH_RMSNORM }) }),
    pre,
    el('div', { className: 'pg-code-actions' }, copy, status),
  );

  return {
    root,
    update(s) {
      const next = torchCode(s, warmup);
      if (next === text) return;
      text = next;
      code.textContent = text;
      status.textContent = '';
      delete status.dataset.copy;
    },
  };
}
