import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'enum-constraint-removed',
  schema({ base, head, direction, location, path }, emit) {
    // Values changing inside an enum are enum-value-*'s; a type change is the type rules'.
    if (!base.enumValues || head.enumValues || base.label !== head.label) {
      return;
    }
    // A closed union widening to `string` no longer fits variables typed with the union; an open one already did.
    const variant = direction === 'request' ? 'request' : base.openEnum ? 'response-open' : 'response';
    emit({ location, variant, params: { property: path, values: base.enumValues.join(', ') } });
  },
};
export default rule;
