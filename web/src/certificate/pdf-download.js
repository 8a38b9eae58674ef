// Download the certificate as a PDF (loaded by the completion area only when the learner asks for it, so
// pdf-lib, fontkit and the fonts never weigh on the page's first load).
//
// The fonts are files in fonts/ beside the page (the single-file build answers these fetches from inlined
// copies of the non-CJK fonts; see web/vite.single.config.js). A name that needs a character no shipped font
// has is not printed with empty boxes: the status says which characters, and Print (system fonts) remains.
//
//   downloadCertificatePdf(cert) -> Promise<string>   the status line to show

import { el } from '../ui/el.js';
import { t } from '../i18n/i18n.js';
import { certificateTexts } from './certificate-view.js';
import { createFontSource } from './fonts.js';
import { MissingGlyphsError, certificatePdf } from './pdf.js';

async function fetchFont(name) {
  const response = await fetch(new URL(`fonts/${name}`, document.baseURI));
  if (!response.ok) throw new Error(`fonts/${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function downloadCertificatePdf(cert) {
  const source = createFontSource(fetchFont, { languages: navigator.languages });
  let bytes;
  try {
    bytes = await certificatePdf({ ...cert, ...certificateTexts(cert) }, source);
  } catch (error) {
    if (error instanceof MissingGlyphsError) {
      return t('completion.pdfMissing', { characters: error.characters.join(' ') });
    }
    throw error;
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = el('a', { href: url, download: `normlab-certificate-${cert.id}.pdf`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return t('completion.pdfDone');
}
