// What the stand-in does with a valid request to a collection or one of its items: create, read, update, delete,
// list. Each handler gets the stand-in's state and the call, and returns the reply; none touches HTTP.
import type { Operation } from 'openapi-backend';
import { complete, type Doc } from './fill.js';
import { get, set, type Json, type JsonObject } from './json.js';
import type { ServiceBehaviour } from './options.js';
import { pageOf } from './paging.js';
import { notFound, notModelled, type Reply } from './problems.js';
import { randomId, type Random } from './random.js';
import type { Entry, Resource, Store } from './store.js';
import type { StandInCollection } from './types.js';

/** The stand-in's state, shared by every call. */
export interface State {
  store: Store;
  service: Required<ServiceBehaviour>;
  random: Random;
  doc: Doc;
  /** The server's own URL, for `metadata.self`, `Location` and page links; set once it listens. */
  url: string;
}

/** One validated request, matched to its collection. */
export interface Call {
  collection: StandInCollection;
  operation: Operation;
  target: URL;
  body: Json | undefined;
  /** The item's id, from the path; undefined on the collection. */
  id: string | undefined;
}

export function dispatch(state: State, call: Call): Reply {
  const { collection, operation } = call;
  const on = operation.path === collection.path ? 'collection' : 'item';
  switch (`${operation.method.toUpperCase()} ${on}`) {
    case 'POST collection':
      return create(state, call);
    case 'GET collection':
      return list(state, call);
    case 'GET item':
      return read(state, call);
    case 'PATCH item':
    case 'PUT item':
      return update(state, call);
    case 'DELETE item':
      return remove(state, call);
    default:
      return notModelled(operation.method, operation.path);
  }
}

function create(state: State, { collection, target, body }: Call): Reply {
  const input = structuredClone((body ?? {}) as Resource);
  for (const k of collection.serverOwned) {
    delete input[k];
  }
  const environment = envOf(collection, target, input);
  const id = randomId(state.random, collection.idPrefix);
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const self = `${state.url}${itemUrl(collection, id)}`;
  const resource: Resource = { ...input };
  if (collection.serverOwned.includes('id')) {
    resource.id = id;
  }
  if (collection.serverOwned.includes('metadata')) {
    const scope = environment ? `/environment=${environment}` : '';
    const crn = `crn://confluent.cloud/organization=1111aaaa-11aa-11aa-11aa-111111aaaaaa${scope}/${collection.crnKey}=${id}`;
    resource.metadata = { self, resource_name: crn, created_at: iso, updated_at: iso };
  }
  const entry = state.store.add({ collection, id, environment, resource, createdAt: now });
  return { status: collection.statuses.create ?? 201, body: view(state, entry), headers: { Location: self } };
}

function read(state: State, { collection, target, id }: Call): Reply {
  const environment = queryEnv(collection, target);
  const entry = state.store.find(collection, id ?? '', environment);
  if (!entry) {
    return notFound({ collection, id, environment, forbidden: state.service.forbiddenWhenGone });
  }
  entry.polls += 1;
  return { status: 200, body: view(state, entry) };
}

function update(state: State, { collection, target, body, id }: Call): Reply {
  const environment = envOf(collection, target, (body ?? {}) as Resource);
  const entry = state.store.find(collection, id ?? '', environment);
  if (!entry) {
    return notFound({ collection, id, environment, forbidden: state.service.forbiddenWhenGone });
  }
  for (const path of collection.updatable) {
    const value = get(body, path);
    if (value !== undefined) {
      set(entry.resource, path, structuredClone(value));
    }
  }
  const metadata = entry.resource.metadata;
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) {
    metadata.updated_at = new Date().toISOString();
  }
  return { status: collection.statuses.update ?? 200, body: view(state, entry) };
}

function remove(state: State, { collection, target, id }: Call): Reply {
  const environment = queryEnv(collection, target);
  const entry = state.store.find(collection, id ?? '', environment);
  if (!entry) {
    return notFound({ collection, id, environment, forbidden: state.service.forbiddenWhenGone });
  }
  state.store.markDeleted(entry);
  return { status: collection.statuses.remove ?? 204 };
}

function list(state: State, { collection, target }: Call): Reply {
  const q = target.searchParams;
  const entries = state.store.list(collection, queryEnv(collection, target)).filter((entry) => {
    const item = view(state, entry);
    return collection.filters.every((f) => {
      const wanted = q.getAll(f.param);
      return wanted.length === 0 || matches(get(item, f.path), wanted);
    });
  });
  if (!collection.page) {
    return {
      status: 200,
      body: listBody(
        collection,
        entries.map((e) => view(state, e)),
        {},
      ),
    };
  }
  const page = pageOf({
    entries,
    page: collection.page,
    target,
    baseUrl: state.url,
    emptyNext: state.service.emptyNext,
  });
  if ('refused' in page) {
    return page.refused;
  }
  return {
    status: 200,
    body: listBody(
      collection,
      page.entries.map((e) => view(state, e)),
      page.metadata,
    ),
  };
}

/** A stored resource as the service answers it: constants, the current phase, and every field the service fills. */
export function view(state: State, entry: Entry): Resource {
  const c = entry.collection;
  const out = structuredClone(entry.resource);
  if (c.apiVersion) {
    out.api_version = c.apiVersion;
  }
  if (c.kind) {
    out.kind = c.kind;
  }
  const phase = state.store.phase(entry);
  if (phase !== undefined) {
    out.status = { ...((out.status as Resource | undefined) ?? {}), phase };
  }
  const failed = phase !== undefined && phase === c.phases?.failed;
  if (failed && c.phases?.errorMessage) {
    set(
      out,
      c.phases.errorMessage,
      `The ${c.kind ?? c.name} failed to provision (the stand-in's phases.fail chose it).`,
    );
  }
  if (entry.deletedAt !== undefined) {
    for (const path of c.eventFields.deletion) {
      set(out, path, new Date(entry.deletedAt).toISOString());
    }
  }
  if (!c.itemSchema) {
    return out;
  }
  const skip = [
    ...(failed ? [] : c.eventFields.failure),
    ...(entry.deletedAt === undefined ? c.eventFields.deletion : []),
  ];
  const options = { readOnly: state.service.fillsReadOnly, serviceEmpty: state.service.emptyValues, skip };
  return complete(out, c.itemSchema, state.doc, options) as Resource;
}

function listBody(c: StandInCollection, data: Resource[], metadata: JsonObject): Json {
  const out: JsonObject = {};
  if (c.apiVersion) {
    out.api_version = c.apiVersion;
  }
  if (c.listKind) {
    out.kind = c.listKind;
  }
  return { ...out, metadata, data };
}

function queryEnv(c: StandInCollection, target: URL): string | undefined {
  return c.environment?.query ? (target.searchParams.get(c.environment.query) ?? undefined) : undefined;
}

function envOf(c: StandInCollection, target: URL, body: Resource): string | undefined {
  const fromBody = c.environment?.bodyPath ? get(body, c.environment.bodyPath) : undefined;
  return typeof fromBody === 'string' ? fromBody : queryEnv(c, target);
}

function itemUrl(c: StandInCollection, id: string): string {
  return c.itemPath.replace(`{${c.idParam}}`, encodeURIComponent(id));
}

/** A list filter matches a value, or one item of an array, by itself or by its `id` (a reference). */
function matches(value: Json | undefined, wanted: string[]): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => {
    const key = v && typeof v === 'object' && !Array.isArray(v) ? v.id : v;
    return key !== undefined && key !== null && wanted.includes(String(key));
  });
}
