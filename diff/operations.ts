// Operations of a bundled document, in the shape the rules compare: effective parameters (path-level merged
// with operation-level), the JSON request body, responses by status (with media types and headers), and
// effective security.
import { asArray, asObject, asString, isObject, type JsonObject } from './json.js';
import { typedSchema } from './media.js';
import type { SchemaReader } from './schema.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Parameter {
  /** Match key: path parameters by position (renaming `{id}` is not a change), others by `in` + name. */
  key: string;
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  description: string | undefined;
  /** `style` as written (`deepObject`, `form`, ...). */
  style: string | undefined;
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
  /**
   * The same alternatives as scheme key → required scopes; no requirement at all is one empty alternative
   * (anyone may call). The rule compares scope sets: needing fewer scopes accepts every token it accepted.
   */
  alternatives: Array<Map<string, Set<string>>>;
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
  /** The operation object as written: extensions (lifecycle, sunset) are read from it. */
  raw: JsonObject;
}

export function readOperations(reader: SchemaReader): Map<string, Operation> {
  const doc = reader.doc;
  const result = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(asObject(doc.paths) ?? {})) {
    const item = reader.deref(rawItem);
    for (const method of HTTP_METHODS) {
      const op = asObject(item[method]);
      if (!op) {
        continue;
      }
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
        raw: op,
      });
    }
  }
  return result;
}

/**
 * Media types of a content map, sorted; lower-cased and without spaces, since media types are case-insensitive
 * (`Application/JSON; charset=utf-8` reads as `application/json;charset=utf-8`).
 */
function mediaTypes(content: unknown): string[] {
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
    if (!name || !location) {
      continue;
    }
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
      style: asString(p.style),
      schema: asObject(p.schema) ?? typedSchema(p.content),
    });
  }
  return [...byKey.values()];
}

function readBody(reader: SchemaReader, raw: unknown): Body | undefined {
  if (!isObject(raw)) {
    return undefined;
  }
  const body = reader.deref(raw);
  return { required: body.required === true, schema: typedSchema(body.content), mediaTypes: mediaTypes(body.content) };
}

function readResponses(reader: SchemaReader, raw: unknown): Map<string, Response> {
  const result = new Map<string, Response>();
  for (const [status, value] of Object.entries(asObject(raw) ?? {})) {
    const response = reader.deref(value);
    result.set(status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(), {
      status,
      schema: typedSchema(response.content),
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
    if (name.toLowerCase() !== 'content-type') {
      result.set(name.toLowerCase(), name);
    }
  }
  return result;
}

function readSecurity(reader: SchemaReader, raw: unknown): Security {
  const schemes = asObject(asObject(reader.doc.components)?.securitySchemes) ?? {};
  const keys = new Set<string>();
  const texts: string[] = [];
  const alternatives: Array<Map<string, Set<string>>> = [];
  for (const requirement of asArray(raw)) {
    const entries = Object.entries(asObject(requirement) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const scoped = (name: string, scopes: unknown): string => {
      const list = asArray(scopes)
        .filter((s): s is string => typeof s === 'string')
        .sort();
      return list.length > 0 ? `${name}[${list.join(',')}]` : name;
    };
    const key = entries.map(([name, scopes]) => scoped(schemeKey(reader.deref(schemes[name]), name), scopes)).sort();
    const alternative = new Map<string, Set<string>>();
    for (const [name, scopes] of entries) {
      const list = asArray(scopes).filter((s): s is string => typeof s === 'string');
      alternative.set(schemeKey(reader.deref(schemes[name]), name), new Set(list));
    }
    alternatives.push(alternative);
    keys.add(key.join(' + ') || 'anonymous');
    texts.push(entries.map(([name, scopes]) => scoped(name, scopes)).join(' + ') || 'anonymous');
  }
  if (alternatives.length === 0) {
    alternatives.push(new Map());
  }
  return { keys, alternatives, text: texts.length > 0 ? texts.join(' | ') : 'none' };
}

function schemeKey(scheme: JsonObject, name: string): string {
  const type = asString(scheme.type);
  if (type === 'http') {
    return `http:${(asString(scheme.scheme) ?? '').toLowerCase()}`;
  }
  if (type === 'apiKey') {
    return `apiKey:${asString(scheme.in) ?? ''}:${asString(scheme.name) ?? ''}`;
  }
  if (type === 'openIdConnect') {
    return `openIdConnect:${asString(scheme.openIdConnectUrl) ?? ''}`;
  }
  if (type) {
    return type;
  }
  return `unknown:${name}`;
}
