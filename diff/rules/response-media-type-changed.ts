import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'response-media-type-changed',
  response({ status, base, head }, emit) {
    // Only success bodies are typed in the generated package; error bodies reach callers as `unknown`.
    if (!base || !head || !status.startsWith('2')) {
      return;
    }
    const before = new Set(base.mediaTypes);
    const after = new Set(head.mediaTypes);
    const removed = base.mediaTypes.some((t) => !after.has(t));
    const added = head.mediaTypes.some((t) => !before.has(t));
    if (!removed && !added) {
      return;
    }
    const list = (types: string[]): string => (types.length > 0 ? types.join(', ') : '(none)');
    emit({
      location: `response ${status}`,
      variant: removed ? 'narrowed' : 'widened',
      params: { status, from: list(base.mediaTypes), to: list(head.mediaTypes) },
    });
  },
};
export default rule;
