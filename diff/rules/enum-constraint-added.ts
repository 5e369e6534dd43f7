import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'enum-constraint-added',
  schema({ base, head, direction, location, path }, emit) {
    // Values changing inside an enum are enum-value-*'s; a type change is the type rules'.
    if (base.enumValues || !head.enumValues || base.label !== head.label) {
      return;
    }
    // An open enum still admits any string, so it constrains nothing a caller sends or compares with.
    const variant = (direction === 'response' ? 'response' : 'request') + (head.openEnum ? '-open' : '');
    emit({ location, variant, params: { property: path, values: head.enumValues.join(', ') } });
  },
};
export default rule;
