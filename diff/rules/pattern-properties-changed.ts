import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'pattern-properties-changed',
  schema({ base, head, direction, location, path }, emit) {
    // The generator types patternProperties as an index signature; values under a kept pattern are walked.
    const [from, to] = [base.patternProperties, head.patternProperties];
    for (const pattern of to?.keys() ?? []) {
      if (!from?.has(pattern)) emit({ location, variant: `${direction}-added`, params: { property: path, pattern, change: 'added' } });
    }
    for (const pattern of from?.keys() ?? []) {
      if (!to?.has(pattern)) emit({ location, variant: `${direction}-removed`, params: { property: path, pattern, change: 'removed' } });
    }
  },
};
export default rule;
