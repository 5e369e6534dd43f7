import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-became-optional',
  parameter({ base, head, location }, emit) {
    if (base && head && base.required && !head.required) {
      emit({ location });
    }
  },
};
export default rule;
