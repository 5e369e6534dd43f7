import { readLifecycle, STAGE_NAMES, stability } from '../lifecycle.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'lifecycle-stage-changed',
  operation({ base, head, lifecycle }, emit) {
    if (!base || !head) {
      return;
    }
    const [from, to] = [readLifecycle(base.raw, lifecycle.policy), readLifecycle(head.raw, lifecycle.policy)];
    // Deprecation has rules of its own (operation-deprecated, deprecated-without-sunset).
    const direction = stability(from.stage, to.stage);
    if (direction === 0) {
      return;
    }
    emit({
      location: 'lifecycle',
      variant: direction < 0 ? 'decreased' : 'increased',
      params: { from: STAGE_NAMES[from.stage], to: STAGE_NAMES[to.stage] },
    });
  },
};
export default rule;
