import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'discriminator-variant-added',
  schema({ base, head, direction, location }, emit) {
    if (!base.variants?.discriminator || !head.variants?.discriminator) {
      return;
    }
    for (const value of head.variants.entries.keys()) {
      if (!base.variants.entries.has(value)) {
        emit({ location, variant: direction, params: { value } });
      }
    }
  },
};
export default rule;
