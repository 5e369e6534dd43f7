import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-body-added',
  requestBody({ base, head }, emit) {
    if (base || !head) {
      return;
    }
    const required = head.required ? 'required' : 'optional';
    emit({ location: 'request', variant: required, params: { required } });
  },
};
export default rule;
