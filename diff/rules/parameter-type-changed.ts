import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-type-changed',
  parameter({ base, head, location, readers }, emit) {
    if (!base || !head) return;
    const from = readers.base.deepLabel(base.schema);
    const to = readers.head.deepLabel(head.schema);
    if (from !== to) emit({ location, params: { from, to } });
  },
};
export default rule;
