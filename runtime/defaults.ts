// The retry and pacing defaults, in one place: the client uses them and the docs state them from here.

/** Retries after the first attempt. */
export const MAX_RETRIES = 2;
/** Per-attempt timeout, body included. */
export const TIMEOUT_MS = 60_000;
/** Attempts in flight at once, per client. */
export const MAX_CONCURRENCY = 10;
/** A longer wait for the rate limit fails the call with RateLimitError. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** Backoff before retry n (0-based): BACKOFF_BASE_MS × 2^n, capped at BACKOFF_MAX_MS, less up to BACKOFF_JITTER. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8000;
export const BACKOFF_JITTER = 0.25;
/** A Retry-After wait is stretched by up to this fraction, so calls told the same hint do not return together. */
export const RETRY_AFTER_JITTER = 0.2;
/** With nothing remaining and no reset stated, the gate stays closed this long. */
export const DEFAULT_RESET_S = 1;
/** A shared-pacing call to Redis that takes longer than this falls back to in-process pacing. */
export const REDIS_TIMEOUT_MS = 1000;
/** While another process probes the limit, ask Redis again after this long. */
export const REDIS_PROBE_POLL_MS = 10;
