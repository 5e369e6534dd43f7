import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'operation-removed',
  operation({ base, head }, emit) {
    if (base && !head) {
      emit({ location: '' });
    }
  },
};
export default rule;
