import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-became-required',
  parameter({ base, head, location }, emit) {
    if (base && head && !base.required && head.required) {
      emit({ location });
    }
  },
};
export default rule;
