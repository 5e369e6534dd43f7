import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'required-parameter-added',
  parameter({ base, head, location }, emit) {
    if (!base && head?.required) {
      emit({ location });
    }
  },
};
export default rule;
