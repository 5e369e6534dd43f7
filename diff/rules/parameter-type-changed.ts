import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-type-changed',
  parameter({ base, head, location, readers }, emit) {
    if (!base || !head) {
      return;
    }
    const from = readers.base.deepLabel(base.schema);
    const to = readers.head.deepLabel(head.schema);
    if (from !== to) {
      emit({ location, params: { from, to } });
    }
  },
  schema(pair, emit) {
    // An object-valued parameter is serialized property by property (`filter[size]=10`, or `size=10` exploded):
    // each property is a parameter of its own. The root and its array items are the deep label's above.
    if (!pair.inParameter || /^(\[\])*$/.test(pair.subPath) || pair.base.label === pair.head.label) {
      return;
    }
    if (pair.head.label === 'any') {
      return;
    }
    emit({ location: pair.location, params: { from: pair.base.label, to: pair.head.label } });
  },
};
export default rule;
