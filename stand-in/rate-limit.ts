/// <reference types="node" />
// A token bucket per credential, reported the way Confluent Cloud does: X-RateLimit-Limit / -Remaining /
// -Reset (seconds from now, not an epoch time), and Retry-After on a 429.

export interface RateLimitOptions {
  /** Tokens added per second. */
  perSecond: number;
  /** Bucket size: how many requests may come at once (default: perSecond). */
  burst?: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;

  constructor(private readonly options: RateLimitOptions) {
    if (!(options.perSecond > 0)) {
      throw new Error(`rateLimit.perSecond must be a positive number, got ${options.perSecond}`);
    }
    this.burst = Math.max(1, Math.floor(options.burst ?? options.perSecond));
  }

  take(credential: string, now = Date.now()): RateLimitVerdict {
    const bucket = this.buckets.get(credential) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    this.buckets.set(credential, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) {
      bucket.tokens -= 1;
    }
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.burst),
      'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)),
      'X-RateLimit-Reset': String(Math.ceil((this.burst - bucket.tokens) / this.options.perSecond)),
    };
    if (!allowed) {
      headers['Retry-After'] = String(Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.perSecond)));
    }
    return { allowed, headers };
  }

  clear(): void {
    this.buckets.clear();
  }
}
