// Pacing: one state per client, shared by all its calls, so that what one response says about the rate limit
// holds back every other call. See README.md "Pacing" for the rules and why they are written here.
import { DEFAULT_RESET_S } from './defaults.js';
import { limitFacts } from './pacing-headers.js';

/** What a progress hook hears when calls start waiting for the rate limit. */
export interface RateLimitWait {
  /** Calls waiting (this one included). */
  queued: number;
  /** When the calls resume, in ms from now. */
  resumesInMs: number;
  reason: 'retry-after' | 'rate-limit-reset';
}

/** A turn to send one attempt; `release` gives it back with the response, when one came. */
export interface Slot {
  release(res?: Response): void;
}

/** Refused to wait: the rate limit would hold the call longer than `maxRateLimitWaitMs`. */
export class PacingRefusal extends Error {
  static {
    PacingRefusal.prototype.name = 'PacingRefusal';
  }
  constructor(
    readonly waitMs: number,
    /** The headers of the response that closed the gate. */
    readonly headers: Headers,
  ) {
    super(`the rate limit would hold the call ${Math.ceil(waitMs / 1000)} s, more than maxRateLimitWaitMs`);
  }
}

/**
 * The pluggable pacing state. `acquire` resolves when an attempt may be sent (or at once), rejects with the
 * signal's reason on abort and with a PacingRefusal when the wait would be too long. `paces429` says the pacer
 * itself holds calls back after a 429 (so the retry loop does not wait out `Retry-After` a second time).
 */
export interface Pacer {
  acquire(signal: AbortSignal | undefined, retry: boolean): Slot | Promise<Slot>;
  readonly paces429: boolean;
}

export interface LocalPacerOptions {
  /** Attempts in flight at once, at most. */
  maxConcurrency: number;
  /** A longer wait for the rate limit fails the call with RateLimitError. */
  maxWaitMs: number;
  onWait?: (wait: RateLimitWait) => void;
}

interface Waiter {
  grant: (slot: Slot) => void;
  refuse: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * The in-memory pacer (the default). Rules, from the server's own headers:
 * - until a first response has come, one attempt at a time, so a first burst cannot overrun an unknown limit;
 * - it counts what remains (`X-RateLimit-Remaining`, less the attempts still in flight, which the server has
 *   not counted yet); at 0 it holds new attempts until `X-RateLimit-Reset` (relative seconds);
 * - a 429 holds every call until its `Retry-After` (or reset) has passed, then lets one probe go first;
 * - waiting calls go out in order (a retry first), at most `maxConcurrency` at once.
 */
export class LocalPacer implements Pacer {
  readonly paces429 = true;
  #inFlight = 0;
  #queue: Waiter[] = [];
  /** Attempts the server will still accept; undefined: not known. */
  #remaining: number | undefined;
  #limit: number | undefined;
  /** One at a time until a response has taught us the limit (or that there is none). */
  #probing = true;
  /** No attempt goes out before this time (ms since epoch). */
  #closedUntil = 0;
  #closedBy: Headers = new Headers();
  #reason: RateLimitWait['reason'] = 'rate-limit-reset';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LocalPacerOptions) {}

  acquire(signal: AbortSignal | undefined, retry: boolean): Slot | Promise<Slot> {
    if (!this.#queue.length && this.#open(Date.now())) {
      return this.#grant();
    }
    const wait = this.#closedUntil - Date.now();
    if (wait > this.options.maxWaitMs) {
      throw new PacingRefusal(wait, this.#closedBy);
    }
    signal?.throwIfAborted();
    return new Promise<Slot>((grant, refuse) => {
      const waiter: Waiter = { grant, refuse, signal };
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
      // One more call waits behind a closed gate: tell the hook the new count.
      if (this.#timer) {
        this.options.onWait?.({
          queued: this.#queue.length,
          resumesInMs: Math.max(0, this.#closedUntil - Date.now()),
          reason: this.#reason,
        });
      }
      this.#pump();
    });
  }

  #open(now: number): boolean {
    if (this.#inFlight >= this.options.maxConcurrency || now < this.#closedUntil) {
      return false;
    }
    if (this.#probing) {
      return this.#inFlight === 0;
    }
    return this.#remaining === undefined || this.#remaining > 0;
  }

  #grant(): Slot {
    this.#inFlight++;
    if (this.#remaining !== undefined) {
      this.#remaining--;
    }
    let released = false;
    return {
      release: (res) => {
        if (released) {
          return;
        }
        released = true;
        this.#inFlight--;
        if (res) {
          this.#learn(res);
        } else if (this.#probing) {
          this.#probing = false; // no answer to learn from: do not stall the others
        }
        this.#pump();
      },
    };
  }

  /** Takes in what a response says about the limit. */
  #learn(res: Response) {
    this.#probing = false;
    const now = Date.now();
    // Nothing about a limit (one Headers lookup, about 1 µs): the common case costs no more.
    const facts = limitFacts(res, now);
    if (!facts) {
      return;
    }
    this.#limit = facts.limit ?? this.#limit;
    if (facts.remaining !== undefined) {
      // Attempts still in flight were sent after the server counted this one; they will use up tokens too.
      const estimate = Math.max(0, facts.remaining - this.#inFlight);
      this.#remaining =
        this.#remaining === undefined || now >= this.#closedUntil ? estimate : Math.min(this.#remaining, estimate);
      // Nothing left: hold until the reset (a second when the server does not say).
      if (this.#remaining === 0) {
        this.#close(now + (facts.reset ?? DEFAULT_RESET_S) * 1000, 'rate-limit-reset', res.headers);
      }
    }
    if (facts.reason) {
      this.#remaining = 0;
      // After the pause the limit is unknown again, so one probe goes first.
      this.#probing = true;
      this.#close(now + Math.max(0, facts.holdS ?? DEFAULT_RESET_S) * 1000, facts.reason, res.headers);
    }
  }

  #close(until: number, reason: RateLimitWait['reason'], headers: Headers) {
    if (until <= this.#closedUntil) {
      return;
    }
    this.#closedUntil = until;
    this.#closedBy = headers;
    this.#reason = reason;
  }

  /** Lets waiting calls go while the gate is open; otherwise sets one timer for when it opens. */
  #pump() {
    const now = Date.now();
    // Our count says nothing remains, yet no response is due and no reset is known: probe rather than stall.
    if (this.#remaining === 0 && !this.#inFlight && now >= this.#closedUntil) {
      this.#remaining = undefined;
      this.#probing = true;
    }
    while (this.#queue.length && this.#open(now)) {
      const waiter = this.#queue.shift()!;
      if (waiter.onAbort) {
        waiter.signal!.removeEventListener('abort', waiter.onAbort);
      }
      waiter.grant(this.#grant());
    }
    if (!this.#queue.length || now >= this.#closedUntil || this.#timer) {
      return;
    }
    const wait = this.#closedUntil - now;
    if (wait > this.options.maxWaitMs) {
      for (const waiter of this.#queue.splice(0)) {
        if (waiter.onAbort) {
          waiter.signal!.removeEventListener('abort', waiter.onAbort);
        }
        waiter.refuse(new PacingRefusal(wait, this.#closedBy));
      }
      return;
    }
    this.options.onWait?.({ queued: this.#queue.length, resumesInMs: wait, reason: this.#reason });
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // The window has reset: the bucket is full again, as far as we know.
      if (this.#remaining === 0) {
        this.#remaining = this.#limit;
      }
      this.#pump();
    }, wait);
  }
}
