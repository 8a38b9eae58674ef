// "Your progress on another device or browser": export the progress as a short code or a file, and import
// one (validated by progress-code.js → validateProgress before anything changes). Useful where storage is
// partitioned or blocked (an embed on a course site, Safari's 7-day deletion), and to move between browsers.
//
//   createProgressTransfer(host, { store }) -> { element }
// Import merges with the current progress when both come from the same start (same epoch), otherwise the
// imported progress replaces it (store.importProgress does both, and saves).

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { decodeProgressCode, encodeProgressCode, progressFile, readProgressFile } from '../state/progress-code.js';

const MAX_FILE_BYTES = 64 * 1024;

/** The panel's elements: a disclosure with the code, its buttons, the file input and a status line. */
function buildPanel() {
  const codeId = 'progress-code';
  const statusId = 'progress-transfer-status';
  const output = el('textarea', {
    id: codeId,
    className: 'progress-code',
    rows: '3',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'progress-code-hint',
  });
  const status = el('p', { className: 'transfer-status', id: statusId, role: 'status' });
  const copyButton = el('button', { type: 'button', className: 'button copy-code', text: t('embed.transfer.copy') });
  const downloadButton = el('button', {
    type: 'button',
    className: 'button download-progress',
    text: t('embed.transfer.download'),
  });
  const importButton = el('button', {
    type: 'button',
    className: 'button import-code',
    text: t('embed.transfer.load'),
  });
  const fileInput = el('input', {
    type: 'file',
    id: 'progress-file',
    accept: '.json,application/json,text/plain',
    className: 'progress-file',
  });
  const fileLabel = el('label', { for: 'progress-file', text: t('embed.transfer.fileLabel') });

  const root = el(
    'details',
    { className: 'progress-transfer', id: 'progress-transfer' },
    el('summary', { text: t('embed.transfer.summary') }),
    el(
      'div',
      { className: 'transfer-body' },
      el('p', { id: 'progress-code-hint', className: 'hint', text: t('embed.transfer.hint') }),
      el('label', { for: codeId, text: t('embed.transfer.codeLabel') }),
      output,
      el('div', { className: 'transfer-actions' }, copyButton, downloadButton, importButton),
      el('div', { className: 'transfer-file' }, fileLabel, fileInput),
      status,
    ),
  );
  return { root, output, status, copyButton, downloadButton, importButton, fileInput };
}

export function createProgressTransfer(host, { store }) {
  const { root, output, status, copyButton, downloadButton, importButton, fileInput } = buildPanel();
  host.append(root);

  const fillCode = () => {
    output.value = encodeProgressCode(store.state);
  };
  root.addEventListener('toggle', () => {
    if (root.open) fillCode();
  });

  copyButton.addEventListener('click', async () => {
    fillCode();
    output.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(output.value);
      copied = true;
    } catch {
      /* clipboard not allowed (e.g. an iframe without clipboard-write): the code is selected */
    }
    status.textContent = copied ? t('embed.transfer.copied') : t('embed.transfer.selected');
  });

  downloadButton.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([progressFile(store.state)], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'normlab-progress.json', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = t('embed.transfer.downloaded');
  });

  function apply(result) {
    if (!result.ok) {
      status.textContent = t('embed.transfer.invalid', { error: result.error });
      root.dataset.import = 'invalid';
      return;
    }
    store.importProgress(result.progress);
    root.dataset.import = 'ok';
    fillCode();
    status.textContent = t('embed.transfer.loaded');
  }

  importButton.addEventListener('click', () => apply(decodeProgressCode(output.value)));
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      apply({ ok: false, error: t('embed.transfer.tooLarge') });
      return;
    }
    apply(readProgressFile(await file.text()));
  });

  return { element: root };
}
