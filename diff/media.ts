// Media types as the generator types them: JSON, form and multipart bodies from their schema, text (`text/*`,
// XML) as `string`, anything else as `Blob`. Mirrors the generator's media classification, which
// generator/index.ts does not export (test/diff/media.test.ts keeps the two in step).
import { asObject, type JsonObject } from './json.js';

export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export function mediaKind(mediaType: string): MediaKind {
  const m = (mediaType.toLowerCase().split(';')[0] ?? '').trim();
  if (m === 'application/json' || /^application\/[^/]*\+json$/.test(m) || m === '*/*' || m === 'application/*') {
    return 'json';
  }
  if (m === 'application/x-www-form-urlencoded') {
    return 'form';
  }
  if (m.startsWith('multipart/')) {
    return 'multipart';
  }
  if (m.startsWith('text/') || m === 'application/xml' || /^application\/[^/]*\+xml$/.test(m)) {
    return 'text';
  }
  return 'binary';
}

const PREFERENCE: readonly MediaKind[] = ['json', 'form', 'multipart', 'text', 'binary'];

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
  const chosen = [...types].sort((a, b) => PREFERENCE.indexOf(mediaKind(a)) - PREFERENCE.indexOf(mediaKind(b)))[0];
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
