import type { AccessToken } from './auth.js';
import { RateLimitError, describe, serverDelay } from './errors.js';
import type { Log } from './log.js';
import { PacingRefusal, type Pacer, type Slot } from './pacing.js';
import { startAttempt } from './timeout.js';
import type { FetchLike, RequestOptions } from './types.js';

/**
 * A resource call as fetch's arguments: fetch builds its own Request from them anyway, so a Request made
 * beforehand is pure cost (about 40 µs a call on Node 20), and the body can be re-sent without cloning.
 */
export class Prepared {
  constructor(
    readonly url: string,
    readonly init: { method: string; headers: Record<string, string>; body?: BodyInit; duplex?: 'half' },
  ) {}
  get method(): string {
    return this.init.method;
  }
}

/**
 * Per-call state of a resource call. `read` reads the body inside the retry loop, so a body that fails or
 * stalls is retried like a failed connection; what it returns lands in `data`.
 */
export interface CallState {
  options: RequestOptions;
  read?: (res: Response) => Promise<unknown>;
  data?: unknown;
  /** The body is handed to the caller unread (a stream): the attempt's timer keeps running over it. */
  keepOpen?: boolean;
  /** A body that can be sent once only (a stream): no retries. */
  once?: boolean;
}

// Errors proving the request never left (nothing was connected): even a POST may be re-sent after them.
const NEVER_SENT = /^E(CONNREFUSED|NOTFOUND|AI_AGAIN)$/;

/** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((ok, fail) => {
    const abort = () => {
      clearTimeout(t);
      fail(signal!.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      ok();
    }, ms);
    signal?.aborted ? abort() : signal?.addEventListener('abort', abort);
  });

/** `promise`, or a rejection with the signal's reason as soon as it aborts (the promise itself runs on). */
export function unlessAborted<T>(promise: Promise<T> | T, signal?: AbortSignal): Promise<T> {
  if (!signal) {
    return Promise.resolve(promise);
  }
  signal.throwIfAborted();
  return new Promise<T>((ok, fail) => {
    const abort = () => fail(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    Promise.resolve(promise).then(
      (v) => (signal.removeEventListener('abort', abort), ok(v)),
      (e) => (signal.removeEventListener('abort', abort), fail(e)),
    );
  });
}

export interface RetryingOptions {
  fetch: FetchLike | undefined;
  maxRetries: number;
  timeoutMs: number;
  auth: AccessToken | undefined;
  /** The client's shared pacing state; undefined when pacing is off. */
  pacer: Pacer | undefined;
  /** A server hint (or pacing wait) longer than this is not waited out: the call fails with RateLimitError. */
  maxWaitMs: number;
  log: Log;
}

/** Method and path of an attempt, for logs and errors (never the query or credentials). */
const callOf = (req: Request | Prepared) => [req.method, new URL(req.url).pathname] as const;

/** The wait the pacing refused, as the RateLimitError a caller can act on. */
function refused(req: Request | Prepared, e: PacingRefusal): RateLimitError {
  const seconds = Math.ceil(e.waitMs / 1000);
  const error = new RateLimitError(
    describe(callOf(req), `rate limited: would wait ${seconds} s, more than maxRateLimitWaitMs`),
  );
  return Object.assign(error, {
    status: 429,
    requestId: undefined,
    headers: e.headers,
    body: undefined,
    errors: [],
    waitSeconds: seconds,
  });
}

/**
 * Makes the transport under resource calls (given a Prepared) and under `raw` (as the fetch handed to
 * openapi-fetch: retries must live below it, since its middleware cannot re-send). Per attempt: a turn from the
 * pacer, a bearer token from the token function, a fresh timeout joined with the caller's signal, a clone of a
 * Request when it has a body and may be re-sent, and for resource calls the body read (`state.read`) within the
 * attempt. Retry policy: see README.md. Returns the last response (never throws for a status); throws what
 * fetch or the body threw. Without `state` (calls through `raw`), the caller's signal is the Request's own.
 */
export const retrying =
  ({ fetch: custom, maxRetries, timeoutMs, auth, pacer, maxWaitMs, log }: RetryingOptions) =>
  async (req: Request | Prepared, state?: CallState): Promise<Response> => {
    const options = state ? state.options : {};
    const caller = state ? options.signal : (req as Request).signal;
    const retries = state?.once ? 0 : (options.maxRetries ?? maxRetries);
    const idempotent = req.method !== 'POST' && req.method !== 'PATCH';
    for (let attempt = 0; ; attempt++) {
      caller?.throwIfAborted();
      if (auth && typeof auth !== 'string') {
        // A token function may take a while (a refresh): an abort meanwhile ends the call, unsent.
        const token = await unlessAborted(auth(), caller);
        if (req instanceof Prepared) {
          req.init.headers.authorization = token;
        } else {
          req.headers.set('Authorization', token);
        }
      }
      let slot: Slot | undefined;
      if (pacer) {
        try {
          const turn = pacer.acquire(caller, attempt > 0);
          slot = turn instanceof Promise ? await turn : turn;
        } catch (e) {
          throw e instanceof PacingRefusal ? refused(req, e) : e;
        }
      }
      let res: Response | undefined;
      const started = log.debug && Date.now();
      const { signal, end } = startAttempt(options.timeoutMs ?? timeoutMs, caller);
      const mayRetry = attempt < retries;
      let wait: number;
      let why: string;
      try {
        // globalThis.fetch is looked up per call, so a fetch installed after construction is used.
        const send = custom || fetch;
        res = await (req instanceof Prepared
          ? send(req.url, { ...req.init, signal })
          : send(mayRetry && req.body ? req.clone() : req, { signal }));
        const status = res.status;
        const retryable = status === 429 || (idempotent && (status === 408 || status > 499));
        const delay = retryable ? serverDelay(res.headers) : undefined;
        if (log.debug) {
          log.debug(
            `${describe([...callOf(req), res.headers.get('x-request-id')], String(status))}, attempt ${attempt + 1} of ${retries + 1}, ${Date.now() - started!} ms`,
          );
        }
        // A hint longer than maxWaitMs is not waited out: the caller gets RateLimitError (or the status's error) at once.
        if (!mayRetry || !retryable || delay! * 1000 > maxWaitMs) {
          if (state?.read) {
            state.data = await state.read(res);
          }
          if (!state?.keepOpen) {
            end();
          }
          slot?.release(res);
          // The abort may have come while the body was read by a fetch that does not watch its signal.
          caller?.throwIfAborted();
          return res;
        }
        end();
        res.body?.cancel().catch(() => {});
        slot?.release(res);
        // The pacer holds every call after a 429 (this one first in line); otherwise wait here, with jitter so
        // that calls told the same Retry-After do not all come back in the same millisecond.
        const paced = status === 429 && !!pacer?.paces429;
        wait = paced ? 0 : delay == null ? backoff(attempt) : delay * 1000 * (1 + Math.random() / 5);
        why = paced
          ? 'paced: the rate limit holds every call'
          : delay == null
            ? 'backoff'
            : res.headers.get('retry-after')
              ? 'Retry-After'
              : 'rate-limit reset';
      } catch (e) {
        end();
        slot?.release(res);
        if (caller?.aborted) {
          throw caller.reason;
        }
        if (log.debug) {
          log.debug(
            `${describe(callOf(req), `failed: ${(e as { cause?: { code?: string } }).cause?.code || (e as Error).message}`)}, attempt ${attempt + 1} of ${retries + 1}`,
          );
        }
        // A body that is not JSON is the server's answer, not a transport failure.
        if ((e as Error).name === 'InvalidResponseError') {
          throw e;
        }
        const neverSent = !signal.aborted && NEVER_SENT.test((e as { cause?: { code: string } }).cause?.code!);
        if (!mayRetry || !(idempotent || neverSent)) {
          throw e;
        }
        wait = backoff(attempt);
        why = 'backoff';
      }
      if (log.debug) {
        log.debug(
          `${req.method} ${callOf(req)[1]}: attempt ${attempt + 2} after ${(wait / 1000).toFixed(2)} s (${why})`,
        );
      }
      if (wait) {
        await sleep(wait, caller);
      }
    }
  };

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, each less up to 25 %. */
export const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() / 4);
