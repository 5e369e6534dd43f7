import type { AccessToken } from './auth.js';
import type { RequestOptions } from './client.js';
import { serverDelay } from './errors.js';
import { startAttempt } from './timeout.js';

/**
 * The fetch we call: `fetch(url, init)` for resource calls, `fetch(request, { signal })` for calls through `raw`.
 * Either way the signal is the attempt's timeout joined with the caller's.
 */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>;

/**
 * A resource call as fetch's arguments: fetch builds its own Request from them anyway, so a Request made
 * beforehand is pure cost (about 40 µs a call on Node 20), and a string body can be re-sent without cloning.
 */
export class Prepared {
  constructor(
    readonly url: string,
    readonly init: { method: string; headers: Record<string, string>; body?: string },
  ) {}
  get method(): string {
    return this.init.method;
  }
}

/** Per-call state shared with `BaseClient.request`, which calls `done` once the body has been read. */
export interface CallState {
  options: RequestOptions;
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
 * Makes the transport under resource calls (given a Prepared) and under `raw` (as the fetch handed to
 * openapi-fetch: retries must live below it, since its middleware cannot re-send). Per attempt: a bearer token
 * from the token function, a fresh timeout joined with the caller's signal, a clone of a Request when it has a
 * body and may be re-sent. Retry policy: see README.md. Returns the last response (never throws for a status);
 * throws what fetch threw. Without `state` (calls through `raw`), the caller's signal is the Request's own.
 */
export interface RetryingOptions {
  fetch: FetchLike | undefined;
  maxRetries: number;
  timeoutMs: number;
  auth: AccessToken;
}

export const retrying =
  ({ fetch: custom, maxRetries, timeoutMs, auth }: RetryingOptions) =>
  async (req: Request | Prepared, state?: CallState): Promise<Response> => {
    const options = state ? state.options : {};
    const caller = state ? options.signal : (req as Request).signal;
    const retries = options.maxRetries ?? maxRetries;
    const idempotent = req.method != 'POST' && req.method != 'PATCH';
    for (let attempt = 0; ; attempt++) {
      caller?.throwIfAborted();
      if (typeof auth != 'string') {
        const token = await auth();
        if (req instanceof Prepared) req.init.headers.authorization = token;
        else req.headers.set('Authorization', token);
      }
      const { signal, end } = startAttempt(options.timeoutMs ?? timeoutMs, caller);
      if (state) state.done = end;
      const mayRetry = attempt < retries;
      let res: Response;
      try {
        // globalThis.fetch is looked up per call, so a fetch installed after construction is used.
        const send = custom || fetch;
        res = await (req instanceof Prepared ? send(req.url, { ...req.init, signal }) : send(mayRetry && req.body ? req.clone() : req, { signal }));
      } catch (e) {
        end();
        const neverSent = !signal.aborted && NEVER_SENT.test((e as { cause?: { code: string } }).cause?.code!);
        if (!mayRetry || caller?.aborted || !(idempotent || neverSent)) throw e;
        await sleep(backoff(attempt), caller);
        continue;
      }
      const status = res.status;
      const retryable = status == 429 || (idempotent && (status == 408 || status > 499));
      const delay = retryable ? serverDelay(res.headers) : undefined;
      // A hint over 60 s is not waited out: the caller gets RateLimitError (or the status's error) at once.
      if (!mayRetry || !retryable || delay! > 60) return res;
      end();
      res.body?.cancel();
      await sleep(delay == null ? backoff(attempt) : delay * 1000, caller);
    }
  };

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, each less up to 25 %. */
export const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() / 4);
