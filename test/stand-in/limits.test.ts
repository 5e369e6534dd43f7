// Rate limits as the seeds document them (X-RateLimit-* with a relative Reset, 429 with Retry-After) and fault
// injection (5xx share, added latency, dropped connections), through the generated client on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, InternalServerError, RateLimitError } from '../../generated/src/index.js';
import { startStandIn, type StandIn } from '../../generated/src/testing/index.js';
import { ENV, recordingClient, responseChecker, type Exchange } from './helpers.js';

let stand: StandIn | undefined;
afterEach(async () => {
  await stand?.close();
  stand = undefined;
});

describe('rate limit', () => {
  it('a token bucket per credential: headers on every answer, then 429 with Retry-After', async () => {
    stand = await startStandIn({ rateLimit: { perSecond: 1, burst: 3 } });
    const log: Exchange[] = [];
    // Pacing off: this client fires into the empty bucket, so the stand-in's refusal shows.
    const cc = recordingClient(stand.url, { log, pacing: false });
    for (let i = 0; i < 3; i++) {
      await cc.networks.list({ environment: ENV });
    }
    expect(log.map((e) => e.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '0']);
    expect(log.every((e) => e.headers['x-ratelimit-limit'] === '3')).toBe(true);
    // Relative seconds until the bucket is full again, never an epoch time.
    expect(Number(log[2]!.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(2);
    expect(Number(log[2]!.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(3);
    const err = await cc.networks.list({ environment: ENV }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfter).toBe(1);
    expect(log.at(-1)!.headers['retry-after']).toBe('1');
    // Another credential has its own bucket.
    const other = await fetch(`${stand.url}/networking/v1/networks?environment=${ENV}`, {
      headers: { authorization: 'Bearer another' },
    });
    expect(other.status).toBe(200);
    const check = await responseChecker();
    expect(log.flatMap(check)).toEqual([]);
  });

  it('without pacing, the client waits out a 429 by Retry-After and then succeeds', async () => {
    stand = await startStandIn({ rateLimit: { perSecond: 2, burst: 1 } });
    const log: Exchange[] = [];
    const cc = recordingClient(stand.url, { log, maxRetries: 2, pacing: false });
    await cc.networks.list({ environment: ENV });
    const started = performance.now();
    await cc.networks.list({ environment: ENV });
    expect(log.map((e) => e.status)).toEqual([200, 429, 200]);
    expect(performance.now() - started).toBeGreaterThan(800);
  });

  it('with pacing (the default), the client holds the call until the reset: no 429 at all', async () => {
    stand = await startStandIn({ rateLimit: { perSecond: 2, burst: 1 } });
    const log: Exchange[] = [];
    const cc = recordingClient(stand.url, { log, maxRetries: 2 });
    await cc.networks.list({ environment: ENV });
    const started = performance.now();
    await cc.networks.list({ environment: ENV });
    expect(log.map((e) => e.status)).toEqual([200, 200]);
    expect(performance.now() - started).toBeGreaterThan(300);
  });

  it('is off when not asked for: no rate-limit headers', async () => {
    stand = await startStandIn();
    const log: Exchange[] = [];
    await recordingClient(stand.url, { log }).networks.list({ environment: ENV });
    expect(log[0]!.headers['x-ratelimit-limit']).toBeUndefined();
  });
});

describe('fault injection', () => {
  it('errorRate 1 answers every request with a 5xx carrying the Failure body', async () => {
    stand = await startStandIn({ faults: { errorRate: 1 } });
    const err = await recordingClient(stand.url, { log: [] })
      .networks.list({ environment: ENV })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as InternalServerError).status).toBe(503);
    expect((err as InternalServerError).errors[0]?.code).toBe('injected_fault');
  });

  it('a share of errors: about errorRate of many requests fail, repeatably with a seed', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startStandIn({ faults: { errorRate: 0.3 }, seed: 42 });
      const log: Exchange[] = [];
      const cc = recordingClient(s.url, { log });
      for (let i = 0; i < 40; i++) {
        await cc.networks.list({ environment: ENV }).catch(() => undefined);
      }
      await s.close();
      return log.map((e) => e.status);
    };
    const first = await run();
    const failed = first.filter((s) => s === 503).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    expect(await run()).toEqual(first);
  });

  it('latencyMs delays every answer', async () => {
    stand = await startStandIn({ faults: { latencyMs: 300 } });
    const cc = recordingClient(stand.url, { log: [] });
    await cc.networks.list({ environment: ENV });
    const started = performance.now();
    await cc.networks.list({ environment: ENV });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('dropRate 1 drops the connection without an answer', async () => {
    stand = await startStandIn({ faults: { dropRate: 1 } });
    const err = await recordingClient(stand.url, { log: [] })
      .networks.list({ environment: ENV })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
  });
});

it('a busy port gets a clear message', async () => {
  const first = await startStandIn();
  const port = Number(new URL(first.url).port);
  try {
    await expect(startStandIn({ port })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is busy: stop whatever uses it, or leave the port unset to pick a free one`,
    );
  } finally {
    await first.close();
  }
});

it('reset() forgets every resource; store shows what is kept', async () => {
  stand = await startStandIn();
  const cc = recordingClient(stand.url, { log: [] });
  const created = await cc.clusters.create({
    spec: {
      display_name: 'kept',
      availability: 'SINGLE_ZONE',
      cloud: 'GCP',
      region: 'us-east4',
      config: { kind: 'Basic' },
      environment: { id: ENV },
    },
  });
  expect(stand.store.get(created.id!)?.spec).toMatchObject({ display_name: 'kept' });
  expect(stand.store.all()).toHaveLength(1);
  stand.reset();
  expect(stand.store.all()).toEqual([]);
  expect((await cc.clusters.list({ environment: ENV })).data).toEqual([]);
});
