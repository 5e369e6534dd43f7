import { readLifecycle } from '../lifecycle.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'deprecated-without-sunset',
  operation({ base, head, lifecycle }, emit) {
    if (!head) {
      return;
    }
    const now = readLifecycle(head.raw, lifecycle.policy);
    if (!now.deprecated || now.sunset !== undefined) {
      return;
    }
    // Reported when it becomes so (newly deprecated, or the sunset date dropped), not on every diff after.
    const was = base ? readLifecycle(base.raw, lifecycle.policy) : undefined;
    if (was?.deprecated && was.sunset === undefined) {
      return;
    }
    emit({ location: '', params: { keys: lifecycle.policy.sunsetKeys.join(' or ') } });
  },
};
export default rule;
