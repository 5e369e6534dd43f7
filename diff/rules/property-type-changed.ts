import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'property-type-changed',
  schema(pair, emit) {
    // Parameter types are parameter-type-changed's; an unconstrained side only widens (safe) or narrows.
    if (pair.inParameter || pair.base.label === pair.head.label) {
      return;
    }
    if (pair.direction === 'response' && pair.base.label === 'any') {
      return;
    }
    if (pair.direction === 'request' && pair.head.label === 'any') {
      return;
    }
    emit({ location: pair.location, params: { property: pair.path, from: pair.base.label, to: pair.head.label } });
  },
};
export default rule;
