import type { Pacer, Slot } from './pacing.js';

/**
 * The part of a Bottleneck limiter (bottleneck 2.x) this adapter uses. Bottleneck is not a dependency of this
 * package: you install it (and ioredis) and pass your limiter in, so the default install stays one dependency.
 */
export interface BottleneckLike {
  schedule<T>(task: () => Promise<T>): Promise<T>;
  updateSettings(settings: { reservoir?: number | null }): unknown;
}

/**
 * Pacing shared between processes through Bottleneck's Redis clustering: every client built with a limiter
 * of the same `id` on the same Redis draws from one reservoir and one concurrency count. Configure the
 * limiter at your organisation's limit (e.g. `reservoir` + `reservoirIncreaseInterval/Amount/Maximum` for a
 * token bucket). What the server says still counts: a 429, or `X-RateLimit-Remaining: 0`, empties the shared
 * reservoir, so every process holds back until Bottleneck refills it; the call that got the 429 waits out
 * its own Retry-After (with jitter) before it queues again.
 */
export function bottleneckPacer(limiter: BottleneckLike): Pacer {
  return {
    paces429: false,
    acquire(signal) {
      signal?.throwIfAborted();
      return new Promise<Slot>((grant, refuse) => {
        let aborted = false;
        const onAbort = () => {
          aborted = true;
          refuse(signal!.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        limiter
          .schedule(
            () =>
              new Promise<void>((done) => {
                signal?.removeEventListener('abort', onAbort);
                // Bottleneck cannot take a job off its queue: one whose call was aborted is given back at once.
                if (aborted) {
                  return done();
                }
                let released = false;
                grant({
                  release: (res) => {
                    if (released) {
                      return;
                    }
                    released = true;
                    if (res && (res.status === 429 || res.headers.get('x-ratelimit-remaining') === '0')) {
                      void Promise.resolve(limiter.updateSettings({ reservoir: 0 })).catch(() => {});
                    }
                    done();
                  },
                });
              }),
          )
          .catch(refuse);
      });
    },
  };
}
