import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'discriminator-added',
  schema({ base, head, direction, location, path }, emit) {
    // The generator types each variant's discriminator property as its literal value.
    if (!base.variants || !head.variants || base.variants.discriminator || !head.variants.discriminator) {
      return;
    }
    emit({ location, variant: direction, params: { property: path, discriminator: head.variants.discriminator } });
  },
};
export default rule;
