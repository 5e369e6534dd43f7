import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'prefix-items-changed',
  schema({ base, head, direction, location, path }, emit) {
    // The generator types prefixItems as a fixed tuple: positions are compared one by one by the walker.
    const [from, to] = [base.prefixItems?.length, head.prefixItems?.length];
    if (from === to) {
      return;
    }
    const change = from === undefined ? 'added' : to === undefined ? 'removed' : undefined;
    const variant = change ? `${direction}-${change}` : 'length-changed';
    const shown = (n: number | undefined): string => (n === undefined ? 'an array' : `a ${n}-tuple`);
    emit({ location, variant, params: { property: path, from: shown(from), to: shown(to) } });
  },
};
export default rule;
