// The catalogue names of the six concepts and the four mastery levels (ids are kebab-case, keys camelCase).
import { t } from '../i18n/i18n.js';

const camel = (id) => id.replace(/-(\w)/g, (_, c) => c.toUpperCase());
export const conceptName = (concept) => t(`mastery.concepts.${camel(concept)}`);
export const levelName = (level) => t(`mastery.levels.${camel(level)}`);
