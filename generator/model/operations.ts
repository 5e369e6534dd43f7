// One MethodModel per operation: its client name, signature types and documentation facts.
import { indexAccess, pascalCase, singular, firstLine } from '../helpers.js';
import { METHODS, deref, findProperty, schemaName, type LowerMethod, type OpenApiDocument, type OperationObject, type ParameterObject, type SchemaObject } from '../openapi.js';
import { isJson } from '../stages/validate.js';
import { operationName } from './naming.js';
import { enumValues, schemaText } from './schema-text.js';
import type { HttpMethod, MethodModel, ParamModel, ResponseModel } from './types.js';

export interface RawMethod extends MethodModel {
  resource: string;
  tag: string | undefined;
  /** Extra exported aliases this method needs (inline bodies, query objects). */
  aliases: { name: string; type: string; description: string }[];
}

export function buildMethods(doc: OpenApiDocument, names: Map<string, string>): RawMethod[] {
  const out: RawMethod[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.push(buildMethod({ doc, names, path, method, op, shared: item.parameters ?? [] }));
    }
  }
  return out;
}

interface MethodInput {
  doc: OpenApiDocument;
  names: Map<string, string>;
  path: string;
  method: LowerMethod;
  op: OperationObject;
  shared: ParameterObject[];
}

function buildMethod({ doc, names, path, method, op, shared }: MethodInput): RawMethod {
  const { resource, method: name } = operationName(op, path, method);
  const prefix = pascalCase(singular(resource)) + pascalCase(name);
  const opType = indexAccess('paths', path, method);
  const params = mergeParams(doc, shared, op.parameters ?? []).map((p) => param(p, names));
  const aliases: RawMethod['aliases'] = [];

  const query = params.filter((p) => p.in === 'query');
  let queryType: string | undefined;
  if (query.length) {
    queryType = `${prefix}Params`;
    aliases.push({ name: queryType, type: `NonNullable<${opType}['parameters']['query']>`, description: `Query parameters of \`${name}\` on \`${resource}\`.` });
  }

  const body = deref(doc, op.requestBody);
  const bodyMedia = Object.entries(body?.content ?? {}).find(([m]) => isJson(m));
  let bodyType: string | undefined;
  if (bodyMedia) {
    bodyType = refName(bodyMedia[1].schema, names);
    if (!bodyType) {
      bodyType = `${prefix}Body`;
      aliases.push({ name: bodyType, type: indexAccess(`NonNullable<${opType}['requestBody']>`, 'content', bodyMedia[0]), description: `Request body of \`${name}\` on \`${resource}\`.` });
    }
  }

  const responses = buildResponses(doc, op, names);
  const success = responses.find((r) => r.status.startsWith('2'));
  let returnType = 'void';
  const successSchema = success && jsonSchema(doc, op, success.status);
  if (success && successSchema) {
    returnType = refName(successSchema, names) ?? `${prefix}Response`;
    if (!refName(successSchema, names)) {
      aliases.push({ name: returnType, type: indexAccess(opType, 'responses', success.status, 'content', jsonMediaOf(doc, op, success.status)!), description: `Response of \`${name}\` on \`${resource}\`.` });
    }
  }

  const knownPhases = method === 'get' && /\}$/.test(path) ? phases(doc, successSchema) : undefined;
  return {
    resource,
    tag: op.tags?.[0],
    name,
    operationId: op.operationId ?? `${method}${pascalCase(path)}`,
    httpMethod: method.toUpperCase() as HttpMethod,
    path,
    summary: op.summary ?? firstLine(op.description),
    description: op.description,
    deprecated: op.deprecated === true,
    lifecycle: typeof op['x-lifecycle-stage'] === 'string' ? op['x-lifecycle-stage'] : undefined,
    pathParams: orderedPathParams(path, params),
    queryParams: query,
    headerParams: params.filter((p) => p.in === 'header'),
    bodyType,
    bodyRequired: body?.required === true,
    returnType,
    successStatus: success?.status ?? '',
    queryType,
    queryRequired: query.some((p) => p.required),
    responses,
    security: (op.security ?? doc.security ?? []).map((alt) => Object.keys(alt).join(' + ')).filter(Boolean),
    pageItemType: pageItem({ doc, schema: successSchema, names, query, listType: returnType, prefix, aliases }),
    phases: knownPhases,
    readyPhase: knownPhases?.find((p) => READY.test(p)),
    example: '',
    aliases,
  };
}

function mergeParams(doc: OpenApiDocument, shared: ParameterObject[], own: ParameterObject[]): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const p of [...shared, ...own]) {
    const r = deref(doc, p);
    if (r) byKey.set(`${r.in}:${r.name}`, r);
  }
  return [...byKey.values()];
}

function param(p: ParameterObject, names: Map<string, string>): ParamModel {
  const s = p.schema ?? {};
  const { values } = enumValues(s.items ?? s);
  return {
    name: p.name,
    in: p.in,
    required: p.required === true,
    type: schemaText(s, names) + (values.length ? ` (${values.join(', ')})` : ''),
    description: p.description,
    default: s.default === undefined ? undefined : JSON.stringify(s.default),
    deprecated: p.deprecated === true,
    example: p.example ?? s.example ?? (s.items as SchemaObject | undefined)?.example,
  };
}

function orderedPathParams(path: string, params: ParamModel[]): ParamModel[] {
  const order = (path.match(/\{[^}]+\}/g) ?? []).map((m) => m.slice(1, -1));
  return order.map((n) => params.find((p) => p.in === 'path' && p.name === n)!).filter(Boolean);
}

function buildResponses(doc: OpenApiDocument, op: OperationObject, names: Map<string, string>): ResponseModel[] {
  return Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const res = deref(doc, r) ?? {};
      const media = Object.entries(res.content ?? {}).find(([m]) => isJson(m));
      return {
        status,
        description: firstLine(res.description),
        headers: Object.keys(res.headers ?? {}),
        bodyType: media ? (refName(media[1].schema, names) ?? schemaText(media[1].schema, names)) : undefined,
      };
    })
    .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

function jsonMediaOf(doc: OpenApiDocument, op: OperationObject, status: string): string | undefined {
  return Object.keys(deref(doc, op.responses?.[status])?.content ?? {}).find(isJson);
}

function jsonSchema(doc: OpenApiDocument, op: OperationObject, status: string): SchemaObject | undefined {
  const media = jsonMediaOf(doc, op, status);
  return media ? deref(doc, op.responses?.[status])?.content?.[media]?.schema : undefined;
}

function refName(s: SchemaObject | undefined, names: Map<string, string>): string | undefined {
  const n = s?.$ref ? schemaName(s.$ref) : undefined;
  return n ? names.get(n) : undefined;
}

/** A list response (a `data` array plus a `page_token` query) pages; its items' type names the iterator. */
interface PageItemInput {
  doc: OpenApiDocument;
  schema: SchemaObject | undefined;
  names: Map<string, string>;
  query: ParamModel[];
  listType: string;
  prefix: string;
  aliases: RawMethod['aliases'];
}

function pageItem(input: PageItemInput): string | undefined {
  const { doc, names } = input;
  if (!input.query.some((q) => q.name === 'page_token')) return undefined;
  const data = findProperty(doc, input.schema, 'data');
  const arr = deref(doc, data);
  if (arr?.type !== 'array' || !arr.items) return undefined;
  const named = refName(arr.items, names);
  if (named) return named;
  input.aliases.push({ name: `${input.prefix}Item`, type: `${input.listType}['data'][number]`, description: 'One item of the list.' });
  return `${input.prefix}Item`;
}

const READY = /^(READY|PROVISIONED|ACTIVE|AVAILABLE|RUNNING)$/;

/** A GET by id whose resource has `status.phase` can be waited on; the phases feed its docs. */
function phases(doc: OpenApiDocument, s: SchemaObject | undefined): string[] | undefined {
  const phase = findProperty(doc, findProperty(doc, s, 'status'), 'phase');
  if (!phase) return undefined;
  return enumValues(deref(doc, phase)).values;
}

