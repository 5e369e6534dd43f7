// The answers the stand-in gives when it refuses a request, in the service's error shape: `{ errors: [{ id, status,
// code, detail, source }] }`.
import { randomUUID } from 'node:crypto';
import type { Json, JsonObject } from './json.js';
import type { StandInCollection } from './types.js';

export interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

/** Error items have the service's shape: id, status, code, detail, source. */
function problem(status: number, code: string, detail: string, source?: JsonObject): JsonObject {
  return { id: randomUUID(), status: String(status), code, detail, source: source ?? {} };
}

export function failure(status: number, code: string, detail: string): Reply {
  return { status, body: { errors: [problem(status, code, detail)] } };
}

export function notModelled(method: string, path: string): Reply {
  return failure(501, 'not_modelled', `The stand-in does not serve ${method.toUpperCase()} ${path}.`);
}

export interface Missing {
  collection: StandInCollection;
  id: string | undefined;
  environment: string | undefined;
  /** Answer as the service does: 403 `forbidden_access` "for security reasons", not 404. */
  forbidden: boolean;
}

export function notFound({ collection, id, environment, forbidden }: Missing): Reply {
  if (forbidden) {
    // The service's item has no source pointer and a fixed detail.
    return { status: 403, body: { errors: [problem(403, 'forbidden_access', 'Forbidden Access')] } };
  }
  const where = environment ? ` in environment ${environment}` : '';
  return failure(404, 'resource_not_found', `No ${collection.kind ?? collection.name} with id ${id} exists${where}.`);
}

/** openapi-backend's validation errors, one item each, located the way the API locates them. */
export function invalidRequest(errors: readonly { instancePath: string; message?: string }[]): Reply {
  const items = errors.map((e) =>
    problem(
      400,
      'invalid_request',
      `${where(e.instancePath)} ${e.message ?? 'is invalid'}`.trim(),
      source(e.instancePath),
    ),
  );
  return { status: 400, body: { errors: items } };
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

function source(instancePath: string): JsonObject | undefined {
  const [, part, ...rest] = instancePath.split('/');
  if (part === 'requestBody') {
    return { pointer: `/${rest.join('/')}` };
  }
  if (part === 'query' && rest[0]) {
    return { parameter: rest[0] };
  }
  return undefined;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** The older item shape, on request: each error item gets a `title` for its status. */
export function withTitles(reply: Reply): Reply {
  const errors = (reply.body as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(errors)) {
    for (const e of errors as JsonObject[]) {
      e.title = TITLES[reply.status] ?? 'Error';
    }
  }
  return reply;
}

export function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...headers, ...reply.headers } };
}
