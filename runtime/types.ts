// The shapes shared by the client and its helpers (pagination, retries, waiting). They live here, apart from
// client.ts, so that no helper has to import the client module that imports it.

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** How a 2xx body is read. */
export type ParseAs = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream' | 'void';

/** One API call, as generated methods describe it. */
export interface ApiRequest {
  method: HttpMethod;
  /** The path template, e.g. `/networking/v1/networks/{id}`. */
  path: string;
  params?: {
    path?: Record<string, string | number>;
    /** Serialized by openapi-fetch's query serializer (arrays repeated under their names). */
    query?: object;
    /** Each defined value is sent as a header; arrays are joined with ', '. */
    header?: object;
    /** Sent as one `Cookie` header: `name=encodeURIComponent(value); ...`. */
    cookie?: object;
  };
  body?: unknown;
  /** Media type of `body`; absent = application/json. */
  contentType?: string;
  /** How a 2xx body is read: absent = 'json' (an empty body gives undefined). */
  parseAs?: ParseAs;
}

/** Per-call options; every generated method takes them last. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** Send the body as another media type the operation offers (wins over the request's own). */
  contentType?: string;
  /** Called with the exchange once a 2xx answer is read (the waits use it to name the call in their errors). */
  onExchange?: (exchange: Exchange) => void;
}

/** Which call an answer was for: method, filled-in path, and the `X-Request-Id` it came with. */
export interface Exchange {
  method: string;
  path: string;
  requestId: string | null;
}

/**
 * The fetch we call: `fetch(url, init)` for resource calls, `fetch(request, { signal })` for calls through `raw`.
 * Either way the signal is the attempt's timeout joined with the caller's.
 */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;
