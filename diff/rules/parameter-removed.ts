import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-removed',
  parameter({ base, head, location }, emit) {
    if (base && !head) {
      emit({ location });
    }
  },
};
export default rule;
