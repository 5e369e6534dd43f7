import { canonical, display } from '../json.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'parameter-default-changed',
  parameter({ base, head, location, readers }, emit) {
    if (!base?.schema || !head?.schema) {
      return;
    }
    const b = readers.base.view(base.schema);
    const h = readers.head.view(head.schema);
    // Documenting a default that was not written down before is not a behaviour change.
    if (!b.hasDefault) {
      return;
    }
    if (h.hasDefault && canonical(b.default) === canonical(h.default)) {
      return;
    }
    emit({ location, params: { from: display(b.default), to: h.hasDefault ? display(h.default) : '(none)' } });
  },
};
export default rule;
