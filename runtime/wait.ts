import type { RequestOptions } from './types.js';
import { ResourceFailedError, TimeoutError, describe } from './errors.js';
import { sleep } from './retry.js';

export interface WaitOptions<T> {
  /** Stop waiting when this returns true, e.g. `(n) => n.status.phase === 'READY'`. */
  until: (resource: T) => boolean;
  /** Give up (TimeoutError) after this long. Default 600000 (10 min). */
  timeoutMs?: number;
  /** Delay between polls. Default 5000. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** `BaseClient.request` fills this slot, when present, with the last exchange (method, path, request id). */
export const LAST = Symbol();
export type Traced = RequestOptions & { [LAST]?: [string, string, string | null] };

/**
 * Polls `get` every `intervalMs` until `until(resource)` holds. Throws ResourceFailedError (carrying the
 * resource) when `status.phase` is FAILED, TimeoutError once `timeoutMs` has passed; `signal` aborts it, with
 * the signal's reason. The deadline is checked between polls; each poll is bounded by the client's timeoutMs.
 */
export async function waitFor<T>(
  get: (o?: RequestOptions) => Promise<T>,
  { until, timeoutMs = 600_000, intervalMs = 5_000, signal }: WaitOptions<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const poll: Traced = { signal, [LAST]: ['waitFor', '', null] };
    const resource = await get(poll);
    if (until(resource)) {
      return resource;
    }
    const phase = (resource as { status?: { phase?: string } })?.status?.phase;
    if (phase === 'FAILED') {
      throw Object.assign(new ResourceFailedError(describe(poll[LAST]!, 'phase FAILED')), { resource });
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new TimeoutError(describe(poll[LAST]!, `still ${phase} after ${timeoutMs} ms`));
    }
    await sleep(Math.min(intervalMs, left), signal);
  }
}
