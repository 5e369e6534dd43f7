import type { AccessToken } from './auth.js';
import type { RequestOptions } from './client.js';
import { serverDelay } from './errors.js';

/** The fetch we call, as `fetch(request, { signal })`: the signal is the attempt's timeout joined with the caller's. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Per-call state shared with `BaseClient.request`, which calls `done` once the body has been read. */
export interface CallState {
  o: RequestOptions;
  done?: () => void;
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

/**
 * A timeout signal for an attempt starting now: it aborts between `ms` and `ms` + 5 % (at most + 25 ms) from
 * now. Attempts starting within that slack share one signal and one timer, because a signal and a timer per
 * attempt cost 15-20 µs on Node 20. A signal is never reused after its window, so no attempt inherits an
 * expired one (the trap of openapi-fetch issue #2567, a signal made once per client).
 */
let shared: { ms: number; end: number; signal: AbortSignal } | undefined;
export function timeoutSignal(ms: number): AbortSignal {
  const now = Date.now();
  if (!shared || shared.ms != ms || shared.end < now + ms) {
    const ac = new AbortController();
    const slack = Math.min(ms / 20, 25);
    shared = { ms, end: now + ms + slack, signal: ac.signal };
    (setTimeout(() => ac.abort(new DOMException('Timed out', 'TimeoutError')), ms + slack) as { unref?: () => void }).unref?.();
  }
  return shared.signal;
}

/**
 * Makes the fetch handed to openapi-fetch (retries must live below it: its middleware cannot re-send). Per
 * attempt: a bearer token from the token function, a fresh timeout joined with the caller's signal, a clone of
 * the request when it has a body and may be re-sent. Retry policy: see README.md. Returns the last response
 * (never throws for a status); throws what fetch threw. Without `s` (calls through `raw`), the caller's signal
 * is the Request's own.
 */
export interface RetryingOptions {
  fetch: FetchLike | undefined;
  maxRetries: number;
  timeoutMs: number;
  auth: AccessToken;
}

export const retrying =
  ({ fetch: custom, maxRetries, timeoutMs, auth }: RetryingOptions) =>
  async (req: Request, state?: CallState): Promise<Response> => {
    const options = state ? state.o : {};
    const caller = state ? options.signal : req.signal;
    const retries = options.maxRetries ?? maxRetries;
    const idempotent = req.method != 'POST' && req.method != 'PATCH';
    for (let attempt = 0; ; attempt++) {
      caller?.throwIfAborted();
      if (typeof auth != 'string') req.headers.set('Authorization', await auth());
      const timeout = timeoutSignal(options.timeoutMs ?? timeoutMs);
      let signal = timeout;
      if (caller) {
        // Joined by hand: AbortSignal.any costs ~30 µs a call on Node 20.
        const joined = new AbortController();
        const abort = () => joined.abort(caller.aborted ? caller.reason : timeout.reason);
        caller.addEventListener('abort', abort);
        timeout.addEventListener('abort', abort);
        signal = joined.signal;
        if (state)
          state.done = () => {
            caller.removeEventListener('abort', abort);
            timeout.removeEventListener('abort', abort);
          };
      }
      const mayRetry = attempt < retries;
      let res: Response;
      try {
        // globalThis.fetch is looked up per call, so a fetch installed after construction is used.
        res = await (custom || fetch)(mayRetry && req.body ? req.clone() : req, { signal });
      } catch (e) {
        state?.done?.();
        const neverSent = !timeout.aborted && NEVER_SENT.test((e as { cause?: { code: string } }).cause?.code!);
        if (!mayRetry || caller?.aborted || !(idempotent || neverSent)) throw e;
        await sleep(backoff(attempt), caller);
        continue;
      }
      const status = res.status;
      const retryable = status == 429 || (idempotent && (status == 408 || status > 499));
      const delay = retryable ? serverDelay(res.headers) : undefined;
      // A hint over 60 s is not waited out: the caller gets RateLimitError (or the status's error) at once.
      if (!mayRetry || !retryable || delay! > 60) return res;
      state?.done?.();
      res.body?.cancel();
      await sleep(delay == null ? backoff(attempt) : delay * 1e3, caller);
    }
  };

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, each less up to 25 %. */
export const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 8e3) * (1 - Math.random() / 4);
