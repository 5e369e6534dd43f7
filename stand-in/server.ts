/// <reference types="node" />
// The stand-in's HTTP server: faults, then authentication, then the rate limit, then the spec (openapi-backend
// routes and validates every request), then the collection's state. Every answer carries X-Request-Id.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import formats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Operation, type Request } from 'openapi-backend';
import { complete, type Doc } from './fill.js';
import { TokenBuckets, type RateLimitOptions } from './rate-limit.js';
import { randomId, seededRandom, type Random } from './random.js';
import { Store, type Entry, type PhaseOptions, type Resource } from './store.js';
import type { StandInCollection, StandInModel } from './types.js';
import { requestView } from './request-view.js';
import { refusal, type StandInCredential } from './credentials.js';
import { corsHeaders, isPreflight, type CorsOptions } from './cors.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// ajv-formats is CommonJS with its plugin on `.default`, which is what both Node and TypeScript see there.
const addFormats = formats.default;

export interface FaultOptions {
  /** Share of requests (0..1) answered with a 5xx. */
  errorRate?: number;
  /** The status of those answers (default 503). */
  errorStatus?: number;
  /** Added to every answer: a fixed delay, or a [min, max] range. */
  latencyMs?: number | [number, number];
  /** Share of requests (0..1) whose connection is dropped without an answer. */
  dropRate?: number;
}

/** Behaviours of the real service, each on by default; turn one off to test code against the other behaviour. */
export interface ServiceBehaviour {
  /**
   * A deleted (or unknown) resource answers as the spec's lifecycle says the service does (Confluent Cloud: 403
   * `forbidden_access`); false: 404.
   */
  forbiddenWhenGone?: boolean;
  /** A resource with an awaiting phase (a peering's PENDING_ACCEPT) stays there until `accept(id)`; false: it walks on. */
  holdForAcceptance?: boolean;
  /** The last page of a list has `metadata.next: ""`; false: `next` is left out. */
  emptyNext?: boolean;
  /** Error items carry a `title` besides id, status, code, detail and source (the service's have none). */
  errorTitles?: boolean;
}

export interface StandInOptions {
  /** How the stand-in follows the service where the published spec says otherwise (see ServiceBehaviour). */
  service?: ServiceBehaviour;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  phases?: PhaseOptions;
  /** Off when absent. */
  rateLimit?: RateLimitOptions;
  faults?: FaultOptions;
  /** Makes ids and faults repeat from run to run. */
  seed?: number;
  /** Where the list of what the stand-in cannot serve goes at start (default: console.warn). */
  log?: (line: string) => void;
  /** The credentials accepted (default: every well-formed one); others get a 401 with the API's error body. */
  credentials?: StandInCredential | StandInCredential[];
  /** CORS headers and preflights for a page on another origin (default: off). `true` allows every origin. */
  cors?: boolean | CorsOptions;
}

export interface StandIn {
  /** `http://127.0.0.1:<port>`: the client's baseUrl. */
  url: string;
  close(): Promise<void>;
  /** Forgets every resource and every rate-limit bucket. */
  reset(): void;
  store: { all(): Resource[]; get(id: string): Resource | undefined };
  /** Operations of the spec the stand-in does not serve. */
  unmodelled: string[];
  /**
   * The other side accepts the resource (a peering in PENDING_ACCEPT): it turns READY on its next read.
   * Throws when no resource with an awaiting phase has this id.
   */
  accept(id: string): void;
}

interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

export async function serve(model: StandInModel, spec: Doc, options: StandInOptions = {}): Promise<StandIn> {
  const doc = { ...spec };
  delete doc['x-generated-by'];
  // readOnly properties are required in responses only (OpenAPI 3.0); the validator sees requests through that lens.
  // quick: validators are compiled on first use; compiling all of them up front takes seconds.
  const api = new OpenAPIBackend({
    definition: requestView(doc) as unknown as Document,
    quick: true,
    validate: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  const random: Random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const service = {
    forbiddenWhenGone: true,
    holdForAcceptance: true,
    emptyNext: true,
    errorTitles: false,
    ...options.service,
  };
  const store = new Store(options.phases ?? {}, service.holdForAcceptance);
  const buckets = options.rateLimit ? new TokenBuckets(options.rateLimit) : undefined;
  const byPath = new Map<string, StandInCollection>();
  for (const c of model.collections) {
    byPath.set(c.path, c).set(c.itemPath, c);
  }
  let url = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const faults = options.faults ?? {};
    const latency = Array.isArray(faults.latencyMs)
      ? faults.latencyMs[0] + random() * (faults.latencyMs[1] - faults.latencyMs[0])
      : (faults.latencyMs ?? 0);
    const cors = corsHeaders(options.cors, req.headers);
    if (cors && isPreflight(req.method, req.headers)) {
      res.writeHead(204, { 'X-Request-Id': requestId, ...cors }).end();
      return;
    }
    const raw = await readBody(req);
    if (latency > 0) {
      await new Promise((resolve) => setTimeout(resolve, latency));
    }
    if (faults.dropRate && random() < faults.dropRate) {
      req.socket.destroy();
      return;
    }
    const reply =
      faults.errorRate && random() < faults.errorRate
        ? failure(faults.errorStatus ?? 503, 'injected_fault', 'Injected by the stand-in (faults.errorRate).')
        : answer(req, raw);
    if (service.errorTitles) {
      withTitles(reply);
    }
    const headers = { 'X-Request-Id': requestId, ...cors, ...reply.headers };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
    } else {
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(reply.body));
    }
  };

  const answer = (req: IncomingMessage, raw: string): Reply => {
    const credential = req.headers.authorization;
    const refused = refusal(credential, options.credentials);
    if (refused) {
      const r = failure(401, 'unauthenticated', refused);
      return { ...r, headers: { 'WWW-Authenticate': model.challenges.join(', ') } };
    }
    const limit = buckets?.take(credential as string);
    if (limit && !limit.allowed) {
      return withHeaders(
        failure(429, 'rate_limited', 'Too many requests; wait for Retry-After seconds.'),
        limit.headers,
      );
    }
    return withHeaders(route(req, raw), limit?.headers ?? {});
  };

  const route = (req: IncomingMessage, raw: string): Reply => {
    const target = new URL(req.url ?? '/', 'http://stand-in');
    let body: Json | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Json) : undefined;
    } catch {
      return failure(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const request: Request = {
      method: req.method ?? 'GET',
      path: target.pathname,
      query: target.search.slice(1),
      headers: req.headers as Request['headers'],
      body,
    };
    const operation = api.router.matchOperation(request);
    if (!operation) {
      return failure(404, 'not_found', `No operation of the API matches ${request.method} ${target.pathname}.`);
    }
    const checked = api.validateRequest(request, operation);
    if (!checked.valid) {
      return {
        status: 400,
        body: {
          errors: (checked.errors ?? []).map((e) =>
            problem(
              400,
              'invalid_request',
              `${where(e.instancePath)} ${e.message ?? 'is invalid'}`.trim(),
              source(e.instancePath),
            ),
          ),
        },
      };
    }
    const collection = byPath.get(operation.path);
    if (!collection) {
      return failure(
        501,
        'not_modelled',
        `The stand-in does not serve ${operation.method.toUpperCase()} ${operation.path}.`,
      );
    }
    const ctx: Context = {
      collection,
      operation,
      target,
      body,
      id: api.router.parseRequest(request, operation).params[collection.idParam],
    };
    switch (`${operation.method.toUpperCase()} ${operation.path === collection.path ? 'collection' : 'item'}`) {
      case 'POST collection':
        return create(ctx);
      case 'GET collection':
        return list(ctx);
      case 'GET item':
        return read(ctx);
      case 'PATCH item':
      case 'PUT item':
        return update(ctx);
      case 'DELETE item':
        return remove(ctx);
      default:
        return failure(
          501,
          'not_modelled',
          `The stand-in does not serve ${operation.method.toUpperCase()} ${operation.path}.`,
        );
    }
  };

  interface Context {
    collection: StandInCollection;
    operation: Operation;
    target: URL;
    body: Json | undefined;
    id: string | undefined;
  }

  const create = ({ collection, operation, target, body }: Context): Reply => {
    const input = structuredClone((body ?? {}) as Resource);
    for (const k of collection.serverOwned) {
      delete input[k];
    }
    const environment = envOf(collection, target, input);
    const id = randomId(random, collection.idPrefix);
    const now = Date.now();
    const iso = new Date(now).toISOString();
    const resource: Resource = { ...input };
    if (collection.serverOwned.includes('id')) {
      resource.id = id;
    }
    if (collection.serverOwned.includes('metadata')) {
      const crn = `crn://confluent.cloud/organization=1111aaaa-11aa-11aa-11aa-111111aaaaaa${environment ? `/environment=${environment}` : ''}/${collection.crnKey}=${id}`;
      resource.metadata = {
        self: `${url}${itemUrl(collection, id)}`,
        resource_name: crn,
        created_at: iso,
        updated_at: iso,
      };
    }
    const entry = store.add({ collection, id, environment, resource, createdAt: now });
    return {
      status: successStatus(operation, 201),
      body: view(entry),
      headers: { Location: `${url}${itemUrl(collection, id)}` },
    };
  };

  const read = ({ collection, target, id }: Context): Reply => {
    const entry = store.find(collection, id ?? '', queryEnv(collection, target));
    if (!entry) {
      return notFound({
        c: collection,
        id,
        environment: queryEnv(collection, target),
        forbidden: service.forbiddenWhenGone,
      });
    }
    entry.polls += 1;
    return { status: 200, body: view(entry) };
  };

  const update = ({ collection, operation, target, body, id }: Context): Reply => {
    const environment = envOf(collection, target, (body ?? {}) as Resource);
    const entry = store.find(collection, id ?? '', environment);
    if (!entry) {
      return notFound({ c: collection, id, environment, forbidden: service.forbiddenWhenGone });
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
    return { status: successStatus(operation, 200), body: view(entry) };
  };

  const remove = ({ collection, operation, target, id }: Context): Reply => {
    const entry = store.find(collection, id ?? '', queryEnv(collection, target));
    if (!entry) {
      return notFound({
        c: collection,
        id,
        environment: queryEnv(collection, target),
        forbidden: service.forbiddenWhenGone,
      });
    }
    store.markDeleted(entry);
    return { status: successStatus(operation, 204) };
  };

  const list = ({ collection, target }: Context): Reply => {
    const q = target.searchParams;
    const matching = store.list(collection, queryEnv(collection, target)).filter((entry) => {
      const item = view(entry);
      return collection.filters.every((f) => {
        const wanted = q.getAll(f.param);
        return wanted.length === 0 || matches(get(item, f.path), wanted);
      });
    });
    const page = collection.page;
    if (!page) {
      return { status: 200, body: listBody(collection, matching.map(view), {}) };
    }
    const size = Math.min(
      Number(q.get(page.sizeParam) ?? page.defaultSize) || page.defaultSize,
      page.maxSize ?? Infinity,
    );
    const token = q.get(page.tokenParam);
    const after = token === null ? 0 : decodeToken(token);
    if (after === undefined) {
      return failure(400, 'invalid_page_token', `${page.tokenParam} is not a token this server gave out.`);
    }
    const start = matching.findIndex((e) => e.seq > after);
    const from = start === -1 ? matching.length : start;
    const items = matching.slice(from, from + size);
    const link = (seq: number | undefined): string => {
      const params = new URLSearchParams(q);
      params.delete(page.tokenParam);
      if (seq !== undefined) {
        params.set(page.tokenParam, encodeToken(seq));
      }
      return `${url}${target.pathname}?${params}`;
    };
    const metadata: { [key: string]: Json } = { first: link(undefined), total_size: matching.length };
    if (from > 0) {
      metadata.prev = link(from - size > 0 ? matching[from - size - 1]!.seq : undefined);
    }
    if (from + size < matching.length) {
      metadata.next = link(items.at(-1)!.seq);
    } else if (service.emptyNext) {
      metadata.next = '';
    }
    return { status: 200, body: listBody(collection, items.map(view), metadata) };
  };

  const view = (entry: Entry): Resource => {
    const c = entry.collection;
    const out = structuredClone(entry.resource);
    if (c.apiVersion) {
      out.api_version = c.apiVersion;
    }
    if (c.kind) {
      out.kind = c.kind;
    }
    const phase = store.phase(entry);
    if (phase !== undefined) {
      out.status = { ...((out.status as Resource | undefined) ?? {}), phase };
    }
    return c.itemSchema ? (complete(out, c.itemSchema, doc) as Resource) : out;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res
          .writeHead(500, { 'Content-Type': 'application/json', 'X-Request-Id': randomUUID() })
          .end(JSON.stringify(failure(500, 'stand_in_error', String(err)).body));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `port ${options.port} on 127.0.0.1 is busy: stop whatever uses it, or leave the port unset to pick a free one`,
            )
          : err,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (model.unmodelled.length) {
    (options.log ?? console.warn)(
      `stand-in: not served (no stateful model for them):\n  ${model.unmodelled.join('\n  ')}`,
    );
  }
  return {
    url,
    unmodelled: model.unmodelled,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    reset: () => {
      store.clear();
      buckets?.clear();
    },
    accept: (id) => {
      if (!store.accept(id)) {
        throw new Error(`stand-in: no resource ${id} waits to be accepted`);
      }
    },
    store: {
      all: () => store.all().map(view),
      get: (id) => store.all().find((e) => e.id === id) && view(store.all().find((e) => e.id === id)!),
    },
  };
}

function listBody(c: StandInCollection, data: Resource[], metadata: { [key: string]: Json }): Json {
  const out: { [key: string]: Json } = {};
  if (c.apiVersion) {
    out.api_version = c.apiVersion;
  }
  if (c.listKind) {
    out.kind = c.listKind;
  }
  return { ...out, metadata, data };
}

function successStatus(operation: Operation, fallback: number): number {
  const status = Object.keys(operation.responses ?? {}).find((s) => /^2\d\d$/.test(s));
  return status ? Number(status) : fallback;
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

interface Missing {
  c: StandInCollection;
  id: string | undefined;
  environment: string | undefined;
  /** Answer as the service does: 403 `forbidden_access` "for security reasons", not 404. */
  forbidden: boolean;
}

function notFound({ c, id, environment, forbidden }: Missing): Reply {
  if (forbidden) {
    return {
      status: 403,
      body: {
        errors: [{ id: randomUUID(), status: '403', code: 'forbidden_access', detail: 'Forbidden Access', source: {} }],
      },
    };
  }
  return failure(
    404,
    'resource_not_found',
    `No ${c.kind ?? c.name} with id ${id} exists${environment ? ` in environment ${environment}` : ''}.`,
  );
}

function failure(status: number, code: string, detail: string): Reply {
  return { status, body: { errors: [problem(status, code, detail)] } };
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Error items have the service's shape: id, status, code, detail, source. */
function problem(status: number, code: string, detail: string, src?: { [key: string]: Json }): { [key: string]: Json } {
  return {
    id: randomUUID(),
    status: String(status),
    code,
    detail,
    source: src ?? {},
  };
}

/** The older item shape, on request: each error item gets a `title` for its status. */
function withTitles(reply: Reply): void {
  const errors = (reply.body as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(errors)) {
    for (const e of errors as { [key: string]: Json }[]) {
      e.title = TITLES[reply.status] ?? 'Error';
    }
  }
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...headers, ...reply.headers } };
}

/** openapi-backend reports `/requestBody/spec/region` or `/query/page_size`; say it the way the API does. */
function where(instancePath: string): string {
  const [, part, ...rest] = instancePath.split('/');
  if (part === 'requestBody') {
    return rest.length ? rest.join('.') : 'the body';
  }
  if (part === 'query' || part === 'path' || part === 'headers') {
    return rest.length ? rest[0]! : `the ${part}`;
  }
  return instancePath;
}

function source(instancePath: string): { [key: string]: Json } | undefined {
  const [, part, ...rest] = instancePath.split('/');
  if (part === 'requestBody') {
    return { pointer: `/${rest.join('/')}` };
  }
  if (part === 'query' && rest[0]) {
    return { parameter: rest[0] };
  }
  return undefined;
}

function matches(value: Json | undefined, wanted: string[]): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => {
    const key = v && typeof v === 'object' && !Array.isArray(v) ? v.id : v;
    return key !== undefined && key !== null && wanted.includes(String(key));
  });
}

function get(value: Json | undefined, path: string[]): Json | undefined {
  let cur = value;
  for (const k of path) {
    cur = cur && typeof cur === 'object' && !Array.isArray(cur) ? cur[k] : undefined;
  }
  return cur;
}

function set(target: Resource, path: string[], value: Json): void {
  let cur: Resource = target;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (!next || typeof next !== 'object' || Array.isArray(next)) {
      cur[k] = {};
    }
    cur = cur[k] as Resource;
  }
  cur[path.at(-1)!] = value;
}

function encodeToken(seq: number): string {
  return Buffer.from(JSON.stringify({ after: seq })).toString('base64url');
}

function decodeToken(token: string): number | undefined {
  try {
    const after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown }).after;
    return typeof after === 'number' && Number.isInteger(after) && after >= 0 ? after : undefined;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
