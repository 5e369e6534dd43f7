import createClient, { createQuerySerializer, removeTrailingSlash, type Client } from 'openapi-fetch';
import { resolveAuth, type Credentials } from './auth.js';
import { readEnv } from './env.js';
import { readError, readOk } from './body.js';
import { cookieHeader, encodeBody, headerParams } from './encode.js';
import {
  APIClientError,
  ConnectionError,
  GONE_DEFAULT,
  TimeoutError,
  apiError,
  describe,
  type CallInfo,
  type GoneAnswer,
} from './errors.js';
import { makeLog, redact, type Logger, type LogLevel } from './log.js';
import { MAX_CONCURRENCY, MAX_RATE_LIMIT_WAIT_MS, MAX_RETRIES, TIMEOUT_MS } from './defaults.js';
import { LocalPacer, type Pacer, type RateLimitWait } from './pacing.js';
import { RedisPacer, type SharedPacing } from './pacing-redis.js';
import { paginate, type Paging } from './pagination.js';
import { Prepared, retrying, type CallState, type Sent } from './retry.js';
import type { ApiRequest, FetchLike, RequestOptions } from './types.js';
import { waitFor, waitUntilDeleted, type Lifecycle, type WaitOptions } from './wait.js';

export interface ClientOptions extends Credentials {
  /** Default: the API's own (for Confluent Cloud, https://api.confluent.cloud). */
  baseUrl?: string;
  /** Retries after the first attempt; 0 turns retries off. Default 2. */
  maxRetries?: number;
  /** Per-attempt timeout in ms, body included. Default 60000. */
  timeoutMs?: number;
  /** Default: globalThis.fetch. Called as `fetch(url, init)`, or `fetch(request, { signal })` through `raw`. */
  fetch?: FetchLike;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Appended to the User-Agent: `<package>/<version> <userAgent>`. */
  userAgent?: string;
  /**
   * Pacing at the server's rate limit, shared by all calls of this client: on by default (in memory); `false`
   * turns it off (each call then retries on its own); `{ redis, budget }` shares one budget between processes
   * through Redis (ioredis, installed by you); or a Pacer of your own.
   */
  pacing?: boolean | SharedPacing | Pacer;
  /** Attempts in flight at once with the default pacing. Default 10 (see README.md "Pacing"). */
  maxConcurrency?: number;
  /** A wait for the rate limit (Retry-After, reset) longer than this fails the call with RateLimitError. Default 60000. */
  maxRateLimitWaitMs?: number;
  /** Called when calls start waiting for the rate limit: how many wait, and when they resume. */
  onRateLimitWait?: (wait: RateLimitWait) => void;
  /** Where log lines go. Default: console. */
  logger?: Logger;
  /** Default: the `<ENV_PREFIX>_LOG` environment variable (e.g. CONFLUENT_CLOUD_LOG=debug), else 'warn'. */
  logLevel?: LogLevel;
}

export interface SdkInfo {
  packageName: string;
  packageVersion: string;
  defaultBaseUrl: string;
  /** `${envPrefix}_API_KEY` / `${envPrefix}_API_SECRET` are the credentials' fallback. */
  envPrefix?: string;
  /** 'optional' for an API that declares no security: the client then works without credentials. */
  credentials?: 'required' | 'optional';
  /** The answers that mean a resource is gone (thrown as GoneError). Default: a 404. */
  gone?: readonly GoneAnswer[];
}

/** openapi-fetch's own query serializer (arrays repeated under their names: `spec.cloud=AWS&spec.cloud=GCP`). */
const serializeQuery = createQuerySerializer();

/** Header names lower-cased, so a caller's `user-agent` replaces ours rather than joining it. */
const lowerCased = (into: Record<string, string>, headers: Record<string, string> = {}) => {
  for (const name in headers) {
    into[name.toLowerCase()] = headers[name];
  }
  return into;
};

/**
 * Fills `{name}` with the encoded value, so an id such as `a/../b?c` stays one segment; a missing value, '', '.'
 * and '..' (which URL parsing would drop or resolve) are refused before anything is sent.
 */
const fillPath = (path: string, params: Record<string, unknown> = {}, method = '') =>
  path.replace(/\{(.+?)\}/g, (_, name: string) => {
    const value = params[name];
    if (value == null || value === '' || value === '.' || value === '..') {
      throw new APIClientError(describe([method, path], `bad path parameter ${name}`));
    }
    return encodeURIComponent(value as string);
  });

/** `host:port` of an absolute http(s) URL; anything else is refused once, here, rather than retried per call. */
function hostPort(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new APIClientError(
      `baseUrl must be an absolute http:// or https:// URL (such as http://127.0.0.1:4010), not "${redact(baseUrl)}"`,
    );
  }
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

/** What fetch threw, as the error a caller can act on: a timeout, a failed connection, or ours unchanged. */
function noResponse(call: CallInfo, e: unknown, hostPort: string): APIClientError {
  if (e instanceof APIClientError) {
    return e;
  }
  const name = (e as Error).name;
  if (name === 'TimeoutError') {
    return new TimeoutError(describe(call, 'timed out'), { cause: e });
  }
  // fetch's own messages may quote the URL, credentials included (`http://user:password@host`).
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const why =
    cause?.message === 'bad port'
      ? `port ${hostPort.split(':').pop()} is one fetch refuses to use (bad port); choose another`
      : cause?.code || cause?.message || (e as Error).message;
  const reason = `connection to ${hostPort} failed: ${redact(why)}`;
  return new (name === 'TypeError' ? ConnectionError : APIClientError)(describe(call, reason), { cause: e });
}

export class BaseClient<Paths extends {}> {
  /** The openapi-fetch client typed by `paths`, on the same authenticating, retrying, timing-out fetch. */
  readonly raw: Client<Paths>;
  readonly #send;
  readonly #baseUrl: string;
  /** `host:port` of the baseUrl, for connection errors. */
  readonly #hostPort: string;
  /** Sent with every resource call; names lower-cased. */
  readonly #headers: Record<string, string>;
  readonly #gone: readonly GoneAnswer[];

  constructor(options: ClientOptions = {}, sdk: SdkInfo) {
    const auth = resolveAuth(options, sdk.envPrefix, sdk.credentials === 'optional');
    const headers = lowerCased(
      { 'user-agent': `${sdk.packageName}/${sdk.packageVersion}${options.userAgent ? ` ${options.userAgent}` : ''}` },
      typeof auth === 'string' ? { Authorization: auth } : {},
    );
    this.#headers = lowerCased(headers, options.headers);
    this.#gone = sdk.gone ?? GONE_DEFAULT;
    this.#baseUrl = removeTrailingSlash(options.baseUrl || sdk.defaultBaseUrl);
    this.#hostPort = hostPort(this.#baseUrl);
    // The environment's secret is read only when the credentials came from there (see resolveAuth).
    const fromEnv = !options.apiKey && !options.apiSecret && !options.accessToken && sdk.envPrefix;
    const secrets = [
      options.apiSecret,
      typeof options.accessToken === 'string' ? options.accessToken : undefined,
      fromEnv ? readEnv(`${sdk.envPrefix}_API_SECRET`) : undefined,
    ];
    const log = makeLog({
      logger: options.logger,
      level: options.logLevel,
      envPrefix: sdk.envPrefix,
      secrets: secrets.filter((x): x is string => !!x),
      prefix: sdk.packageName,
    });
    const maxWaitMs = options.maxRateLimitWaitMs ?? MAX_RATE_LIMIT_WAIT_MS;
    const maxConcurrency = options.maxConcurrency ?? MAX_CONCURRENCY;
    // 0 or less would hold every call forever.
    if (!(maxConcurrency >= 1)) {
      throw new APIClientError(`maxConcurrency must be 1 or more, not ${maxConcurrency}`);
    }
    const onWait = (wait: RateLimitWait) => {
      log.info?.(
        `rate limit: ${wait.queued} calls waiting, resuming in ${(wait.resumesInMs / 1000).toFixed(2)} s (${wait.reason})`,
      );
      options.onRateLimitWait?.(wait);
    };
    const pacing = options.pacing;
    let pacer: Pacer | undefined;
    if (pacing === false) {
      pacer = undefined;
    } else if (typeof pacing === 'object' && 'redis' in pacing) {
      pacer = new RedisPacer({ ...pacing, maxConcurrency, maxWaitMs, onWait, log });
    } else if (typeof pacing === 'object') {
      pacer = pacing;
    } else {
      pacer = new LocalPacer({ maxConcurrency, maxWaitMs, onWait });
    }
    this.#send = retrying({
      fetch: options.fetch,
      maxRetries: options.maxRetries ?? MAX_RETRIES,
      timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
      auth,
      pacer,
      maxWaitMs,
      log,
    });
    this.raw = createClient<Paths>({
      baseUrl: this.#baseUrl,
      // openapi-fetch wants a fetch: the same transport, handing back only the response.
      fetch: (req: Request) => this.#send(req).then((sent) => sent.res),
      pathSerializer: fillPath,
      querySerializer: serializeQuery,
      headers: this.#headers,
    });
  }

  /**
   * Sends one API call; resolves with the parsed body, rejects with an APIClientError (or the signal's reason).
   * The URL and query are made by openapi-fetch's serializers, but the call skips its request pipeline (Headers
   * merging, middleware, a Request that fetch would build again): that pipeline costs more per call than the
   * whole 10 % the client may add to a loopback request. `raw` keeps all of it.
   */
  async request<T>(req: ApiRequest, options?: RequestOptions): Promise<T> {
    const traced: RequestOptions = options || {};
    const method = req.method;
    const path = fillPath(req.path, req.params?.path, method);
    const call: CallInfo = [method, path];
    const query = serializeQuery(req.params?.query ?? {});
    const headers = headerParams({ ...this.#headers }, req.params?.header);
    const cookie = cookieHeader(req.params?.cookie);
    if (cookie) {
      headers.cookie = cookie;
    }
    const init: Prepared['init'] = { method, headers };
    const state: CallState = {
      options: traced,
      read: (res) => (res.ok ? readOk(call, res, req.parseAs) : readError(res)),
    };
    if (req.body !== undefined) {
      const encoded = encodeBody(req.body, traced.contentType || req.contentType || 'application/json');
      init.body = encoded.body;
      if (encoded.contentType) {
        headers['content-type'] = encoded.contentType;
      }
      if (encoded.stream) {
        init.duplex = 'half';
        state.once = true;
      }
    }
    if (req.parseAs === 'stream') {
      state.keepOpen = true;
    }
    lowerCased(headers, traced.headers);
    let sent: Sent;
    try {
      sent = await this.#send(new Prepared(this.#baseUrl + path + (query && `?${query}`), init), state);
    } catch (e) {
      throw traced.signal?.aborted ? traced.signal.reason : noResponse(call, e, this.#hostPort);
    }
    const { res, data } = sent;
    if (!res.ok) {
      throw apiError(call, res, data, this.#gone);
    }
    traced.onExchange?.({ method, path, requestId: res.headers.get('x-request-id') });
    return data as T;
  }

  /** Every item of every page of a list call; see pagination.ts. */
  paginate<T>(req: ApiRequest, paging: Paging, options?: RequestOptions): AsyncIterable<T> {
    return paginate<T>({ request: (next, o) => this.request(next, o), baseUrl: this.#baseUrl }, req, paging, options);
  }

  /** Polls `get` until the resource settles (or `wait.until` holds); see wait.ts. */
  waitFor<T>(get: (o?: RequestOptions) => Promise<T>, lifecycle: Lifecycle, wait?: WaitOptions<T>): Promise<T> {
    return waitFor(get, lifecycle, wait);
  }

  /** Polls `get` until the resource is gone; see wait.ts. */
  waitUntilDeleted<T>(
    get: (o?: RequestOptions) => Promise<T>,
    lifecycle: Lifecycle,
    wait?: Omit<WaitOptions<T>, 'until'>,
  ): Promise<void> {
    return waitUntilDeleted(get, lifecycle, wait);
  }

  /** Credentials live only in #private fields and closures; what shows is this. */
  toJSON() {
    return { baseUrl: this.#baseUrl };
  }
  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toJSON();
  }
}
