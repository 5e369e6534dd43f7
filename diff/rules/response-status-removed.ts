import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'response-status-removed',
  response({ status, base, head }, emit) {
    if (!base || head) {
      return;
    }
    emit({ location: `response ${status}`, variant: status.startsWith('2') ? 'success' : 'error', params: { status } });
  },
};
export default rule;
