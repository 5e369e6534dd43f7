// Operations of a bundled document, in the shape the rules compare: effective parameters (path-level merged
// with operation-level), the JSON request body, responses by status (with media types and headers), and
// effective security.
import { asArray, asObject, asString, isObject, type JsonObject } from './json.js';
import type { SchemaReader } from './schema.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Parameter {
  /** Match key: path parameters by position (renaming `{id}` is not a change), others by `in` + name. */
  key: string;
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  description: string | undefined;
  schema: JsonObject | undefined;
}

export interface Body {
  required: boolean;
  schema: JsonObject | undefined;
  /** Media types of `content`, normalized (see `mediaTypes`). */
  mediaTypes: string[];
}

export interface Response {
  status: string;
  schema: JsonObject | undefined;
  /** Media types of `content`, normalized (see `mediaTypes`). */
  mediaTypes: string[];
  /** Documented headers: lower-cased name → name as written (HTTP header names are case-insensitive). */
  headers: Map<string, string>;
}

export interface Security {
  /** Alternatives by scheme content (type, scheme, location), so a renamed scheme matches. */
  keys: Set<string>;
  /** The same alternatives written with scheme names, for messages. */
  text: string;
}

export interface Operation {
  /** `GET /cmk/v2/clusters/{}`: the path with parameter names blanked. */
  key: string;
  /** `GET /cmk/v2/clusters/{id}`. */
  label: string;
  method: string;
  path: string;
  operationId: string | undefined;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  tags: string[];
  sdkResource: string | undefined;
  sdkMethod: string | undefined;
  parameters: Parameter[];
  body: Body | undefined;
  responses: Map<string, Response>;
  security: Security;
}

export function readOperations(reader: SchemaReader): Map<string, Operation> {
  const doc = reader.doc;
  const result = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(asObject(doc.paths) ?? {})) {
    const item = reader.deref(rawItem);
    for (const method of HTTP_METHODS) {
      const op = asObject(item[method]);
      if (!op) continue;
      const upper = method.toUpperCase();
      const key = `${upper} ${path.replace(/\{[^}]*\}/g, '{}')}`;
      result.set(key, {
        key,
        label: `${upper} ${path}`,
        method: upper,
        path,
        operationId: asString(op.operationId),
        summary: asString(op.summary),
        description: asString(op.description),
        deprecated: op.deprecated === true,
        tags: asArray(op.tags).filter((t): t is string => typeof t === 'string'),
        sdkResource: asString(op['x-sdk-resource']),
        sdkMethod: asString(op['x-sdk-method']),
        parameters: readParameters({ reader, path, shared: asArray(item.parameters), own: asArray(op.parameters) }),
        body: readBody(reader, op.requestBody),
        responses: readResponses(reader, op.responses),
        security: readSecurity(reader, Array.isArray(op.security) ? op.security : doc.security),
      });
    }
  }
  return result;
}

/** The schema of the JSON media type (or the first one) of a content map. */
export function contentSchema(content: unknown): JsonObject | undefined {
  const map = asObject(content);
  if (!map) return undefined;
  const types = Object.keys(map);
  const chosen =
    types.find((t) => t === 'application/json') ?? types.find((t) => /[/+]json\b/.test(t)) ?? types[0];
  return chosen ? asObject(asObject(map[chosen])?.schema) : undefined;
}

/**
 * Media types of a content map, sorted; lower-cased and without spaces, since media types are case-insensitive
 * (`Application/JSON; charset=utf-8` reads as `application/json;charset=utf-8`).
 */
export function mediaTypes(content: unknown): string[] {
  const keys = Object.keys(asObject(content) ?? {}).map((t) => t.toLowerCase().replace(/\s+/g, ''));
  return [...new Set(keys)].sort();
}

function readParameters(input: { reader: SchemaReader; path: string; shared: unknown[]; own: unknown[] }): Parameter[] {
  const { reader, path } = input;
  const placeholders = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const byKey = new Map<string, Parameter>();
  // Operation-level parameters override path-level ones with the same name and location.
  for (const raw of [...input.shared, ...input.own]) {
    const p = reader.deref(raw);
    const name = asString(p.name);
    const location = asString(p.in);
    if (!name || !location) continue;
    const index = location === 'path' ? placeholders.indexOf(name) : -1;
    const key =
      location === 'path' && index >= 0
        ? `path#${index}`
        : `${location} ${location === 'header' ? name.toLowerCase() : name}`;
    byKey.set(key, {
      key,
      name,
      in: location,
      required: p.required === true || location === 'path',
      deprecated: p.deprecated === true,
      description: asString(p.description),
      schema: asObject(p.schema) ?? contentSchema(p.content),
    });
  }
  return [...byKey.values()];
}

function readBody(reader: SchemaReader, raw: unknown): Body | undefined {
  if (!isObject(raw)) return undefined;
  const body = reader.deref(raw);
  return { required: body.required === true, schema: contentSchema(body.content), mediaTypes: mediaTypes(body.content) };
}

function readResponses(reader: SchemaReader, raw: unknown): Map<string, Response> {
  const result = new Map<string, Response>();
  for (const [status, value] of Object.entries(asObject(raw) ?? {})) {
    const response = reader.deref(value);
    result.set(status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(), {
      status,
      schema: contentSchema(response.content),
      mediaTypes: mediaTypes(response.content),
      headers: readHeaders(response.headers),
    });
  }
  return result;
}

function readHeaders(raw: unknown): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of Object.keys(asObject(raw) ?? {})) {
    // OpenAPI says a documented Content-Type response header is ignored: the content map owns it.
    if (name.toLowerCase() !== 'content-type') result.set(name.toLowerCase(), name);
  }
  return result;
}

function readSecurity(reader: SchemaReader, raw: unknown): Security {
  const schemes = asObject(asObject(reader.doc.components)?.securitySchemes) ?? {};
  const keys = new Set<string>();
  const texts: string[] = [];
  for (const requirement of asArray(raw)) {
    const entries = Object.entries(asObject(requirement) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const scoped = (name: string, scopes: unknown): string => {
      const list = asArray(scopes).filter((s): s is string => typeof s === 'string').sort();
      return list.length > 0 ? `${name}[${list.join(',')}]` : name;
    };
    const key = entries.map(([name, scopes]) => scoped(schemeKey(reader.deref(schemes[name]), name), scopes)).sort();
    keys.add(key.join(' + ') || 'anonymous');
    texts.push(entries.map(([name, scopes]) => scoped(name, scopes)).join(' + ') || 'anonymous');
  }
  return { keys, text: texts.length > 0 ? texts.join(' | ') : 'none' };
}

function schemeKey(scheme: JsonObject, name: string): string {
  const type = asString(scheme.type);
  if (type === 'http') return `http:${(asString(scheme.scheme) ?? '').toLowerCase()}`;
  if (type === 'apiKey') return `apiKey:${asString(scheme.in) ?? ''}:${asString(scheme.name) ?? ''}`;
  if (type === 'openIdConnect') return `openIdConnect:${asString(scheme.openIdConnectUrl) ?? ''}`;
  if (type) return type;
  return `unknown:${name}`;
}
