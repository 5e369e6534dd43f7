import { constraintChanges } from '../constraints.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-constraint-loosened',
  schema(pair, emit) {
    if (pair.direction !== 'request') {
      return;
    }
    for (const c of constraintChanges(pair.base, pair.head)) {
      if (!c.tightened) {
        emit({
          location: pair.location,
          params: { property: pair.path, constraint: c.constraint, from: c.from, to: c.to },
        });
      }
    }
  },
};
export default rule;
