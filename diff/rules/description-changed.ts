import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'description-changed',
  operation({ base, head }, emit) {
    if (!base || !head) {
      return;
    }
    if (base.summary !== head.summary) {
      emit({ location: 'summary', params: { subject: 'Summary of the operation' } });
    }
    if (base.description !== head.description) {
      emit({ location: 'description', params: { subject: 'Description of the operation' } });
    }
  },
  parameter({ base, head, location }, emit) {
    if (base && head && base.description !== head.description) {
      emit({ location, params: { subject: `Description of parameter ${location}` } });
    }
  },
  schema({ base, head, location, inParameter }, emit) {
    // A parameter's schema description reads as the parameter's: reported once, by the parameter hook.
    if (!inParameter && base.description !== head.description) {
      emit({ location, params: { subject: `Description of ${location}` } });
    }
  },
};
export default rule;
