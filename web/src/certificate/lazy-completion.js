// lazy-completion.js — the completion area ("Finished this lesson?", the certificate, and without an LMS the
// progress transfer) loaded after start-up instead of with the entry script: it sits at the lesson's end, and
// its modules are about a tenth of the page's first-load JavaScript (docs/performance.md, Sizes).
//
// While the modules load the empty host keeps the area's space (web/styles/lesson.css), so nothing below it
// moves when it appears. The area is drawn from the progress as it is at that moment, in the same
// task that builds it (no frame shows an empty summary), and then joins the page's progress sync (onReady).
// The single-file build inlines these imports (vite.single.config.js): there they cost nothing to load. When
// they cannot be fetched (the connection dropped) the host says so and offers another attempt.
//
//   mountCompletion(host, { content, model, store, passMark, learnerName, nameHint?, transfer, onReady })
//     -> Promise<void>; onReady(completion) receives createCompletion()'s { sync(progress) }.

import { showContentProblem } from '../ui/content-problem.js';
import { t } from '../i18n/i18n.js';

export function mountCompletion(host, { transfer, onReady, ...options }) {
  return Promise.all([import('./certificate.js'), transfer ? import('../embed/progress-transfer.js') : null])
    .then(([{ createCompletion }, transferModule]) => {
      const completion = createCompletion(host, options);
      if (transferModule) transferModule.createProgressTransfer(host, { store: options.store });
      completion.sync(options.store.state);
      onReady(completion);
    })
    .catch((error) => {
      console.error(error);
      showContentProblem(host, {
        title: t('completion.loadFailedTitle'),
        message: t('completion.loadFailedMessage', { reason: error.message }),
        retry: () => {
          host.replaceChildren();
          mountCompletion(host, { transfer, onReady, ...options });
        },
      });
    });
}
