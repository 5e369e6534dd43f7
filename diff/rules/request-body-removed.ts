import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-body-removed',
  requestBody({ base, head }, emit) {
    if (base && !head) {
      emit({ location: 'request' });
    }
  },
};
export default rule;
