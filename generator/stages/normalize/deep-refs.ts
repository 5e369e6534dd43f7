// A $ref into the middle of a schema (`#/components/schemas/Pool/properties/disks/items`, or into an operation's
// response under `#/paths/...`) is valid, but openapi-typescript turns it into an indexed access that does not
// compile when it crosses an array or a `schema` key (`Pool["disks"]["items"]`). Such refs are replaced by a copy
// of their target, which is what they mean. Refs to a whole component stay refs.
import { METHODS, resolveLocal, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
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

/**
 * The same for a parameter, request body or response that refers into another operation
 * (`#/paths/~1v2~1keys/get/parameters/0`, DigitalOcean's spec): openapi-typescript types it as
 * `paths[…]["get"]["parameters"]["query"]["page"]`, which does not compile when that group is optional (TS2339).
 * Such refs are replaced by a copy of their target; refs to a whole component stay refs.
 */
export function inlineOperationRefs(doc: OpenApiDocument): string[] {
  const inlined: string[] = [];
  const inline = (node: unknown): void => {
    for (let hops = 0; hops < 8; hops++) {
      const n = node as { $ref?: unknown } | undefined;
      if (!n || typeof n.$ref !== 'string' || !n.$ref.startsWith('#/') || WHOLE_COMPONENT.test(n.$ref)) {
        return;
      }
      const target = resolveLocal<object>(doc, n.$ref);
      if (!target || typeof target !== 'object') {
        return;
      }
      inlined.push(n.$ref);
      delete n.$ref;
      Object.assign(n, structuredClone(target), { ...n });
    }
  };
  for (const item of Object.values(doc.paths ?? {})) {
    if (!item || typeof item !== 'object') {
      continue;
    }
    for (const p of Array.isArray(item.parameters) ? item.parameters : []) {
      inline(p);
    }
    for (const m of METHODS) {
      const op = item[m];
      if (!op || typeof op !== 'object') {
        continue;
      }
      for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
        inline(p);
      }
      inline(op.requestBody);
      for (const r of Object.values(op.responses ?? {})) {
        inline(r);
      }
    }
  }
  return inlined.length
    ? [
        `${inlined.length} parameter, body or response $ref(s) into another operation were inlined (first: ${inlined[0]})`,
      ]
    : [];
}
