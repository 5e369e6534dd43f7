import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'request-media-type-removed',
  requestBody({ base, head }, emit) {
    // A body that is gone altogether is request-body-removed's.
    if (!base || !head) {
      return;
    }
    const kept = new Set(head.mediaTypes);
    for (const mediaType of base.mediaTypes) {
      if (!kept.has(mediaType)) {
        emit({ location: 'request', params: { mediaType } });
      }
    }
  },
};
export default rule;
