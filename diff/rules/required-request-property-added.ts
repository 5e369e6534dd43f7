import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'required-request-property-added',
  property(p, emit) {
    if (p.direction === 'request' && !p.baseVisible && p.headVisible && p.head?.required) {
      emit({ location: p.location, params: { property: p.path } });
    }
  },
};
export default rule;
