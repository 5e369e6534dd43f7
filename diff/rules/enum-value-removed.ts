import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'enum-value-removed',
  schema({ base, head, direction, location }, emit) {
    if (!base.enumValues || !head.enumValues) {
      return;
    }
    const kept = new Set(head.enumValues);
    // Client code only compiles against the value when the old enum was closed.
    const variant = direction === 'request' ? 'request' : base.openEnum ? 'response-open' : 'response';
    for (const value of base.enumValues) {
      if (!kept.has(value)) {
        emit({ location, variant, params: { value } });
      }
    }
  },
};
export default rule;
