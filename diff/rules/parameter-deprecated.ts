import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-deprecated',
  parameter({ base, head, location }, emit) {
    if (base && head && !base.deprecated && head.deprecated) {
      emit({ location });
    }
  },
};
export default rule;
