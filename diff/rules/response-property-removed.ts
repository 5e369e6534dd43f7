import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'response-property-removed',
  property(p, emit) {
    if (p.direction === 'response' && p.baseVisible && !p.headVisible) {
      emit({ location: p.location, params: { property: p.path } });
    }
  },
};
export default rule;
