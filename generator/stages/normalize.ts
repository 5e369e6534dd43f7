// Stage 3: rewrite the bundled document into the shape openapi-typescript types correctly.
// Each pass fixes one measured trap; the spec itself is never required to avoid them.
import type { OpenApiDocument } from '../openapi.js';
import { hoistAllOfRequired } from './normalize/allof-required.js';
import { splitWritableSchemas } from './normalize/writable.js';

export interface NormalizedSpec {
  document: OpenApiDocument;
  /** Writable variant name by original schema name, for schemas used in requests and responses alike. */
  writable: Map<string, string>;
}

export function normalizeSpec(input: OpenApiDocument): NormalizedSpec {
  const document = structuredClone(input);
  hoistAllOfRequired(document);
  const writable = splitWritableSchemas(document);
  return { document, writable };
}
