import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'enum-value-added',
  schema({ base, head, direction, location }, emit) {
    if (!base.enumValues || !head.enumValues) {
      return;
    }
    const known = new Set(base.enumValues);
    const variant = direction === 'request' ? 'request' : head.openEnum ? 'response-open' : 'response';
    for (const value of head.enumValues) {
      if (!known.has(value)) {
        emit({ location, variant, params: { value } });
      }
    }
  },
};
export default rule;
