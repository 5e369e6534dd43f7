import type { Rule } from '../rule.js';
import { methodName, resourceName } from '../sdk-names.js';

const rule: Rule = {
  id: 'sdk-name-changed',
  operation({ base, head }, emit) {
    if (!base || !head) {
      return;
    }
    const from = `${resourceName(base)}.${methodName(base)}`;
    const to = `${resourceName(head)}.${methodName(head)}`;
    if (from !== to) {
      emit({ location: 'x-sdk-resource/x-sdk-method', params: { from, to } });
    }
  },
};
export default rule;
