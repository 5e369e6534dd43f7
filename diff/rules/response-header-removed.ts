import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'response-header-removed',
  response({ status, base, head }, emit) {
    // Error responses reach callers as an untyped ApiError: only success headers are part of the surface.
    if (!base || !head || !status.startsWith('2')) {
      return;
    }
    for (const [key, header] of base.headers) {
      if (!head.headers.has(key)) {
        emit({ location: `response ${status} header ${header}`, params: { header } });
      }
    }
  },
};
export default rule;
