/** What one attempt is sent with, and how to let it go once its body has been read (or it failed). */
export interface Attempt {
  /** Aborts with a `TimeoutError` DOMException when time is up, or with the caller's reason. */
  signal: AbortSignal;
  /** Takes the attempt off its timer and unhooks the caller's signal. */
  end: () => void;
}

interface Window {
  ms: number;
  /** When its timer fires. */
  firesAt: number;
  live: Set<AbortController>;
}
let current: Window | undefined;

/**
 * Every attempt gets its own AbortController, aborted by the caller's signal or when its time is up. Timers are
 * shared: attempts starting within 5 % of `ms` (at most 25 ms) of each other hang on one timer, because a timer
 * per attempt (AbortSignal.timeout, or any() to join it) costs 15-40 µs a call on Node 20; so a timeout may
 * fire up to 25 ms late. Signals are never shared: undici leaves one abort listener per fetch on a signal until
 * GC, which makes every later fetch on it slower, and an expired shared signal would fail later attempts at once
 * (the trap of openapi-fetch issue #2567, a signal made once per client).
 */
export function startAttempt(ms: number, caller?: AbortSignal): Attempt {
  const now = Date.now();
  let window = current;
  if (!window || window.ms != ms || window.firesAt < now + ms) {
    const slack = Math.min(ms / 20, 25);
    const live = new Set<AbortController>();
    window = current = { ms, firesAt: now + ms + slack, live };
    // Longer than setTimeout can count (about 24.8 days) means no timeout, not an immediate one.
    if (ms + slack < 2 ** 31) {
      const timer = setTimeout(() => live.forEach((c) => c.abort(new DOMException('Timed out', 'TimeoutError'))), ms + slack);
      (timer as { unref?: () => void }).unref?.();
    }
  }
  const controller = new AbortController();
  const live = window.live;
  const abort = () => controller.abort(caller!.reason);
  live.add(controller);
  // A listener added to an already-aborted signal never fires.
  if (caller?.aborted) abort();
  else caller?.addEventListener('abort', abort);
  return {
    signal: controller.signal,
    end: () => {
      live.delete(controller);
      caller?.removeEventListener('abort', abort);
    },
  };
}
