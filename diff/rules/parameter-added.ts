import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-added',
  parameter({ base, head, location }, emit) {
    if (!base && head && !head.required) {
      emit({ location });
    }
  },
};
export default rule;
