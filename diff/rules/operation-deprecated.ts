import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'operation-deprecated',
  operation({ base, head }, emit) {
    if (base && head && !base.deprecated && head.deprecated) {
      emit({ location: '' });
    }
  },
};
export default rule;
