import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-property-became-optional',
  property(p, emit) {
    if (p.direction !== 'request' || !p.baseVisible || !p.headVisible) {
      return;
    }
    if (p.base?.required && !p.head?.required) {
      emit({ location: p.location, params: { property: p.path } });
    }
  },
};
export default rule;
