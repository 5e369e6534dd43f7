/// <reference types="node" />
// The stand-in's HTTP server: faults, then CORS, then authentication, then the rate limit, then the spec
// (openapi-backend routes and validates every request), then the collection's handler. Every answer carries
// X-Request-Id.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import formats from 'ajv-formats';
import { OpenAPIBackend, type Document, type Request } from 'openapi-backend';
import { corsHeaders, isPreflight } from './cors.js';
import { refusal } from './credentials.js';
import type { Doc } from './fill.js';
import { dispatch, view, type State } from './handlers.js';
import type { Json } from './json.js';
import { SERVICE_DEFAULTS, type FaultOptions, type StandIn, type StandInOptions } from './options.js';
import { failure, invalidRequest, notModelled, withHeaders, withTitles, type Reply } from './problems.js';
import { seededRandom, type Random } from './random.js';
import { TokenBuckets } from './rate-limit.js';
import { requestView } from './request-view.js';
import { Store } from './store.js';
import type { StandInCollection, StandInModel } from './types.js';

export type { FaultOptions, ServiceBehaviour, StandIn, StandInOptions } from './options.js';

// ajv-formats is CommonJS with its plugin on `.default`, which is what both Node and TypeScript see there.
const addFormats = formats.default;

export async function serve(model: StandInModel, spec: Doc, options: StandInOptions = {}): Promise<StandIn> {
  const doc = { ...spec };
  delete doc['x-generated-by'];
  const api = await validator(doc);
  const random: Random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const service = { ...SERVICE_DEFAULTS, ...options.service };
  const state: State = {
    store: new Store(options.phases ?? {}, service.holdForAcceptance),
    service,
    random,
    doc,
    url: '',
  };
  const buckets = options.rateLimit ? new TokenBuckets(options.rateLimit) : undefined;
  const byPath = new Map<string, StandInCollection>();
  for (const c of model.collections) {
    byPath.set(c.path, c).set(c.itemPath, c);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const cors = corsHeaders(options.cors, req.headers);
    if (cors && isPreflight(req.method, req.headers)) {
      res.writeHead(204, { 'X-Request-Id': requestId, ...cors }).end();
      return;
    }
    const raw = await readBody(req);
    const fault = await injectFault(options.faults ?? {}, random);
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const reply = fault ?? answer(req, raw);
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

  // Authentication, then the rate limit (per credential), then the route; the limit's headers go on every answer.
  const answer = (req: IncomingMessage, raw: string): Reply => {
    const credential = req.headers.authorization;
    const refused = refusal(credential, options.credentials);
    if (refused) {
      const r = failure(401, 'unauthenticated', refused);
      return { ...r, headers: { 'WWW-Authenticate': model.challenges.join(', ') } };
    }
    const limit = buckets?.take(credential as string);
    if (limit && !limit.allowed) {
      const r = failure(429, 'rate_limited', 'Too many requests; wait for Retry-After seconds.');
      return withHeaders(r, limit.headers);
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
      return invalidRequest(checked.errors ?? []);
    }
    const collection = byPath.get(operation.path);
    if (!collection) {
      return notModelled(operation.method, operation.path);
    }
    const id = api.router.parseRequest(request, operation).params[collection.idParam];
    return dispatch(state, { collection, operation, target, body, id });
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
  state.url = await listen(server, options.port);
  if (model.unmodelled.length) {
    (options.log ?? console.warn)(
      `stand-in: not served (no stateful model for them):\n  ${model.unmodelled.join('\n  ')}`,
    );
  }
  const find = (id: string) => state.store.all().find((e) => e.id === id);
  return {
    url: state.url,
    unmodelled: model.unmodelled,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    reset: () => {
      state.store.clear();
      buckets?.clear();
    },
    accept: (id) => {
      if (!state.store.accept(id)) {
        throw new Error(`stand-in: no resource ${id} waits to be accepted`);
      }
    },
    store: {
      all: () => state.store.all().map((e) => view(state, e)),
      get: (id) => {
        const entry = find(id);
        return entry && view(state, entry);
      },
    },
  };
}

/** openapi-backend over the spec, which routes and validates each request. */
async function validator(doc: Doc): Promise<OpenAPIBackend> {
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
  return api;
}

/** The configured latency, then maybe a dropped connection or an injected 5xx; undefined: answer normally. */
async function injectFault(faults: FaultOptions, random: Random): Promise<Reply | 'drop' | undefined> {
  const latency = Array.isArray(faults.latencyMs)
    ? faults.latencyMs[0] + random() * (faults.latencyMs[1] - faults.latencyMs[0])
    : (faults.latencyMs ?? 0);
  if (latency > 0) {
    await new Promise((resolve) => setTimeout(resolve, latency));
  }
  if (faults.dropRate && random() < faults.dropRate) {
    return 'drop';
  }
  if (faults.errorRate && random() < faults.errorRate) {
    return failure(faults.errorStatus ?? 503, 'injected_fault', 'Injected by the stand-in (faults.errorRate).');
  }
  return undefined;
}

/** Listens on 127.0.0.1 and gives the server's URL; a busy port is one line saying what to do. */
function listen(server: ReturnType<typeof createServer>, port: number | undefined): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} on 127.0.0.1 is busy: stop whatever uses it, or leave the port unset to pick a free one`,
            )
          : err,
      ),
    );
    server.listen(port ?? 0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
