// strings-en.js — the UI string catalogue (English). Every button, label, message and ARIA text of the
// page is here, by feature; lesson content lives in web/content/lesson.json. Placeholders are {name};
// an object { one, other } is a plural chosen by {count}. Keep keys stable: tests check every key used
// in web/src exists here and every entry here is used.

export default {
  format: {
    times: '{value}×',
  },
  // Shared words (page shell, notices, generic controls).
  common: {
  },
  // The lesson page: boot, content problems, notices, table of contents, progress.
  page: {
  },
  quiz: {
  },
  mastery: {
  },
  predict: {
  },
  walkthrough: {
  },
  figures: {
    parityBadge: 'Matches PyTorch',
    parityText: 'The core gives the same outputs, statistics and gradients as PyTorch {torch} on {vectors} test vectors (outputs within {forward} and gradients within {gradient}, relative to the largest value), checked on every build.',
  },
  grouping: {
  },
  distributions: {
  },
  playground: {
  },
  inspector: {
  },
  everyNorm: {
  },
  training: {
  },
  modelMap: {
    legend: 'Choose a model family',
    hint: 'Choosing one loads a matching set-up into the playground and the training simulation.',
    entryTitle: '{title}: {norm}',
    diagrams: 'Block orders',
    inPlayground: 'In the playground',
    inTraining: 'In the training simulation',
    goPlayground: 'Go to the playground',
    goTraining: 'Go to the training simulation',
    loaded: 'Loaded “{title}” ({norm}) into the playground and the training simulation.',
    noContent: 'The lesson content has no entries for the model map (figureText.modelMap).',
  },
  teacher: {
  },
  completion: {
  },
  embed: {
  },
  lms: {
  },
};
