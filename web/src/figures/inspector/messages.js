// Learner-facing messages for the inspector: input problems (InputError codes from parse.js) and the core's
// NormlabError, mapped by its `argument` (and, for "shape", by the rule the shape broke) to catalogue text.

import { t } from '../../i18n/i18n.js';
import { InputError } from './parse.js';

const perElement = (kind) => kind === 'layer' || kind === 'rms';

/** The catalogue message for `error` thrown while computing `setup` ({ kind, shape, groups, eps, ... }). */
export function messageFor(error, setup) {
  if (error instanceof InputError) return t(`inspector.errors.${error.code}`, error.params);
  const [n, c, l] = setup.shape ?? [0, 0, 0];
  switch (error?.argument) {
    case 'groups':
      return t('inspector.errors.groups', { c, g: setup.groups });
    case 'eps':
      return t('inspector.errors.eps', { value: setup.eps });
    case 'gamma':
    case 'beta': {
      if (error.argument === 'beta' && setup.kind === 'rms') return t('inspector.errors.rmsBeta');
      const count = perElement(setup.kind) ? c * l : c;
      const key = perElement(setup.kind) ? 'paramPerElement' : 'paramPerChannel';
      return t(`inspector.errors.${key}`, { name: error.argument === 'gamma' ? 'γ' : 'β', count, c, l });
    }
    case 'shape':
      if (setup.kind === 'batch' && n * l <= 1) return t('inspector.errors.batchOne');
      if (setup.kind === 'instance' && l <= 1) return t('inspector.errors.instanceOne');
      return t('inspector.errors.shape');
    case 'input':
      return t('inspector.errors.count', { count: setup.count, n, c, l, expected: n * c * l });
    default:
      return t('inspector.errors.unexpected');
  }
}
