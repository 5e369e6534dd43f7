// Pacing shared between processes through Redis: one budget per id, learnt from the server's headers as the
// in-process pacer learns them (pacing.ts), kept in one Redis hash and changed only by two Lua scripts
// (pacing-redis-scripts.ts). Calls ask for turns in batches: one round trip grants every turn this process
// is waiting for, and the answers of one tick go back in one round trip. If Redis is unreachable the calls
// go on with in-process pacing (one warning); when it is back, sharing resumes.
import { MAX_CONCURRENCY, MAX_RATE_LIMIT_WAIT_MS, REDIS_PROBE_POLL_MS, REDIS_TIMEOUT_MS } from './defaults.js';
import type { Log } from './log.js';
import { limitFacts, type LimitFacts } from './pacing-headers.js';
import { ACQUIRE, RELEASE } from './pacing-redis-scripts.js';
import { LocalPacer, PacingRefusal, type Pacer, type RateLimitWait, type Slot } from './pacing.js';

/** The part of an ioredis client (ioredis 5) that shared pacing uses. ioredis is an optional peer dependency. */
export interface RedisLike {
  readonly status: string;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  script(command: 'LOAD', script: string): Promise<unknown>;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** What a user configures: where Redis is, and which budget (one per organisation's limit). */
export interface SharedPacing {
  /** An ioredis client, or a URL such as `redis://redis.internal:6379` (then ioredis must be installed). */
  redis: RedisLike | string;
  /** Every client with the same budget id on the same Redis shares one rate limit. */
  budget: string;
}

export interface RedisPacerOptions extends SharedPacing {
  maxConcurrency?: number;
  maxWaitMs?: number;
  onWait?: (wait: RateLimitWait) => void;
  log?: Pick<Log, 'warn' | 'info'>;
}

interface Waiter {
  grant: (slot: Slot) => void;
  refuse: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  retry: boolean;
}

type Reply = [granted: number, waitMs: number, why: string, first: number];

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Rejects after `ms`, so a Redis that stopped answering cannot hold a call. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer from Redis in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Opens a connection for a URL; ioredis is loaded only then, so it is needed only by those who share. */
async function connect(url: string): Promise<RedisLike> {
  let mod: { default: new (url: string, options: object) => RedisLike & { stream?: { unref?(): void } } };
  try {
    mod = (await import('ioredis' as string)) as typeof mod;
  } catch {
    throw new Error('shared pacing needs ioredis: npm install ioredis');
  }
  // No offline queue: while Redis is away a command fails at once, and the calls pace in process.
  const client = new mod.default(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  // The pacing connection alone must not keep the process alive.
  client.on('connect', () => client.stream?.unref?.());
  return client;
}

export class RedisPacer implements Pacer {
  readonly paces429 = true;
  readonly #key: string;
  readonly #local: LocalPacer;
  readonly #options: RedisPacerOptions;
  #redis: RedisLike | undefined;
  #sha: string | undefined;
  /** Sharing is on; false while Redis is unreachable (the local pacer serves). */
  #shared = true;
  #queue: Waiter[] = [];
  #inFlight = 0;
  #pumping = false;
  /** Answers not yet told to Redis. */
  #answered = 0;
  #unused = 0;
  #facts: LimitFacts | undefined;
  /** The turn number of the answer in #facts. */
  #turn = 0;
  /** Connected once: from then on, a connection not ready means Redis was lost. */
  #everReady = false;
  #started = 0;

  constructor(options: RedisPacerOptions) {
    this.#options = options;
    this.#key = `pacing:{${options.budget}}`;
    this.#local = new LocalPacer({
      maxConcurrency: options.maxConcurrency ?? MAX_CONCURRENCY,
      maxWaitMs: options.maxWaitMs ?? MAX_RATE_LIMIT_WAIT_MS,
      onWait: options.onWait,
    });
    const ready = typeof options.redis === 'string' ? connect(options.redis) : Promise.resolve(options.redis);
    ready.then(
      (redis) => {
        this.#redis = redis;
        // ioredis reports a lost connection as an 'error' event; without a listener it would print each one.
        redis.on('error', () => {});
        redis.on('ready', () => this.#resume());
        this.#everReady = redis.status === 'ready';
      },
      (e: Error) => this.#fail(e),
    );
  }

  acquire(signal: AbortSignal | undefined, retry: boolean): Slot | Promise<Slot> {
    if (this.#shared && this.#everReady && this.#redis!.status !== 'ready') {
      this.#fail(new Error(`connection ${this.#redis!.status}`));
    }
    if (!this.#shared) {
      return this.#local.acquire(signal, retry);
    }
    signal?.throwIfAborted();
    return new Promise<Slot>((grant, refuse) => {
      const waiter: Waiter = { grant, refuse, signal, retry };
      if (signal) {
        waiter.onAbort = () => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          refuse(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      if (retry) {
        this.#queue.unshift(waiter);
      } else {
        this.#queue.push(waiter);
      }
      void this.#pump();
    });
  }

  /** Asks Redis for as many turns as calls wait (up to maxConcurrency in flight); waits when it says so. */
  async #pump(): Promise<void> {
    if (this.#pumping) {
      return;
    }
    this.#pumping = true;
    this.#started ||= Date.now();
    const max = this.#options.maxConcurrency ?? MAX_CONCURRENCY;
    try {
      while (this.#shared && this.#queue.length && this.#inFlight < max) {
        if (this.#redis?.status !== 'ready') {
          // Still connecting: wait a little for the first connection, then pace in process.
          const lost = this.#redis && /^(reconnecting|end|close)$/.test(this.#redis.status);
          if (lost || Date.now() - this.#started > REDIS_TIMEOUT_MS) {
            throw new Error(this.#redis ? `connection ${this.#redis.status}` : 'no connection');
          }
          await sleep(REDIS_PROBE_POLL_MS);
          continue;
        }
        this.#everReady = true;
        this.#flush();
        const want = Math.min(this.#queue.length, max - this.#inFlight);
        const [granted, waitMs, why, first] = (await this.#run(ACQUIRE, [want])) as Reply;
        this.#hand(granted, first);
        if (granted === 0) {
          this.#hold(waitMs, why === 'r' ? 'retry-after' : 'rate-limit-reset');
          await sleep(waitMs || REDIS_PROBE_POLL_MS);
        }
      }
    } catch (e) {
      this.#fail(e as Error);
    } finally {
      this.#pumping = false;
    }
  }

  /** Gives `granted` turns to the first waiters; turns whose call was aborted meanwhile go back. */
  #hand(granted: number, first: number) {
    for (let i = 0; i < granted; i++) {
      const waiter = this.#queue.shift();
      if (!waiter) {
        this.#unused += granted - i;
        this.#flush();
        return;
      }
      if (waiter.onAbort) {
        waiter.signal!.removeEventListener('abort', waiter.onAbort);
      }
      this.#inFlight++;
      waiter.grant(this.#slot(first + i));
    }
  }

  #hold(waitMs: number, reason: RateLimitWait['reason']) {
    if (!waitMs) {
      return;
    }
    const maxWaitMs = this.#options.maxWaitMs ?? MAX_RATE_LIMIT_WAIT_MS;
    if (waitMs > maxWaitMs) {
      const headers = new Headers({ 'retry-after': String(Math.ceil(waitMs / 1000)) });
      for (const waiter of this.#queue.splice(0)) {
        if (waiter.onAbort) {
          waiter.signal!.removeEventListener('abort', waiter.onAbort);
        }
        waiter.refuse(new PacingRefusal(waitMs, headers));
      }
      return;
    }
    this.#options.onWait?.({ queued: this.#queue.length, resumesInMs: waitMs, reason });
  }

  #slot(turn: number): Slot {
    let released = false;
    return {
      release: (res) => {
        if (released) {
          return;
        }
        released = true;
        this.#inFlight--;
        this.#answered++;
        const facts = res && limitFacts(res);
        // A 429's hold must reach Redis even when a later answer of the same tick says nothing of it.
        const hold = this.#facts?.holdS !== undefined;
        if (facts && (facts.holdS !== undefined || (!hold && turn >= this.#turn))) {
          this.#facts = facts;
          this.#turn = turn;
        }
        queueMicrotask(() => this.#flush());
        void this.#pump();
      },
    };
  }

  /** Tells Redis what the answers of this tick said, in one script call. */
  #flush() {
    if ((!this.#answered && !this.#unused) || !this.#redis || !this.#shared) {
      return;
    }
    const f = this.#facts;
    const args = [
      this.#answered,
      this.#unused,
      f?.remaining ?? -1,
      f?.reset ?? -1,
      f?.limit ?? -1,
      f?.holdS ?? -1,
      f?.reason === 'retry-after' ? 'r' : '',
      this.#turn,
    ];
    this.#answered = 0;
    this.#unused = 0;
    this.#facts = undefined;
    this.#turn = 0;
    this.#run(RELEASE, args).catch((e: Error) => this.#fail(e));
  }

  async #run(script: string, args: (string | number)[]): Promise<unknown> {
    const redis = this.#redis!;
    if (!this.#sha) {
      this.#sha = String(await within(redis.script('LOAD', ACQUIRE), REDIS_TIMEOUT_MS));
      this.#releaseSha = String(await within(redis.script('LOAD', RELEASE), REDIS_TIMEOUT_MS));
    }
    const sha = script === ACQUIRE ? this.#sha : this.#releaseSha!;
    try {
      return await within(redis.evalsha(sha, 1, this.#key, ...args), REDIS_TIMEOUT_MS);
    } catch (e) {
      // Redis restarted without its script cache.
      if (String((e as Error).message).startsWith('NOSCRIPT')) {
        return within(redis.eval(script, 1, this.#key, ...args), REDIS_TIMEOUT_MS);
      }
      throw e;
    }
  }
  #releaseSha: string | undefined;

  /** Redis failed: warn once, and let the local pacer serve every waiting and new call. Returns true. */
  #fail(e: Error): true {
    if (this.#shared) {
      this.#shared = false;
      this.#options.log?.warn?.(
        `shared pacing: Redis unavailable (${e.message}); pacing in this process until it is back`,
      );
    }
    for (const waiter of this.#queue.splice(0)) {
      if (waiter.onAbort) {
        waiter.signal!.removeEventListener('abort', waiter.onAbort);
      }
      Promise.resolve()
        .then(() => this.#local.acquire(waiter.signal, waiter.retry))
        .then(waiter.grant, waiter.refuse);
    }
    return true;
  }

  #resume() {
    this.#everReady = true;
    if (!this.#shared) {
      this.#shared = true;
      this.#sha = undefined;
      this.#options.log?.info?.('shared pacing: Redis is back; sharing the budget again');
    }
  }
}
