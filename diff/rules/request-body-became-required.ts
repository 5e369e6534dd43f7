import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-body-became-required',
  requestBody({ base, head }, emit) {
    if (base && head && !base.required && head.required) {
      emit({ location: 'request' });
    }
  },
};
export default rule;
