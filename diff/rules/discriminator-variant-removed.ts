import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'discriminator-variant-removed',
  schema({ base, head, location }, emit) {
    if (!base.variants?.discriminator || !head.variants?.discriminator) {
      return;
    }
    for (const value of base.variants.entries.keys()) {
      if (!head.variants.entries.has(value)) {
        emit({ location, params: { value } });
      }
    }
  },
};
export default rule;
