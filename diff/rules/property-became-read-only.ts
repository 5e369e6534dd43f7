import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'property-became-read-only',
  property(p, emit) {
    if (p.direction === 'request' && p.baseVisible && p.head?.readOnly) {
      emit({ location: p.location, params: { property: p.path } });
    }
  },
};
export default rule;
