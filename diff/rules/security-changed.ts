import type { Security } from '../operations.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'security-changed',
  operation({ base, head }, emit) {
    if (!base || !head) {
      return;
    }
    // No requirement at all means anyone may call.
    const from = base.security.keys.size > 0 ? base.security.keys : new Set(['anonymous']);
    const to = head.security.keys.size > 0 ? head.security.keys : new Set(['anonymous']);
    const same = from.size === to.size && [...from].every((k) => to.has(k));
    if (same) {
      return;
    }
    emit({
      location: 'security',
      variant: narrowed(base.security, head.security) ? 'narrowed' : 'widened',
      params: { from: base.security.text, to: head.security.text },
    });
  },
};
export default rule;

/** Some old way to authenticate is accepted by no new alternative. */
function narrowed(base: Security, head: Security): boolean {
  return base.alternatives.some((old) => !head.alternatives.some((alt) => accepts(alt, old)));
}

/**
 * A caller meeting `old` (its schemes, holding its scopes) meets `alt` when every scheme `alt` needs is one
 * of `old`'s and asks for no scope `old` did not grant.
 */
function accepts(alt: Map<string, Set<string>>, old: Map<string, Set<string>>): boolean {
  for (const [scheme, scopes] of alt) {
    const granted = old.get(scheme);
    if (!granted || [...scopes].some((s) => !granted.has(s))) {
      return false;
    }
  }
  return true;
}
