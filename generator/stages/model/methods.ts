// One MethodModel per operation: its signature (arguments in a valid, pleasant order), the named types it
// needs, how its body is sent and its response read, and its documentation facts.
import { firstLine, indexAccess, localName, pascalCase } from '../../helpers.js';
import { parseAsFor } from '../../media.js';
import { findProperty, schemaName, deref, type OpenApiDocument, type ParameterObject, type SchemaObject } from '../../openapi.js';
import { aliasPrefix, type OperationNames } from './naming.js';
import { enumValues, schemaText } from './schema-text.js';
import { successResponses, type MediaSource, type OperationSource } from './sources.js';
import type { NameRegistry } from './type-names.js';
import type { AliasModel, ArgModel, BodyModel, HttpMethod, MethodModel, ParamModel, ResponseModel } from './types.js';

export interface MethodInput {
  doc: OpenApiDocument;
  source: OperationSource;
  names: OperationNames;
  typeNames: Map<string, string>;
  registry: NameRegistry;
  aliases: AliasModel[];
}

const BINARY_BODY = 'Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>';

export function buildMethod(input: MethodInput): MethodModel {
  const { source, names, typeNames } = input;
  const { op, path, method } = source;
  const prefix = aliasPrefix(names.resource, names.method);
  const opType = indexAccess('paths', path, method);
  const on = `\`${names.method}\` on \`${names.resource}\``;
  const alias = (suffix: string, type: string, description: string): string => {
    const name = input.registry.claim(`${prefix}${suffix}`, `the ${suffix.toLowerCase()} type of ${names.resource}.${names.method}`);
    input.aliases.push({ name, type, description });
    return name;
  };
  const params = source.params.map((p) => param(p, typeNames));
  const byPlace = (place: ParamModel['in']) => params.filter((p) => p.in === place);
  const group = (place: 'query' | 'header' | 'cookie', suffix: string) => {
    const list = byPlace(place);
    if (!list.length) return { type: undefined, required: false, list };
    const what = { query: 'Query parameters', header: 'Header parameters', cookie: 'Cookie parameters' }[place];
    const type = alias(suffix, `NonNullable<${indexAccess(opType, 'parameters', place)}>`, `${what} of ${on}.`);
    return { type, required: list.some((p) => p.required), list };
  };
  const query = group('query', 'Params');
  const header = group('header', 'Headers');
  const cookie = group('cookie', 'Cookies');
  const body = requestBody({ source, typeNames, opType, alias, on });
  const result = returnType({ source, typeNames, opType, alias, on });
  const pathParams = orderedPathParams(path, params);
  const success = successResponses(source)[0];
  const successSchema = success?.preferred?.kind === 'json' ? success.preferred.schema : undefined;
  const knownPhases = method === 'get' && /\}$/.test(path) ? phases(input.doc, successSchema) : undefined;
  const pageItemType = pageItem({ doc: input.doc, schema: successSchema, typeNames, query: query.list, listType: result.type, alias });
  return {
    name: names.method,
    operationId: typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`,
    httpMethod: method.toUpperCase() as HttpMethod,
    path,
    pointer: source.pointer,
    summary: typeof op.summary === 'string' ? op.summary : firstLine(typeof op.description === 'string' ? op.description : undefined) || undefined,
    description: typeof op.description === 'string' ? op.description : undefined,
    deprecated: op.deprecated === true,
    lifecycle: typeof op['x-lifecycle-stage'] === 'string' ? op['x-lifecycle-stage'] : undefined,
    pathParams,
    queryParams: query.list,
    headerParams: header.list,
    cookieParams: cookie.list,
    args: signature({ pathParams, pathTypes: pathArgTypes(source.params), body, query, header, cookie }),
    body,
    bodyType: body?.type,
    bodyRequired: body?.required ?? false,
    queryType: query.type,
    queryRequired: query.required,
    headerType: header.type,
    headerRequired: header.required,
    cookieType: cookie.type,
    cookieRequired: cookie.required,
    returnType: result.type,
    parseAs: result.parseAs,
    successStatus: success?.status ?? '',
    responses: source.responses.map((r): ResponseModel => ({
      status: r.status,
      description: firstLine(r.description),
      headers: r.headers,
      bodyType: r.preferred ? (r.preferred.kind === 'json' ? (refName(r.preferred.schema, typeNames) ?? schemaText(r.preferred.schema, typeNames)) : kindText(r.preferred)) : undefined,
      mediaType: r.preferred?.mediaType,
      kind: r.preferred?.kind,
    })),
    security: (op.security ?? input.doc.security ?? []).map((alt) => Object.keys(alt ?? {}).join(' + ')).filter(Boolean),
    pageItemType,
    iterator: pageItemType ? (names.method === 'list' ? 'listAll' : `${names.method}All`) : undefined,
    waiter: knownPhases ? (names.method === 'get' ? 'waitFor' : `waitFor${pascalCase(names.method)}`) : undefined,
    phases: knownPhases,
    readyPhase: knownPhases?.find((p) => READY.test(p)),
    example: '',
    call: '',
    exampleArgs: { path: [], query: undefined },
  };
}

function param(p: ParameterObject, names: Map<string, string>): ParamModel {
  const s = p.schema ?? {};
  const { values } = enumValues(s.items ?? s);
  return {
    name: p.name,
    in: p.in,
    required: p.required === true,
    type: schemaText(s, names) + (values.length ? ` (${values.join(', ')})` : ''),
    description: typeof p.description === 'string' ? p.description : undefined,
    default: s.default === undefined ? undefined : JSON.stringify(s.default),
    deprecated: p.deprecated === true,
    example: p.example ?? s.example ?? (s.items as SchemaObject | undefined)?.example ?? enumValues(s).values[0] ?? (s.type === 'integer' || s.type === 'number' ? 1 : s.type === 'boolean' ? true : undefined),
  };
}

function orderedPathParams(path: string, params: ParamModel[]): ParamModel[] {
  const order = (path.match(/\{[^}]+\}/g) ?? []).map((m) => m.slice(1, -1));
  return [...new Set(order)].map((n) => params.find((p) => p.in === 'path' && p.name === n)!).filter(Boolean);
}

/** A path argument is a string, or a number when the schema allows numbers (both when it allows both). */
function pathArgTypes(params: ParameterObject[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of params.filter((x) => x.in === 'path')) {
    const raw = p.schema?.type;
    const types = (Array.isArray(raw) ? raw : [raw]).filter((t) => t && t !== 'null');
    const numeric = types.filter((t) => t === 'integer' || t === 'number').length;
    out.set(p.name, numeric === 0 ? 'string' : numeric === types.length ? 'number' : 'string | number');
  }
  return out;
}

interface SignatureInput {
  pathParams: ParamModel[];
  pathTypes: Map<string, string>;
  body: BodyModel | undefined;
  query: { type: string | undefined; required: boolean };
  header: { type: string | undefined; required: boolean };
  cookie: { type: string | undefined; required: boolean };
}

/** Path parameters first, by position; then body, query, headers and cookies, the required ones before the optional. */
function signature({ pathParams, pathTypes, body, query, header, cookie }: SignatureInput): ArgModel[] {
  const taken = new Set(['body', 'query', 'headers', 'cookies', 'options', 'wait', 'o']);
  const args: ArgModel[] = pathParams.map((p) => {
    const name = localName(p.name, taken);
    taken.add(name);
    return { name, kind: 'path', type: pathTypes.get(p.name) ?? 'string', optional: false, wireName: p.name };
  });
  const objects: ArgModel[] = [];
  if (body) objects.push({ name: 'body', kind: 'body', type: body.type, optional: !body.required });
  if (query.type) objects.push({ name: 'query', kind: 'query', type: query.type, optional: !query.required });
  if (header.type) objects.push({ name: 'headers', kind: 'header', type: header.type, optional: !header.required });
  if (cookie.type) objects.push({ name: 'cookies', kind: 'cookie', type: cookie.type, optional: !cookie.required });
  return [...args, ...objects.filter((a) => !a.optional), ...objects.filter((a) => a.optional)];
}

interface TypedInput {
  source: OperationSource;
  typeNames: Map<string, string>;
  opType: string;
  alias: (suffix: string, type: string, description: string) => string;
  /** `\`list\` on \`networks\``, for alias descriptions. */
  on: string;
}

function requestBody({ source, typeNames, opType, alias, on }: TypedInput): BodyModel | undefined {
  const body = source.body;
  if (!body) return undefined;
  const base = `NonNullable<${opType}['requestBody']>`;
  const types = [...new Set(body.content.map((c) => bodyType(c, typeNames) ?? indexAccess(base, 'content', c.mediaType)))];
  const inline = types.some((t) => t.startsWith('NonNullable<'));
  const type = inline ? alias('Body', types.join(' | '), `Request body of ${on}.`) : types.join(' | ');
  const first = body.content[0]!;
  return { required: body.required, type, mediaType: first.mediaType, kind: first.kind, mediaTypes: body.content.map((c) => ({ mediaType: c.mediaType, kind: c.kind })) };
}

/** A named type, or the binary body type; undefined when the body needs an alias over `paths`. */
function bodyType(c: MediaSource, names: Map<string, string>): string | undefined {
  if (c.kind === 'binary' || (c.kind === 'text' && isBinarySchema(c.schema))) return BINARY_BODY;
  if (c.kind === 'text') return 'string';
  return refName(c.schema, names);
}

function returnType({ source, typeNames, opType, alias, on }: TypedInput): { type: string; parseAs: MethodModel['parseAs'] } {
  const ok = successResponses(source);
  const withBody = ok.filter((r) => r.preferred);
  if (!withBody.length) return { type: 'void', parseAs: 'void' };
  const first = withBody[0]!.preferred!;
  const parseAs = isBinarySchema(first.schema) ? 'blob' : parseAsFor(first.mediaType);
  const types: string[] = [];
  let inline = false;
  for (const r of withBody) {
    const m = r.preferred!;
    if (parseAs !== 'json') {
      types.push(parseAs === 'blob' ? 'Blob' : 'string');
      continue;
    }
    const named = m.kind === 'json' ? refName(m.schema, typeNames) : undefined;
    if (named) types.push(named);
    else {
      inline = true;
      types.push(indexAccess(opType, 'responses', r.status, 'content', m.mediaType));
    }
  }
  // A 2xx without a body next to ones with a body resolves to undefined.
  if (ok.length > withBody.length && parseAs === 'json') types.push('undefined');
  const unique = [...new Set(types)];
  const type = inline ? alias('Response', unique.join(' | '), `Response of ${on}.`) : unique.join(' | ');
  return { type, parseAs };
}

function isBinarySchema(s: SchemaObject | undefined): boolean {
  return s?.format === 'binary';
}

function kindText(m: MediaSource): string {
  return m.kind === 'binary' || isBinarySchema(m.schema) ? 'Blob' : m.kind === 'json' ? 'unknown' : 'string';
}

function refName(s: SchemaObject | undefined, names: Map<string, string>): string | undefined {
  const n = s?.$ref ? schemaName(s.$ref) : undefined;
  return n ? names.get(n) : undefined;
}

interface PageItemInput {
  doc: OpenApiDocument;
  schema: SchemaObject | undefined;
  typeNames: Map<string, string>;
  query: ParamModel[];
  listType: string;
  alias: TypedInput['alias'];
}

/** A list response (a `data` array plus a `page_token` query) pages; its items' type names the iterator. */
function pageItem(input: PageItemInput): string | undefined {
  const { doc } = input;
  if (!input.query.some((q) => q.name === 'page_token')) return undefined;
  const data = findProperty(doc, input.schema, 'data');
  const arr = deref(doc, data);
  if (arr?.type !== 'array' || !arr.items) return undefined;
  return refName(arr.items, input.typeNames) ?? input.alias('Item', `${input.listType}['data'][number]`, 'One item of the list.');
}

const READY = /^(READY|PROVISIONED|ACTIVE|AVAILABLE|RUNNING)$/;

/** A GET by id whose resource has `status.phase` can be waited on; the phases feed its docs. */
function phases(doc: OpenApiDocument, s: SchemaObject | undefined): string[] | undefined {
  const phase = findProperty(doc, findProperty(doc, s, 'status'), 'phase');
  if (!phase) return undefined;
  return enumValues(deref(doc, phase)).values;
}
