// Stage 3: rewrite the bundled document into the shape openapi-typescript types correctly.
// Each pass fixes one measured trap; the spec itself is never required to avoid them.
import type { OpenApiDocument } from '../../openapi.js';
import { canonicalRefs } from './canonical-refs.js';
import { hoistAllOfRequired } from './allof-required.js';
import { dropDanglingMappings } from './discriminator-mapping.js';
import { moveOwnDiscriminatorProperties } from './discriminator-own.js';
import { inlineDeepRefs, inlineOperationRefs } from './deep-refs.js';
import { uniqueOperationIds } from './operation-ids.js';
import { splitWritableSchemas } from './writable.js';

export interface NormalizedSpec {
  document: OpenApiDocument;
  /** What was rewritten that a user should know about. */
  notes: string[];
}

export function normalizeSpec(input: OpenApiDocument): NormalizedSpec {
  const document = structuredClone(input);
  canonicalRefs(document);
  const notes = [
    ...uniqueOperationIds(document),
    ...inlineOperationRefs(document),
    ...inlineDeepRefs(document),
    ...dropDanglingMappings(document),
  ];
  hoistAllOfRequired(document);
  moveOwnDiscriminatorProperties(document);
  // Request-side copies (`<Name>Writable`) are components of their own: the model finds them by name.
  splitWritableSchemas(document);
  return { document, notes };
}
