import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'property-nullability-changed',
  schema(pair, emit) {
    if (pair.base.nullable === pair.head.nullable) {
      return;
    }
    const widened = pair.head.nullable;
    emit({
      location: pair.location,
      variant: `${pair.direction}-${widened ? 'widened' : 'narrowed'}`,
      params: { property: pair.path, change: widened ? 'became nullable' : 'is no longer nullable' },
    });
  },
};
export default rule;
