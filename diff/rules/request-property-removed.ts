import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-property-removed',
  property(p, emit) {
    // A property that turned readOnly is still there: property-became-read-only reports it.
    if (p.direction === 'request' && p.baseVisible && !p.head) {
      emit({ location: p.location, params: { property: p.path } });
    }
  },
};
export default rule;
