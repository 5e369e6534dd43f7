import type { AccessToken } from './auth.js';
import { serverDelay } from './errors.js';
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
  if (!signal) return Promise.resolve(promise);
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
  auth: AccessToken;
}

/**
 * Makes the transport under resource calls (given a Prepared) and under `raw` (as the fetch handed to
 * openapi-fetch: retries must live below it, since its middleware cannot re-send). Per attempt: a bearer token
 * from the token function, a fresh timeout joined with the caller's signal, a clone of a Request when it has a
 * body and may be re-sent, and for resource calls the body read (`state.read`) within the attempt. Retry
 * policy: see README.md. Returns the last response (never throws for a status); throws what fetch or the
 * body threw. Without `state` (calls through `raw`), the caller's signal is the Request's own.
 */
export const retrying =
  ({ fetch: custom, maxRetries, timeoutMs, auth }: RetryingOptions) =>
  async (req: Request | Prepared, state?: CallState): Promise<Response> => {
    const options = state ? state.options : {};
    const caller = state ? options.signal : (req as Request).signal;
    const retries = state?.once ? 0 : (options.maxRetries ?? maxRetries);
    const idempotent = req.method != 'POST' && req.method != 'PATCH';
    for (let attempt = 0; ; attempt++) {
      caller?.throwIfAborted();
      if (typeof auth != 'string') {
        // A token function may take a while (a refresh): an abort meanwhile ends the call, unsent.
        const token = await unlessAborted(auth(), caller);
        if (req instanceof Prepared) req.init.headers.authorization = token;
        else req.headers.set('Authorization', token);
      }
      const { signal, end } = startAttempt(options.timeoutMs ?? timeoutMs, caller);
      const mayRetry = attempt < retries;
      let res: Response;
      try {
        // globalThis.fetch is looked up per call, so a fetch installed after construction is used.
        const send = custom || fetch;
        res = await (req instanceof Prepared ? send(req.url, { ...req.init, signal }) : send(mayRetry && req.body ? req.clone() : req, { signal }));
        const status = res.status;
        const retryable = status == 429 || (idempotent && (status == 408 || status > 499));
        const delay = retryable ? serverDelay(res.headers) : undefined;
        // A hint over 60 s is not waited out: the caller gets RateLimitError (or the status's error) at once.
        if (mayRetry && retryable && !(delay! > 60)) {
          end();
          res.body?.cancel().catch(() => {});
          await sleep(delay == null ? backoff(attempt) : delay * 1000, caller);
          continue;
        }
        if (state?.read) state.data = await state.read(res);
      } catch (e) {
        end();
        if (caller?.aborted) throw caller.reason;
        // A body that is not JSON is the server's answer, not a transport failure.
        if ((e as Error).name == 'InvalidResponseError') throw e;
        const neverSent = !signal.aborted && NEVER_SENT.test((e as { cause?: { code: string } }).cause?.code!);
        if (!mayRetry || !(idempotent || neverSent)) throw e;
        await sleep(backoff(attempt), caller);
        continue;
      }
      if (!state?.keepOpen) end();
      // The abort may have come while the body was read by a fetch that does not watch its signal.
      caller?.throwIfAborted();
      return res;
    }
  };

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, each less up to 25 %. */
export const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() / 4);
