import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'discriminator-removed',
  schema({ base, head, direction, location, path }, emit) {
    if (!base.variants || !head.variants || !base.variants.discriminator || head.variants.discriminator) {
      return;
    }
    emit({ location, variant: direction, params: { property: path, discriminator: base.variants.discriminator } });
  },
};
export default rule;
