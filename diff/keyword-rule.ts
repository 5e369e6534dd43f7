// The 2020-12 keyword rules share one shape: compare a family's keywords at every schema, and report each
// keyword that changed with its direction and effect as the variant (`request-tightened`, `response-loosened`).
import type { Rule } from './rule.js';
import type { RuleId } from './registry.js';
import type { KeywordFamily } from './schema.js';
import { familyChanges } from './subschema.js';

export function keywordRule(id: RuleId, family: KeywordFamily): Rule {
  return {
    id,
    schema(pair, emit) {
      for (const c of familyChanges({ family, readers: pair.readers, base: pair.base, head: pair.head })) {
        emit({
          location: pair.location,
          variant: `${pair.direction}-${c.effect}`,
          params: { property: pair.path, keyword: c.keyword, change: c.effect, from: c.from, to: c.to },
        });
      }
    },
  };
}
