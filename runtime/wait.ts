// Waiting for a resource to settle or to be gone, after the facts the generator emits per resource (its
// Lifecycle): which phases mean working, settled, failed and deleting, and how long a create or delete may take.
// Like the AWS SDK's waiters and Terraform's create/delete timeouts, with errors that stop the wait at once.
import {
  ConnectionError,
  GoneError,
  InternalServerError,
  RateLimitError,
  ResourceFailedError,
  TimeoutError,
  describe,
  type CallInfo,
} from './errors.js';
import { sleep } from './retry.js';
import type { Exchange, RequestOptions } from './types.js';

/** A time limit: `ms`, or by the value of a field of the resource (e.g. a cluster's `spec.config.kind`). */
export interface TimeoutRule {
  ms: number;
  by?: { field: readonly string[]; ms: Readonly<Record<string, number>> };
}

/** One resource's lifecycle, as the model states it; generated code passes it, the runtime knows no phases. */
export interface Lifecycle {
  /** Where the phase is, e.g. `['status', 'phase']`. */
  phase: readonly string[];
  /** Where a failure's message is, e.g. `['status', 'error_message']`. */
  errorMessage?: readonly string[];
  working: readonly string[];
  settled: readonly string[];
  failed: readonly string[];
  deleting: readonly string[];
  create: TimeoutRule;
  delete: TimeoutRule;
  /** The delay before the second poll; each later delay doubles, up to `maxPollMs`. */
  firstPollMs: number;
  maxPollMs: number;
}

/** Time, for the wait's deadline and its pauses; tests pass their own. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep };

export interface WaitOptions<T> {
  /** Stop waiting when this returns true. Default: the phase is one of the resource's settled phases. */
  until?: (resource: T) => boolean;
  /** Give up (TimeoutError) after this long. Default: the resource's create (or delete) timeout. */
  timeoutMs?: number;
  /** Delay before the second poll (the first is at once); later delays double. Default: the resource's. */
  intervalMs?: number;
  /** The longest delay between polls. Default: the resource's (60 s for Confluent Cloud). */
  maxIntervalMs?: number;
  signal?: AbortSignal;
  /** For tests: the time the wait reads and sleeps on. */
  clock?: Clock;
}

const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);

/** The time limit a rule gives for this resource. */
export function limitOf(rule: TimeoutRule, resource: unknown): number {
  const value = rule.by ? at(resource, rule.by.field) : undefined;
  return (typeof value === 'string' ? rule.by?.ms[value] : undefined) ?? rule.ms;
}

/** An answer worth polling through: the service is busy or unreachable for a moment. */
const transient = (e: unknown) =>
  e instanceof InternalServerError ||
  e instanceof RateLimitError ||
  e instanceof ConnectionError ||
  e instanceof TimeoutError;

interface Poll<T> {
  get: (o?: RequestOptions) => Promise<T>;
  lifecycle: Lifecycle;
  wait: WaitOptions<T>;
  /** Which limit applies when the caller gives none. */
  kind: 'create' | 'delete';
  /** Whether the resource, as polled, ends the wait. */
  done: (resource: T) => boolean;
}

/** What one poll gave: the resource, or the transient error it failed with. */
type Seen<T> = { ok: true; resource: T } | { ok: false; error: unknown };

async function polling<T>({ get, lifecycle, wait, kind, done }: Poll<T>): Promise<T> {
  const clock = wait.clock ?? realClock;
  const started = clock.now();
  let call: CallInfo = ['GET', '', null];
  const options: RequestOptions = {
    signal: wait.signal,
    onExchange: (x: Exchange) => {
      call = [x.method, x.path, x.requestId];
    },
  };
  let delay = wait.intervalMs ?? lifecycle.firstPollMs;
  let limit = wait.timeoutMs;
  for (;;) {
    const seen: Seen<T> = await get(options).then(
      (resource): Seen<T> => ({ ok: true, resource }),
      (error: unknown) => {
        if (transient(error) && !wait.signal?.aborted) {
          return { ok: false, error };
        }
        throw error;
      },
    );
    if (seen.ok) {
      const resource = seen.resource;
      limit ??= limitOf(lifecycle[kind], resource);
      if (done(resource)) {
        return resource;
      }
      const phase = at(resource, lifecycle.phase);
      if (typeof phase === 'string' && lifecycle.failed.includes(phase)) {
        const message = lifecycle.errorMessage ? at(resource, lifecycle.errorMessage) : undefined;
        const errorMessage = typeof message === 'string' && message ? message : undefined;
        throw new ResourceFailedError(describe(call, `phase ${phase}${errorMessage ? `: ${errorMessage}` : ''}`), {
          resource,
          errorMessage,
        });
      }
    }
    const spent = clock.now() - started;
    const left = (limit ?? lifecycle[kind].ms) - spent;
    if (left <= 0) {
      const phase = seen.ok ? at(seen.resource, lifecycle.phase) : undefined;
      const what = seen.ok ? `still ${String(phase)}` : `still failing (${(seen.error as Error).message})`;
      throw new TimeoutError(describe(call, `${what} after ${spent} ms`), { cause: seen.ok ? undefined : seen.error });
    }
    await clock.sleep(Math.min(delay, left), wait.signal);
    delay = Math.min(delay * 2, wait.maxIntervalMs ?? lifecycle.maxPollMs);
  }
}

/**
 * Polls `get` until `until(resource)` holds (by default: its phase is settled). Throws ResourceFailedError on a
 * failure phase, TimeoutError after the limit, and at once any error that is not transient (400, 401, a real 403,
 * a GoneError); 5xx, 429 and a dropped connection are polled through. `signal` aborts it, with its reason.
 */
export function waitFor<T>(get: (o?: RequestOptions) => Promise<T>, lifecycle: Lifecycle, wait: WaitOptions<T> = {}) {
  const settled = (r: T) => {
    const phase = at(r, lifecycle.phase);
    return typeof phase === 'string' && lifecycle.settled.includes(phase);
  };
  return polling({ get, lifecycle, wait, kind: 'create', done: wait.until ?? settled });
}

/**
 * Polls `get` until the resource is gone (a GoneError: 404, or the API's stand-in for one) and resolves then.
 * Fails like `waitFor`: on a failure phase, after the delete limit, and at once on an error that is not transient.
 */
export async function waitUntilDeleted<T>(
  get: (o?: RequestOptions) => Promise<T>,
  lifecycle: Lifecycle,
  wait: Omit<WaitOptions<T>, 'until'> = {},
): Promise<void> {
  try {
    await polling({ get, lifecycle, wait, kind: 'delete', done: () => false });
  } catch (e) {
    if (e instanceof GoneError) {
      return;
    }
    throw e;
  }
}
