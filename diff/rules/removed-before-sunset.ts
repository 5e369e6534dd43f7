import { readLifecycle } from '../lifecycle.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'removed-before-sunset',
  operation({ base, head, lifecycle }, emit) {
    if (!base || head) {
      return;
    }
    const was = readLifecycle(base.raw, lifecycle.policy);
    if (!was.deprecated || was.sunset === undefined || was.sunset <= lifecycle.today) {
      return;
    }
    emit({ location: '', params: { sunset: was.sunset, today: lifecycle.today } });
  },
};
export default rule;
