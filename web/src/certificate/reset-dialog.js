// The Reset button of the completion area and its confirmation <dialog>: the progress is erased only after
// an explicit "Reset" in the dialog; Escape or Cancel keep it. Focus returns to the Reset button either way.
//
//   createResetArea(onReset) -> { area, dialog }   both to be appended by the caller

import { h } from '../content/render.js';
import { t } from '../i18n/i18n.js';

export function createResetArea(onReset) {
  const resetButton = h('button', {
    type: 'button',
    className: 'button button-danger reset-progress',
    text: t('completion.reset'),
  });
  const cancelButton = h('button', { type: 'button', className: 'button', text: t('completion.cancel') });
  const confirmButton = h('button', {
    type: 'button',
    className: 'button button-danger',
    text: t('completion.resetConfirm'),
  });
  const dialog = h(
    'dialog',
    { className: 'reset-dialog', 'aria-labelledby': 'reset-title', 'aria-describedby': 'reset-desc' },
    h('h2', { id: 'reset-title', text: t('completion.resetTitle') }),
    h('p', { id: 'reset-desc', text: t('completion.resetText') }),
    h('div', { className: 'dialog-actions' }, cancelButton, confirmButton),
  );
  resetButton.addEventListener('click', () => dialog.showModal());
  cancelButton.addEventListener('click', () => dialog.close('cancel'));
  confirmButton.addEventListener('click', () => dialog.close('reset'));
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') onReset();
    dialog.returnValue = '';
    resetButton.focus();
  });
  return { area: h('div', { className: 'reset-area' }, resetButton), dialog };
}
