// One MethodModel per operation: its signature (arguments in a valid, pleasant order), the named types it
// needs, how its body is sent and its response read, the helpers beside it, and its documentation facts.
import { firstLine, indexAccess, pascalCase } from '../../helpers.js';
import { parseAsFor } from '../../media.js';
import { schemaName, type OpenApiDocument, type ParameterObject, type SchemaObject } from '../../openapi.js';
import { lifecycleOf } from './lifecycle.js';
import { aliasPrefix, type OperationNames } from './naming.js';
import { iteratorName, pagingOf } from './paging.js';
import { sampleValue } from './sample.js';
import { enumValues, schemaText } from './schema-text.js';
import { signature, withArgs } from './signature.js';
import { successResponses, type MediaSource, type OperationSource } from './sources.js';
import type { NameRegistry } from './type-names.js';
import type {
  AliasModel,
  ArgModel,
  BodyModel,
  HttpMethod,
  MethodModel,
  ParamGroupModel,
  ParamModel,
  ResponseModel,
  SuccessModel,
  WaiterModel,
} from './types.js';

export interface MethodInput {
  doc: OpenApiDocument;
  source: OperationSource;
  names: OperationNames;
  typeNames: Map<string, string>;
  registry: NameRegistry;
  aliases: AliasModel[];
  /** An id of this resource from the spec's examples: the last path parameter's example when it has none. */
  resourceId: string | undefined;
}

const BINARY_BODY = 'Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>';

/** Names a method's types: every exported name it uses is recorded, so render imports exactly those. */
class TypeUse {
  readonly names = new Set<string>();
  private readonly exported: Set<string>;
  constructor(private readonly input: MethodInput) {
    this.exported = new Set(input.typeNames.values());
  }

  /** The exported name of a component schema `$ref`, if it has one (not yet recorded as used). */
  ref(s: SchemaObject | undefined): string | undefined {
    const n = s?.$ref ? schemaName(s.$ref) : undefined;
    return n ? this.input.typeNames.get(n) : undefined;
  }

  /** Records the model types a type text the signatures print is a union of. */
  use(type: string | undefined): void {
    for (const part of type?.split(' | ') ?? []) {
      if (this.exported.has(part)) {
        this.names.add(part);
      }
    }
  }

  /** A new exported alias over `paths`, named after the method. */
  alias(suffix: string, type: string, description: string): string {
    const { names } = this.input;
    const what = `the ${suffix.toLowerCase()} type of ${names.resource}.${names.method}`;
    const name = this.input.registry.claim(`${aliasPrefix(names.resource, names.method)}${suffix}`, what);
    this.input.aliases.push({ name, type, description });
    this.names.add(name);
    return name;
  }
}

export function buildMethod(input: MethodInput): MethodModel {
  const { source, names, typeNames, doc } = input;
  const { op, path, method } = source;
  const opType = indexAccess('paths', path, method);
  const on = `\`${names.method}\` on \`${names.resource}\``;
  const types = new TypeUse(input);
  const params = source.params.map((p) => param(p, typeNames));
  const pathParams = orderedPathParams(path, params);
  const last = pathParams.at(-1);
  if (last && last.example === undefined && input.resourceId) {
    last.example = input.resourceId;
  }
  const group = (place: 'query' | 'header' | 'cookie', suffix: string): ParamGroupModel | undefined => {
    const list = params.filter((p) => p.in === place);
    if (!list.length) {
      return undefined;
    }
    const what = { query: 'Query parameters', header: 'Header parameters', cookie: 'Cookie parameters' }[place];
    const type = types.alias(suffix, `NonNullable<${indexAccess(opType, 'parameters', place)}>`, `${what} of ${on}.`);
    return { type, required: list.some((p) => p.required), params: list };
  };
  const query = group('query', 'Params');
  const header = group('header', 'Headers');
  const cookie = group('cookie', 'Cookies');
  const body = requestBody({ doc, source, opType, types, on });
  const response = success({ doc, source, opType, types, on });
  const objects: ArgModel[] = [];
  if (body) {
    objects.push({ name: 'body', kind: 'body', type: body.type, optional: !body.required });
  }
  if (query) {
    objects.push({ name: 'query', kind: 'query', type: query.type, optional: !query.required });
  }
  if (header) {
    objects.push({ name: 'headers', kind: 'header', type: header.type, optional: !header.required });
  }
  if (cookie) {
    objects.push({ name: 'cookies', kind: 'cookie', type: cookie.type, optional: !cookie.required });
  }
  const args = signature({ pathParams, pathTypes: pathArgTypes(source.params), objects });

  const paged = pagingOf({ doc, schema: response.schema, query: query?.params ?? [] });
  const itemType = paged
    ? (types.ref(paged.items) ??
      types.alias('Item', `${response.type}['${paged.facts.itemsField}'][number]`, 'One item of the list.'))
    : undefined;
  types.use(itemType);
  const lifecycle =
    method === 'get' && /\}$/.test(path) ? lifecycleOf({ doc, op, path, schema: response.schema }) : undefined;
  const waitArg = (type: string): ArgModel => ({ name: 'wait', kind: 'wait', type, optional: true });
  const waiter: WaiterModel | undefined = lifecycle && {
    name: names.method === 'get' ? 'waitFor' : `waitFor${pascalCase(names.method)}`,
    deletedName: names.method === 'get' ? 'waitUntilDeleted' : `waitUntilDeleted${pascalCase(names.method)}`,
    args: withArgs(args, [waitArg(`WaitOptions<${response.type}>`)]),
    deletedArgs: withArgs(args, [waitArg(`Omit<WaitOptions<${response.type}>, 'until'>`)]),
    lifecycle,
    phases: [...new Set([...lifecycle.working, ...lifecycle.settled, ...lifecycle.failed, ...lifecycle.deleting])],
  };
  return {
    name: names.method,
    operationId: typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`,
    httpMethod: method.toUpperCase() as HttpMethod,
    path,
    summary:
      typeof op.summary === 'string'
        ? op.summary
        : firstLine(typeof op.description === 'string' ? op.description : undefined) || undefined,
    description: typeof op.description === 'string' ? op.description : undefined,
    deprecated: op.deprecated === true,
    lifecycle: typeof op['x-lifecycle-stage'] === 'string' ? op['x-lifecycle-stage'] : undefined,
    params: { path: pathParams, query, header, cookie },
    args,
    body,
    response,
    responses: source.responses.map(
      (r): ResponseModel => ({
        status: r.status,
        description: firstLine(r.description),
        headers: r.headers,
        bodyType: r.preferred
          ? r.preferred.kind === 'json'
            ? (refName(r.preferred.schema, typeNames) ?? schemaText(r.preferred.schema, typeNames))
            : kindText(r.preferred)
          : undefined,
        mediaType: r.preferred?.mediaType,
        kind: r.preferred?.kind,
      }),
    ),
    security: source.security,
    paging: paged && itemType ? { ...paged.facts, iterator: iteratorName(names.method), args, itemType } : undefined,
    waiter,
    referencedTypes: [...types.names].sort(),
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
    schema: s,
    description: typeof p.description === 'string' ? p.description : undefined,
    default: s.default === undefined ? undefined : JSON.stringify(s.default),
    deprecated: p.deprecated === true,
    example:
      p.example ??
      s.example ??
      (s.items as SchemaObject | undefined)?.example ??
      enumValues(s).values[0] ??
      (s.type === 'integer' || s.type === 'number' ? 1 : s.type === 'boolean' ? true : undefined),
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

interface TypedInput {
  doc: OpenApiDocument;
  source: OperationSource;
  opType: string;
  types: TypeUse;
  /** `\`list\` on \`networks\``, for alias descriptions. */
  on: string;
}

function requestBody({ doc, source, opType, types, on }: TypedInput): BodyModel | undefined {
  const body = source.body;
  if (!body) {
    return undefined;
  }
  const base = `NonNullable<${opType}['requestBody']>`;
  const named = body.content.map((c) => bodyType(c, types) ?? indexAccess(base, 'content', c.mediaType));
  const unique = [...new Set(named)];
  const inline = unique.some((t) => t.startsWith('NonNullable<'));
  const type = inline ? types.alias('Body', unique.join(' | '), `Request body of ${on}.`) : unique.join(' | ');
  types.use(type);
  const first = body.content[0]!;
  return {
    required: body.required,
    type,
    mediaType: first.mediaType,
    kind: first.kind,
    media: body.content.map((c) => ({ mediaType: c.mediaType, kind: c.kind, schema: c.schema })),
    example: first.kind === 'binary' || first.kind === 'text' ? undefined : sampleValue(doc, first.schema),
  };
}

/** A named type, or the binary body type; undefined when the body needs an alias over `paths`. */
function bodyType(c: MediaSource, types: TypeUse): string | undefined {
  if (c.kind === 'binary' || (c.kind === 'text' && isBinarySchema(c.schema))) {
    return BINARY_BODY;
  }
  if (c.kind === 'text') {
    return 'string';
  }
  return types.ref(c.schema);
}

function success({ source, opType, types, on }: TypedInput): SuccessModel {
  const ok = successResponses(source);
  const first = ok[0];
  const schema = first?.preferred?.kind === 'json' ? first.preferred.schema : undefined;
  const base = { status: first?.status ?? '', schema };
  const withBody = ok.filter((r) => r.preferred);
  if (!withBody.length) {
    return { ...base, type: 'void', parseAs: 'void' };
  }
  const media = withBody[0]!.preferred!;
  const parseAs = isBinarySchema(media.schema) ? 'blob' : parseAsFor(media.mediaType);
  const names: string[] = [];
  let inline = false;
  for (const r of withBody) {
    const m = r.preferred!;
    if (parseAs !== 'json') {
      names.push(parseAs === 'blob' ? 'Blob' : 'string');
      continue;
    }
    const named = m.kind === 'json' ? types.ref(m.schema) : undefined;
    if (named) {
      names.push(named);
    } else {
      inline = true;
      names.push(indexAccess(opType, 'responses', r.status, 'content', m.mediaType));
    }
  }
  // A 2xx without a body next to ones with a body resolves to undefined.
  if (ok.length > withBody.length && parseAs === 'json') {
    names.push('undefined');
  }
  const unique = [...new Set(names)];
  const type = inline ? types.alias('Response', unique.join(' | '), `Response of ${on}.`) : unique.join(' | ');
  types.use(type);
  return { ...base, type, parseAs };
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
