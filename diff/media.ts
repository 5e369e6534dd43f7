// Bodies as the generator types them: JSON, form and multipart bodies from their schema, text (`text/*`, XML) as
// `string`, anything else as `Blob`. The classification and the preferred media type are the generator's own.
import { mediaKind, preferredMedia } from '../generator/index.js';
import { asObject, type JsonObject } from './json.js';

/** What a text body is to the caller, whatever its schema says. */
export const TEXT_SCHEMA: JsonObject = Object.freeze({ type: 'string' });
/** What a binary body (or `format: binary`) is to the caller: a Blob. */
export const BINARY_SCHEMA: JsonObject = Object.freeze({ type: 'string', format: 'binary' });

/**
 * The schema of a content map as the generated code types it: the media type a call uses (JSON first, then
 * form, multipart, text, binary; the first written wins a tie), its schema for JSON, form and multipart, and
 * a plain string or Blob for text and binary, so schema edits inside an XML body are not changes to callers.
 */
export function typedSchema(content: unknown): JsonObject | undefined {
  const map = asObject(content);
  if (!map) {
    return undefined;
  }
  const types = Object.keys(map);
  const chosen = preferredMedia(types);
  if (chosen === undefined) {
    return undefined;
  }
  const schema = asObject(asObject(map[chosen])?.schema);
  const kind = mediaKind(chosen);
  if (kind === 'binary' || (kind === 'text' && schema?.format === 'binary')) {
    return BINARY_SCHEMA;
  }
  if (kind === 'text') {
    return TEXT_SCHEMA;
  }
  return schema;
}
