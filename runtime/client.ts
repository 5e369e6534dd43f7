import createClient, { type Client } from 'openapi-fetch';
import { resolveAuth, type Credentials } from './auth.js';
import { APIClientError, ConnectionError, TimeoutError, apiError, describe } from './errors.js';
import { paginate, type Page } from './pagination.js';
import { retrying, type CallState, type FetchLike } from './retry.js';
import { LAST, waitFor, type Traced, type WaitOptions } from './wait.js';

export interface ClientOptions extends Credentials {
  /** Default: the API's own (for Confluent Cloud, https://api.confluent.cloud). */
  baseUrl?: string;
  /** Retries after the first attempt; 0 turns retries off. Default 2. */
  maxRetries?: number;
  /** Per-attempt timeout in ms, body included. Default 60000. */
  timeoutMs?: number;
  /** Default: globalThis.fetch. Called as `fetch(request, { signal })`. */
  fetch?: FetchLike;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Appended to the User-Agent: `<package>/<version> <userAgent>`. */
  userAgent?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

export interface SdkInfo {
  packageName: string;
  packageVersion: string;
  defaultBaseUrl: string;
  /** `${envPrefix}_API_KEY` / `${envPrefix}_API_SECRET` are the credentials' fallback. */
  envPrefix?: string;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/networking/v1/networks/{id}`. */
  path: string;
  params?: { path?: Record<string, string | number>; query?: object };
  body?: unknown;
}

type LooseRequest = (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Fills `{name}` with the encoded value, so an id such as `a/../b?c` stays one segment; a missing value, '', '.'
 * and '..' (which URL parsing would drop or resolve) are refused before anything is sent.
 */
const fillPath = (path: string, params: Record<string, unknown> = {}, method = '') =>
  path.replace(/\{(.+?)\}/g, (_, k: string, v?: unknown) => {
    if ((v = params[k]) == null || v === '' || v === '.' || v === '..') throw new APIClientError(describe([method, path], 'bad path parameter ' + k));
    return encodeURIComponent(v as string);
  });

export class BaseClient<Paths extends {}> {
  /** The openapi-fetch client typed by `paths`, on the same authenticating, retrying, timing-out fetch. */
  readonly raw: Client<Paths>;
  readonly #send;
  readonly #baseUrl: string;

  constructor(options: ClientOptions = {}, sdk: SdkInfo) {
    const auth = resolveAuth(options, sdk.envPrefix);
    this.raw = createClient<Paths>({
      baseUrl: (this.#baseUrl = options.baseUrl || sdk.defaultBaseUrl),
      fetch: (this.#send = retrying({ fetch: options.fetch, maxRetries: options.maxRetries ?? 2, timeoutMs: options.timeoutMs ?? 6e4, auth })),
      pathSerializer: fillPath,
      headers: {
        'User-Agent': `${sdk.packageName}/${sdk.packageVersion}${options.userAgent ? ' ' + options.userAgent : ''}`,
        ...(typeof auth == 'string' && { Authorization: auth }),
        ...options.headers,
      },
    });
  }

  /** Sends one API call; resolves with the parsed body, rejects with an APIClientError (or the signal's reason). */
  async request<T>(req: ApiRequest, options?: RequestOptions): Promise<T> {
    const o: Traced = options || {};
    const s: CallState = { o };
    const m = req.method;
    const path = fillPath(req.path, req.params?.path, m);
    let r;
    try {
      r = await (this.raw.request as unknown as LooseRequest)(m, path, {
        params: { query: req.params?.query },
        body: req.body,
        headers: o.headers,
        fetch: (q: Request) => this.#send(q, s),
      });
    } catch (e) {
      const n = (e as Error).name;
      throw o.signal?.aborted
        ? o.signal.reason
        : e instanceof APIClientError
          ? e
          : new (n == 'TimeoutError' ? TimeoutError : n == 'TypeError' ? ConnectionError : APIClientError)(
              describe([m, path], n == 'TimeoutError' ? 'timed out' : 'failed: ' + ((e as { cause?: { code?: string } }).cause?.code || (e as Error).message)),
              { cause: e },
            );
    } finally {
      s.done?.();
    }
    const res = r.response;
    if (!res.ok) throw apiError([m, path], res, r.error);
    if (LAST in o) o[LAST] = [m, path, res.headers.get('x-request-id')];
    return r.data as T;
  }

  /** Every item of every page of a list call; see pagination.ts. */
  paginate<T>(req: ApiRequest, options?: RequestOptions): AsyncIterable<T> {
    return paginate<T>({ request: (q, o) => this.request<Page<T>>(q, o), baseUrl: this.#baseUrl }, req, options);
  }

  /** Polls `get` until `wait.until` holds; see wait.ts. */
  waitFor<T>(get: (o?: RequestOptions) => Promise<T>, wait: WaitOptions<T>): Promise<T> {
    return waitFor(get, wait);
  }

  /** Credentials live only in #private fields and closures; what shows is this. */
  toJSON() {
    return { baseUrl: this.#baseUrl };
  }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toJSON();
  }
}
