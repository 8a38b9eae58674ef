// The Reset button of the completion area and its confirmation <dialog>: the progress is erased only after
// an explicit "Reset" in the dialog; Escape or Cancel keep it. Focus returns to the Reset button either way.
//
//   createResetArea(onReset) -> { area, dialog }   both to be appended by the caller

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { button } from '../ui/controls.js';

export function createResetArea(onReset) {
  const resetButton = button(t('completion.reset'), () => dialog.showModal(), 'button button-danger reset-progress');
  const cancelButton = button(t('completion.cancel'), () => dialog.close('cancel'), 'button');
  const confirmButton = button(t('completion.resetConfirm'), () => dialog.close('reset'), 'button button-danger');
  const dialog = el(
    'dialog',
    { className: 'reset-dialog', 'aria-labelledby': 'reset-title', 'aria-describedby': 'reset-desc' },
    el('h2', { id: 'reset-title', text: t('completion.resetTitle') }),
    el('p', { id: 'reset-desc', text: t('completion.resetText') }),
    el('div', { className: 'dialog-actions' }, cancelButton, confirmButton),
  );
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') onReset();
    dialog.returnValue = '';
    resetButton.focus();
  });
  return { area: el('div', { className: 'reset-area' }, resetButton), dialog };
}
