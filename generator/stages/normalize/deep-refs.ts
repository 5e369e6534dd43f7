// A $ref into the middle of a schema (`#/components/schemas/Pool/properties/disks/items`, or into an operation's
// response under `#/paths/...`) is valid, but openapi-typescript turns it into an indexed access that does not
// compile when it crosses an array or a `schema` key (`Pool["disks"]["items"]`). Such refs are replaced by a copy
// of their target, which is what they mean. Refs to a whole component stay refs.
import { resolveLocal, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import { walkSchemas } from './walk.js';

const WHOLE_COMPONENT = /^#\/components\/[^/]+\/[^/]+$/;

export function inlineDeepRefs(doc: OpenApiDocument): string[] {
  const notes: string[] = [];
  for (let round = 0; round < 8; round++) {
    let changed = false;
    walkSchemas(doc, (s: SchemaObject) => {
      if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/') || WHOLE_COMPONENT.test(s.$ref)) {
        return;
      }
      const target = resolveLocal<SchemaObject>(doc, s.$ref);
      if (!target || typeof target !== 'object') {
        return;
      }
      const ref = s.$ref;
      delete s.$ref;
      // The copy's own refs stay refs; a copy that still points deep is handled next round.
      Object.assign(s, structuredClone(target), { ...s });
      if (!notes.includes(ref)) {
        notes.push(ref);
      }
      changed = true;
    });
    if (!changed) {
      break;
    }
  }
  return notes.length ? [`${notes.length} $ref(s) into the middle of a schema were inlined (first: ${notes[0]})`] : [];
}
