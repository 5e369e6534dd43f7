import type { AccessToken } from './auth.js';
import { BACKOFF_BASE_MS, BACKOFF_JITTER, BACKOFF_MAX_MS, RETRY_AFTER_JITTER } from './defaults.js';
import { RateLimitError, describe } from './errors.js';
import type { Log } from './log.js';
import { serverDelay } from './pacing-headers.js';
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
 * stalls is retried like a failed connection; what it returns comes back as `Sent.data`.
 */
export interface CallState {
  options: RequestOptions;
  read?: (res: Response) => Promise<unknown>;
  /** The body is handed to the caller unread (a stream): the attempt's timer keeps running over it. */
  keepOpen?: boolean;
  /** A body that can be sent once only (a stream): no retries. */
  once?: boolean;
}

/** The last attempt: its response, and its body as `CallState.read` returned it (undefined without `read`). */
export interface Sent {
  res: Response;
  data: unknown;
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
    if (signal?.aborted) {
      abort();
    } else {
      signal?.addEventListener('abort', abort);
    }
  });

/** `promise`, or a rejection with the signal's reason as soon as it aborts (the promise itself runs on). */
function unlessAborted<T>(promise: Promise<T> | T, signal?: AbortSignal): Promise<T> {
  if (!signal) {
    return Promise.resolve(promise);
  }
  signal.throwIfAborted();
  return new Promise<T>((ok, fail) => {
    const abort = () => fail(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    Promise.resolve(promise)
      .finally(() => signal.removeEventListener('abort', abort))
      .then(ok, fail);
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
  return new RateLimitError(
    describe(callOf(req), `rate limited: would wait ${seconds} s, more than maxRateLimitWaitMs`),
    { status: 429, requestId: undefined, headers: e.headers, body: undefined, errors: [], waitSeconds: seconds },
  );
}

/** A status worth another attempt: 429 always; 408 and 5xx (but 501 Not Implemented) only when idempotent. */
const shouldRetry = (status: number, idempotent: boolean) =>
  status === 429 || (idempotent && (status === 408 || (status > 499 && status !== 501)));

/** How long to wait before the next attempt after a retryable response, and why (for the debug log). */
function retryDelay(res: Response, attempt: number, paced: boolean): { wait: number; why: string } {
  // The pacer holds every call after a 429 (this one first in line): nothing to wait out here.
  if (paced) {
    return { wait: 0, why: 'paced: the rate limit holds every call' };
  }
  const delay = serverDelay(res.headers);
  if (delay === undefined) {
    return { wait: backoff(attempt), why: 'backoff' };
  }
  // Jitter, so that calls told the same Retry-After do not all come back in the same millisecond.
  return {
    wait: delay * 1000 * (1 + Math.random() * RETRY_AFTER_JITTER),
    why: res.headers.get('retry-after') ? 'Retry-After' : 'rate-limit reset',
  };
}

/** A transport failure worth another attempt: any for an idempotent call, else only one proven unsent. */
function retryableFailure(e: unknown, idempotent: boolean, timedOut: boolean): boolean {
  // A body that is not JSON is the server's answer, not a transport failure.
  if ((e as Error).name === 'InvalidResponseError') {
    return false;
  }
  const code = (e as { cause?: { code?: string } }).cause?.code;
  return idempotent || (!timedOut && NEVER_SENT.test(code ?? ''));
}

/** Sets the attempt's bearer token (a token function may refresh it; an abort meanwhile ends the call). */
async function authorize(req: Request | Prepared, auth: AccessToken | undefined, caller?: AbortSignal) {
  if (!auth || typeof auth === 'string') {
    return;
  }
  const token = await unlessAborted(auth(), caller);
  if (req instanceof Prepared) {
    req.init.headers.authorization = token;
  } else {
    req.headers.set('Authorization', token);
  }
}

/** A turn from the pacer; a refusal to wait becomes the RateLimitError a caller can act on. */
async function turn(
  req: Request | Prepared,
  pacer: Pacer | undefined,
  caller: AbortSignal | undefined,
  retry: boolean,
): Promise<Slot | undefined> {
  if (!pacer) {
    return undefined;
  }
  try {
    // acquire answers synchronously when the gate is open: no promise unless the call must wait.
    const slot = pacer.acquire(caller, retry);
    return slot instanceof Promise ? await slot : slot;
  } catch (e) {
    throw e instanceof PacingRefusal ? refused(req, e) : e;
  }
}

/** Sends one attempt: a Prepared as `fetch(url, init)`, a Request (cloned when it may be re-sent) as is. */
function sendOnce(send: FetchLike, req: Request | Prepared, signal: AbortSignal, mayRetry: boolean) {
  if (req instanceof Prepared) {
    return send(req.url, { ...req.init, signal });
  }
  return send(mayRetry && req.body ? req.clone() : req, { signal });
}

/**
 * Makes the transport under resource calls (given a Prepared) and under `raw` (as the fetch handed to
 * openapi-fetch: retries must live below it, since its middleware cannot re-send). Per attempt: a turn from the
 * pacer, a bearer token from the token function, a fresh timeout joined with the caller's signal, a clone of a
 * Request when it has a body and may be re-sent, and for resource calls the body read (`state.read`) within the
 * attempt. Retry policy: see README.md. Returns the last response and its read body (never throws for a status); throws what
 * fetch or the body threw. Without `state` (calls through `raw`), the caller's signal is the Request's own.
 */
export const retrying =
  ({ fetch: custom, maxRetries, timeoutMs, auth, pacer, maxWaitMs, log }: RetryingOptions) =>
  async (req: Request | Prepared, state?: CallState): Promise<Sent> => {
    const options = state ? state.options : {};
    const caller = state ? options.signal : (req as Request).signal;
    const retries = state?.once ? 0 : (options.maxRetries ?? maxRetries);
    const idempotent = req.method !== 'POST' && req.method !== 'PATCH';
    const trace = (attempt: number, what: string) =>
      log.debug?.(`${describe(callOf(req), what)}, attempt ${attempt + 1} of ${retries + 1}`);
    for (let attempt = 0; ; attempt++) {
      caller?.throwIfAborted();
      await authorize(req, auth, caller);
      const slot = await turn(req, pacer, caller, attempt > 0);
      const started = log.debug ? Date.now() : undefined;
      const { signal, end } = startAttempt(options.timeoutMs ?? timeoutMs, caller);
      const mayRetry = attempt < retries;
      let res: Response | undefined;
      let next: { wait: number; why: string };
      try {
        // globalThis.fetch is looked up per call, so a fetch installed after construction is used.
        res = await sendOnce(custom || fetch, req, signal, mayRetry);
        const status = res.status;
        if (log.debug) {
          log.debug(
            `${describe([...callOf(req), res.headers.get('x-request-id')], String(status))}, attempt ${attempt + 1} of ${retries + 1}, ${Date.now() - started!} ms`,
          );
        }
        const retryable = shouldRetry(status, idempotent);
        // A hint longer than maxWaitMs is not waited out: the caller gets RateLimitError (or the status's error) at once.
        const hint = retryable ? serverDelay(res.headers) : undefined;
        if (!mayRetry || !retryable || (hint ?? 0) * 1000 > maxWaitMs) {
          return await finish(res, state, end, slot, caller);
        }
        end();
        res.body?.cancel().catch(() => {});
        slot?.release(res);
        next = retryDelay(res, attempt, status === 429 && !!pacer?.paces429);
      } catch (e) {
        end();
        slot?.release(res);
        if (caller?.aborted) {
          throw caller.reason;
        }
        trace(attempt, `failed: ${(e as { cause?: { code?: string } }).cause?.code || (e as Error).message}`);
        if (!mayRetry || !retryableFailure(e, idempotent, signal.aborted)) {
          throw e;
        }
        next = { wait: backoff(attempt), why: 'backoff' };
      }
      log.debug?.(
        `${req.method} ${callOf(req)[1]}: attempt ${attempt + 2} after ${(next.wait / 1000).toFixed(2)} s (${next.why})`,
      );
      if (next.wait) {
        await sleep(next.wait, caller);
      }
    }
  };

/** The last attempt's response: its body read within the attempt (for resource calls), its turn given back. */
async function finish(
  res: Response,
  state: CallState | undefined,
  end: () => void,
  slot: Slot | undefined,
  caller: AbortSignal | undefined,
): Promise<Sent> {
  const data = state?.read ? await state.read(res) : undefined;
  if (!state?.keepOpen) {
    end();
  }
  slot?.release(res);
  // The abort may have come while the body was read by a fetch that does not watch its signal.
  caller?.throwIfAborted();
  return { res, data };
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, each less up to 25 % (defaults.ts). */
export const backoff = (attempt: number) =>
  Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_MAX_MS) * (1 - Math.random() * BACKOFF_JITTER);
