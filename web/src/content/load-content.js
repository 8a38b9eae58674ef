// load-content.js — fetch the lesson's content file. Failures throw an Error whose message is meant for
// the learner (the boot shows it in the content problem panel).

import { t } from '../i18n/i18n.js';

/** The parsed content file at `url` (fetched past the HTTP cache, so an edited lesson shows at once). */
export async function loadContent(url) {
  if (!url) throw new Error(t('page.contentMissing'));
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(t('page.contentHttp', { status: String(response.status) }));
  try {
    return await response.json();
  } catch {
    throw new Error(t('page.contentNotJson'));
  }
}
