// concept-name.js — a concept's name in the page's language, for the mastery panel and the predict checks
// alike: here rather than in mastery/, which imports predict/, and rather than in vocabulary.js, which stays
// pure data.
import { camelKey } from '../vocabulary.js';
import { t } from './i18n.js';

export const conceptName = (concept) => t(`mastery.concepts.${camelKey(concept)}`);
