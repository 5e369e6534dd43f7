// Every delay and count the client reads from a response's headers: the retry loop, the pacers and
// RateLimitError all read them here, so `Retry-After` and `X-RateLimit-*` are parsed one way.

/** A numeric header, or undefined when absent, empty or not a number. */
export function numberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value === null || value === '' || Number.isNaN(+value) ? undefined : +value;
}

/** `Retry-After` in seconds (a number of seconds or an HTTP date; a date in the past is 0), or undefined. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) {
    return undefined;
  }
  const seconds = +value >= 0 ? +value : (Date.parse(value) - now) / 1000;
  return seconds < 0 ? 0 : seconds >= 0 ? seconds : undefined;
}

/**
 * The server's wait hint in seconds: `Retry-After` first; else, when `X-RateLimit-Remaining` is 0,
 * `X-RateLimit-Reset`, which Confluent sends as RELATIVE seconds.
 */
export function serverDelay(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = retryAfterSeconds(headers, now);
  if (retryAfter !== undefined || headers.get('retry-after')) {
    return retryAfter;
  }
  if (headers.get('x-ratelimit-remaining') !== '0') {
    return undefined;
  }
  const reset = numberHeader(headers, 'x-ratelimit-reset');
  return reset === undefined ? undefined : Math.max(0, reset);
}

/** What one response says about the rate limit. */
export interface LimitFacts {
  remaining?: number;
  /** Seconds until the window resets (relative). */
  reset?: number;
  limit?: number;
  /** Seconds a 429 asks everyone to hold (Retry-After, else reset); undefined when not a 429. */
  holdS?: number;
  reason?: 'retry-after' | 'rate-limit-reset';
}

/** Reads the limit headers once; undefined when the response says nothing about a limit (the common case). */
export function limitFacts(res: Response, now = Date.now()): LimitFacts | undefined {
  const headers = res.headers;
  const remaining = numberHeader(headers, 'x-ratelimit-remaining');
  if (remaining === undefined && res.status !== 429) {
    return undefined;
  }
  const facts: LimitFacts = {
    remaining,
    reset: numberHeader(headers, 'x-ratelimit-reset'),
    limit: numberHeader(headers, 'x-ratelimit-limit'),
  };
  if (res.status === 429) {
    const retryAfter = retryAfterSeconds(headers, now);
    facts.holdS = retryAfter ?? facts.reset;
    facts.reason = retryAfter === undefined ? 'rate-limit-reset' : 'retry-after';
  }
  return facts;
}
