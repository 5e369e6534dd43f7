// What the local stand-in (stand-in/, shipped as src/testing/) needs to serve a spec: its collections, ids, phases,
// list filters and paging. Every operation fact comes from the method models; the document is read only to look
// inside component schemas. Pure: never throws for an odd spec; what it cannot model goes to `unmodelled`.
import { deref, findProperty, type Json, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import type { MethodModel, SdkModel } from './types.js';
import type { StandInCollection, StandInModel, StandInPhases } from '../../../stand-in/types.js';

export type { StandInCollection, StandInModel, StandInPhases };

export function standInModel(model: Pick<SdkModel, 'resources' | 'security'>, doc: OpenApiDocument): StandInModel {
  const collections: StandInCollection[] = [];
  const served = new Set<MethodModel>();
  for (const resource of model.resources) {
    const byPath = new Map<string, MethodModel[]>();
    for (const m of resource.methods) {
      byPath.set(m.path, [...(byPath.get(m.path) ?? []), m]);
    }
    for (const [itemPath, itemMethods] of byPath) {
      const match = /^(.*)\/\{([^}]+)\}$/.exec(itemPath);
      const get = itemMethods.find((m) => m.httpMethod === 'GET');
      if (!match || !get) {
        continue;
      }
      const [, path, idParam] = match as unknown as [string, string, string];
      const outer = byPath.get(path) ?? [];
      const create = outer.find((m) => m.httpMethod === 'POST');
      const list = outer.find((m) => m.httpMethod === 'GET');
      if (!create && !list) {
        continue;
      }
      const update = itemMethods.find((m) => m.httpMethod === 'PATCH' || m.httpMethod === 'PUT');
      const del = itemMethods.find((m) => m.httpMethod === 'DELETE');
      for (const m of [get, create, list, update, del]) {
        if (m) {
          served.add(m);
        }
      }
      collections.push(
        collection({ doc, name: resource.property, path, itemPath, idParam, ops: { get, create, list, update, del } }),
      );
    }
  }
  const unmodelled = model.resources
    .flatMap((r) => r.methods)
    .filter((m) => !served.has(m))
    .map((m) => `${m.httpMethod} ${m.path} (${whyNot(m)})`);
  return { collections, unmodelled, challenges: challenges(model.security) };
}

function whyNot(m: MethodModel): string {
  const item = /^(.*)\/\{[^}]+\}$/.exec(m.path);
  return item
    ? `no collection: no GET or POST on ${item[1] || '/'}`
    : `no collection: no GET ${m.path}/{id} to read an item back`;
}

interface CollectionInput {
  doc: OpenApiDocument;
  name: string;
  path: string;
  itemPath: string;
  idParam: string;
  ops: Record<'get' | 'create' | 'list' | 'update' | 'del', MethodModel | undefined>;
}

function collection({ doc, name, path, itemPath, idParam, ops }: CollectionInput): StandInCollection {
  const item = ops.get!.response.schema;
  const listSchema = ops.list?.response.schema;
  const example = deref(doc, item)?.example ?? undefined;
  const exampleId = ops.get!.params.path.find((p) => p.name === idParam)?.example ?? field(example, ['id']);
  const environmentParam = (m: MethodModel | undefined) =>
    m?.params.query?.params.find((p) => p.name === 'environment');
  const env = environmentParam(ops.list) ?? environmentParam(ops.get);
  const envBody = environmentPath(doc, jsonBody(ops.create));
  const query = ops.list?.params.query?.params ?? [];
  const paging = ops.list?.paging;
  return {
    name,
    path,
    itemPath,
    idParam,
    idPrefix:
      typeof exampleId === 'string' && /^[a-z]+-/.test(exampleId)
        ? /^[a-z]+-/.exec(exampleId)![0]
        : `${initials(path)}-`,
    crnKey: crnKey(field(example, ['metadata', 'resource_name'])) ?? singularSegment(path),
    apiVersion: constant(doc, findProperty(doc, item, 'api_version')),
    kind: constant(doc, findProperty(doc, item, 'kind')),
    listKind: listSchema ? constant(doc, findProperty(doc, listSchema, 'kind')) : undefined,
    itemSchema: item as { [key: string]: unknown } | undefined,
    serverOwned: topLevelReadOnly(doc, item),
    eventFields: eventFields(doc, item),
    updatable: ops.update
      ? writableLeaves(doc, jsonBody(ops.update), []).filter((p) => !envBody || !startsWith(p, envBody.slice(0, -1)))
      : [],
    statuses: statuses(ops),
    phases: phases(ops.get!),
    ...goneAnswer(ops.get!),
    environment: env || envBody ? { query: env?.name, bodyPath: envBody } : undefined,
    filters: query.filter((p) => p.name.includes('.')).map((p) => ({ param: p.name, path: p.name.split('.') })),
    page: paging?.size
      ? {
          sizeParam: paging.size.param,
          tokenParam: paging.tokenParam,
          defaultSize: paging.size.default ?? 10,
          maxSize: paging.size.maximum,
        }
      : undefined,
  };
}

function statuses(ops: CollectionInput['ops']): StandInCollection['statuses'] {
  const of = (m: MethodModel | undefined) =>
    m && /^2\d\d$/.test(m.response.status) ? Number(m.response.status) : undefined;
  const out: StandInCollection['statuses'] = {};
  for (const [key, m] of [
    ['create', ops.create],
    ['update', ops.update],
    ['remove', ops.del],
  ] as const) {
    const status = of(m);
    if (status !== undefined) {
      out[key] = status;
    }
  }
  return out;
}

/** The stand-in walks a resource through its working phases to its settled ones, from the lifecycle model. */
function phases(get: MethodModel): StandInPhases | undefined {
  const lifecycle = get.waiter?.lifecycle;
  if (!lifecycle) {
    return undefined;
  }
  return {
    provisioning: [...lifecycle.working, ...lifecycle.settled],
    failed: lifecycle.failed[0],
    ...(lifecycle.errorMessage ? { errorMessage: lifecycle.errorMessage } : {}),
    deprovisioning: lifecycle.deleting[0],
    ...(lifecycle.settled.length > 1 ? { awaiting: lifecycle.settled[0] } : {}),
  };
}

function goneAnswer(get: MethodModel): { goneAnswer?: { status: number; code: string } } {
  const g = get.waiter?.lifecycle.gone.find((x) => x.status !== 404 && x.code);
  return g ? { goneAnswer: { status: g.status, code: g.code! } } : {};
}

function challenges(security: SdkModel['security']): string[] {
  const out = new Set<string>();
  for (const s of security) {
    if (s.kind === 'basic') {
      out.add('Basic realm="api"');
    } else if (s.kind === 'bearer' || s.kind === 'oauth2') {
      out.add('Bearer realm="api"');
    }
  }
  return out.size ? [...out] : ['Basic realm="api"'];
}

/** The JSON schema of a method's request body, if it takes JSON. */
function jsonBody(m: MethodModel | undefined): SchemaObject | undefined {
  return m?.body?.media.find((x) => x.kind === 'json')?.schema;
}

/** Where a create body names its environment: `environment` at the top or under `spec`, as an id or a reference. */
function environmentPath(doc: OpenApiDocument, body: SchemaObject | undefined): string[] | undefined {
  for (const prefix of [[], ['spec']]) {
    const parent = prefix.reduce<SchemaObject | undefined>((s, k) => findProperty(doc, s, k), body);
    const env = findProperty(doc, parent, 'environment');
    if (!env) {
      continue;
    }
    return findProperty(doc, env, 'id') ? [...prefix, 'environment', 'id'] : [...prefix, 'environment'];
  }
  return undefined;
}

/** Property names of an object schema, its allOf members' included. */
function propertyNames(doc: OpenApiDocument, schema: SchemaObject | undefined): Set<string> {
  const names = new Set<string>();
  const collect = (n: SchemaObject | undefined, depth: number): void => {
    const d = deref(doc, n);
    if (!d || depth > 8) {
      return;
    }
    for (const k of Object.keys(d.properties ?? {})) {
      names.add(k);
    }
    for (const m of d.allOf ?? []) {
      collect(m, depth + 1);
    }
  };
  collect(schema, 0);
  return names;
}

function writableLeaves(doc: OpenApiDocument, schema: SchemaObject | undefined, at: string[]): string[][] {
  const s = deref(doc, schema);
  const out: string[][] = [];
  for (const k of propertyNames(doc, s)) {
    const prop = deref(doc, findProperty(doc, s, k));
    if (!prop || prop.readOnly) {
      continue;
    }
    const nested = at.length < 3 && isPlainObject(doc, prop) ? writableLeaves(doc, prop, [...at, k]) : [];
    out.push(...(nested.length ? nested : [[...at, k]]));
  }
  return out;
}

/** A failure's `error_*` and a deletion's `deleted_*` fields: set by an event, not by creating the resource. */
const FAILURE_FIELD = /^error(_|$)/;
const DELETION_FIELD = /^deleted(_|$)/;

function eventFields(doc: OpenApiDocument, item: SchemaObject | undefined): StandInCollection['eventFields'] {
  const out: StandInCollection['eventFields'] = { failure: [], deletion: [] };
  const visit = (schema: SchemaObject | undefined, at: string[]): void => {
    const s = deref(doc, schema);
    if (!s || at.length > 3) {
      return;
    }
    for (const k of propertyNames(doc, s)) {
      const prop = deref(doc, findProperty(doc, s, k));
      if (FAILURE_FIELD.test(k)) {
        out.failure.push([...at, k]);
      } else if (DELETION_FIELD.test(k)) {
        out.deletion.push([...at, k]);
      } else if (prop && isPlainObject(doc, prop)) {
        visit(prop, [...at, k]);
      }
    }
  };
  visit(item, []);
  return out;
}

function isPlainObject(doc: OpenApiDocument, s: SchemaObject): boolean {
  if (s.oneOf || s.anyOf || s.additionalProperties) {
    return false;
  }
  return !!(s.properties || s.allOf?.some((m) => deref(doc, m)?.properties));
}

function topLevelReadOnly(doc: OpenApiDocument, item: SchemaObject | undefined): string[] {
  return ['id', 'api_version', 'kind', 'metadata', 'status'].filter((k) => {
    const prop = findProperty(doc, item, k);
    return prop && (prop.readOnly || deref(doc, prop)?.readOnly);
  });
}

function constant(doc: OpenApiDocument, s: SchemaObject | undefined): string | undefined {
  const d = deref(doc, s);
  const values = d?.enum ?? (d?.const !== undefined ? [d.const as Json] : undefined);
  return values?.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
}

function field(value: Json | undefined, path: string[]): Json | undefined {
  let cur: Json | undefined = value;
  for (const k of path) {
    cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? cur[k] : undefined;
  }
  return cur;
}

function crnKey(crn: Json | undefined): string | undefined {
  if (typeof crn !== 'string') {
    return undefined;
  }
  return /\/([\w-]+)=[^/]*$/.exec(crn)?.[1];
}

function singularSegment(path: string): string {
  const last = path.split('/').filter(Boolean).at(-1) ?? 'resource';
  return last.replace(/ies$/, 'y').replace(/s$/, '').replace(/-/g, '_') || 'resource';
}

function initials(path: string): string {
  return singularSegment(path)
    .split('_')
    .map((w) => w[0])
    .join('');
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length > 0 && prefix.every((k, i) => path[i] === k);
}
