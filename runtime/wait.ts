import type { RequestOptions } from './client.js';
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
  { until, timeoutMs = 6e5, intervalMs = 5e3, signal }: WaitOptions<T>,
): Promise<T> {
  for (let end = Date.now() + timeoutMs, o: Traced, r, phase, left; ; await sleep(Math.min(intervalMs, left), signal)) {
    o = { signal, [LAST]: ['waitFor', '', null] };
    r = await get(o);
    if (until(r)) return r;
    phase = (r as { status?: { phase?: string } })?.status?.phase;
    if (phase == 'FAILED') throw Object.assign(new ResourceFailedError(describe(o[LAST]!, 'phase FAILED')), { resource: r });
    if ((left = end - Date.now()) <= 0) throw new TimeoutError(describe(o[LAST]!, `still ${phase} after ${timeoutMs} ms`));
  }
}
