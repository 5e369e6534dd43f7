import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'security-changed',
  operation({ base, head }, emit) {
    if (!base || !head) return;
    // No requirement at all means anyone may call.
    const from = base.security.keys.size > 0 ? base.security.keys : new Set(['anonymous']);
    const to = head.security.keys.size > 0 ? head.security.keys : new Set(['anonymous']);
    const lost = [...from].filter((k) => !to.has(k));
    const gained = [...to].filter((k) => !from.has(k));
    if (lost.length === 0 && gained.length === 0) return;
    const narrowed = lost.length > 0 && !to.has('anonymous');
    emit({
      location: 'security',
      variant: narrowed ? 'narrowed' : 'widened',
      params: { from: base.security.text, to: head.security.text },
    });
  },
};
export default rule;
