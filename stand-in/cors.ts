/// <reference types="node" />
// Opt-in CORS, so a page on another origin (a front-end test) can call the stand-in. A preflight is answered
// before authentication: browsers never send credentials on it.
import type { IncomingHttpHeaders } from 'node:http';

export interface CorsOptions {
  /** The origins allowed (default: every origin, answered as `*`). */
  origin?: string | readonly string[];
}

// What a client reads from an answer: the request id, and what paces and retries it.
const EXPOSED = 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Location';

/** The CORS headers for this request, or undefined when CORS is off or the origin is not allowed. */
export function corsHeaders(
  cors: boolean | CorsOptions | undefined,
  headers: IncomingHttpHeaders,
): Record<string, string> | undefined {
  if (!cors) {
    return undefined;
  }
  const origin = headers.origin;
  const allowed = typeof cors === 'object' && cors.origin !== undefined ? [cors.origin].flat() : undefined;
  if (allowed && (!origin || !allowed.includes(origin))) {
    return undefined;
  }
  return {
    'Access-Control-Allow-Origin': allowed ? (origin as string) : '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    // Authorization is never covered by `*`; echo what the browser asks for, or name the client's headers.
    'Access-Control-Allow-Headers':
      (headers['access-control-request-headers'] as string | undefined) ||
      'Authorization, Content-Type, Idempotency-Key',
    'Access-Control-Expose-Headers': EXPOSED,
    'Access-Control-Max-Age': '600',
    ...(allowed ? { Vary: 'Origin' } : {}),
  };
}

/** A browser's preflight: OPTIONS with Access-Control-Request-Method. */
export const isPreflight = (method: string | undefined, headers: IncomingHttpHeaders) =>
  method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
