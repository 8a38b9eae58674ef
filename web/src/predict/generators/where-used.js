// "Which norm would you use here?" — where each norm is used is a fact about practice, not a number, so
// this generator draws a scenario from the content's seeded list (each scenario names its answer and cites
// its paper) instead of asking the core.
import { PREDICT_GENERATORS } from '../catalog.js';

export default {
  name: 'where-used',
  ...PREDICT_GENERATORS['where-used'],
  params(random, block) {
    return { scenario: Math.floor(random() * block.scenarios.length) };
  },
  run(core, p, block) {
    const scenario = block.scenarios[p.scenario];
    return { correct: scenario.answer, values: {}, scenario, chart: null };
  },
};
