import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'pattern-properties-changed',
  schema({ base, head, direction, location, path }, emit) {
    // The generator types patternProperties as an index signature; values under a kept pattern are walked.
    const [from, to] = [base.patternProperties, head.patternProperties];
    const report = (pattern: string, change: 'added' | 'removed'): void =>
      emit({ location, variant: `${direction}-${change}`, params: { property: path, pattern, change } });
    for (const pattern of to?.keys() ?? []) {
      if (!from?.has(pattern)) {
        report(pattern, 'added');
      }
    }
    for (const pattern of from?.keys() ?? []) {
      if (!to?.has(pattern)) {
        report(pattern, 'removed');
      }
    }
  },
};
export default rule;
