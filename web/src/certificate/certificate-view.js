// The certificate as the page shows and prints it, and the texts it shares with the PDF.
//
//   localDay(iso) -> "YYYY-MM-DD"              the calendar day of a timestamp in the page's time zone
//   formatDay(day), formatDuration(ms)         as the completion area words them
//   certificateTexts(cert) -> { dateText, scoreText, durationText }
//   renderCertificate(cert, { idPrefix }) -> <article>   text only: the name is set with textContent

import { el } from '../ui/el.js';
import { formatDate, formatInteger, t } from '../i18n/i18n.js';

/** The calendar day "YYYY-MM-DD" of an ISO timestamp, in the page's time zone. */
export function localDay(iso) {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A calendar day "YYYY-MM-DD" in the page's locale (i18n formatDate). */
export function formatDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? day : formatDate(date);
}

/** Time spent, rounded to minutes ("less than a minute", "12 min", "1 h 5 min"). */
export function formatDuration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return t('completion.duration.underMinute');
  if (minutes < 60) return t('completion.duration.minutes', { minutes: formatInteger(minutes) });
  return t('completion.duration.hours', {
    hours: formatInteger(Math.floor(minutes / 60)),
    minutes: formatInteger(minutes % 60),
  });
}

/** The certificate's date, score and duration as the certificate words them. */
export function certificateTexts(cert) {
  return {
    dateText: formatDay(cert.date),
    scoreText: t('completion.cert.scoreValue', { score: formatInteger(cert.score), total: formatInteger(cert.total) }),
    durationText: t('completion.cert.durationValue', {
      count: cert.durationMinutes,
      minutes: formatInteger(cert.durationMinutes),
    }),
  };
}

/** The certificate as DOM (text only: the name is set with textContent). */
export function renderCertificate(cert, { idPrefix }) {
  const texts = certificateTexts(cert);
  const headingId = `${idPrefix}-heading`;
  const dl = el('dl', { className: 'cert-meta' });
  const row = (label, value, className, sub) =>
    dl.append(
      el(
        'div',
        { className: 'cert-row' },
        el('dt', { text: label }),
        el('dd', { className }, value, sub ? el('span', { className: 'cert-sub', text: sub }) : null),
      ),
    );
  row(t('completion.cert.completed'), texts.dateText);
  row(t('completion.cert.score'), texts.scoreText, 'cert-score', t('completion.cert.scoreSub'));
  row(t('completion.cert.duration'), texts.durationText);
  row(t('completion.cert.id'), cert.id, 'cert-id');
  return el(
    'article',
    { className: 'certificate', 'aria-labelledby': headingId, 'data-certificate-id': cert.id },
    el('p', { className: 'cert-kicker', text: t('completion.cert.kicker') }),
    el('h3', { className: 'cert-heading', id: headingId, text: t('completion.cert.heading') }),
    el('p', { className: 'cert-line', text: t('completion.cert.certifies') }),
    el('p', { className: 'cert-name', text: cert.name }),
    el('p', { className: 'cert-line', text: t('completion.cert.completedLesson') }),
    el('p', { className: 'cert-title', text: cert.title }),
    dl,
    el('p', { className: 'cert-hash', text: t('completion.cert.hash', { hash: cert.hash }) }),
    el('p', { className: 'cert-note', text: t('completion.cert.note') }),
  );
}
