// Pacing shared between processes through Redis (runtime/pacing-redis.ts). Each test starts its own
// redis-server on 127.0.0.1. Speed figures are the bench's (bench/cases/fleet.ts); these tests check logic:
// that the budget is shared, that a 429 closes the gate for every client, that an abort ends a wait, and that
// losing Redis (at start or mid-run) leaves the calls running on in-process pacing with one warning.
import { execSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { fleet, freePort, startRedis, type RedisServer } from '../../bench/fleet/run.js';
import { PacingRefusal, RedisPacer } from '../../runtime/index.js';
import { bucketServer } from './fixtures/bucket.js';
import { ConfluentCloud } from './fixtures/client.js';

let redis: RedisServer | undefined;
afterEach(async () => {
  await redis?.stop();
  redis = undefined;
});

/** The budget's state in Redis, as the scripts keep it. */
const state = (port: number, budget: string): Record<string, string> => {
  const lines = execSync(`redis-cli -p ${port} HGETALL 'pacing:{${budget}}'`).toString().trim().split('\n');
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < lines.length; i += 2) {
    fields[lines[i]] = lines[i + 1];
  }
  return fields;
};

const limited = (headers: Record<string, string>, status = 200) => new Response(null, { status, headers });

describe('pacing shared through Redis', () => {
  for (const processes of [2, 4]) {
    it(`${processes} worker processes draw every turn from one budget, with zero failures`, async () => {
      redis = await startRedis();
      const bucket = await bucketServer({ rate: 200, burst: 50 });
      try {
        const { results } = await fleet({
          baseUrl: bucket.url,
          mode: 'shared',
          processes,
          calls: 40,
          redisUrl: redis.url,
          budget: 'fleet',
        });
        expect(results.map((r) => r.failed)).toEqual(Array(processes).fill(0));
        expect(bucket.served).toBe(processes * 40);
        // Every attempt of every process took its turn from the one shared budget (retries take one too).
        expect(Number(state(redis.port, 'fleet').seq)).toBe(bucket.served + bucket.refused);
      } finally {
        await bucket.close();
      }
    }, 60_000);
  }

  it('a 429 closes the gate for every client of the budget, and an abort ends the wait', async () => {
    redis = await startRedis();
    const a = new RedisPacer({ redis: redis.url, budget: 'gate', maxWaitMs: 5_000 });
    const b = new RedisPacer({ redis: redis.url, budget: 'gate', maxWaitMs: 5_000 });
    const slot = await a.acquire(undefined, false);
    slot.release(limited({ 'retry-after': '30', 'x-ratelimit-remaining': '0' }, 429));
    await new Promise((r) => setTimeout(r, 50)); // the release reaches Redis
    // b never saw the 429; it is held for 30 s, longer than its maxWaitMs: refused at once, unsent.
    const refusal = await Promise.resolve(b.acquire(undefined, false)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(PacingRefusal);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as PacingRefusal).waitMs).toBeGreaterThan(25_000);
    // With a long enough maxWaitMs b waits; the caller's abort ends that wait with its reason.
    const patient = new RedisPacer({ redis: redis.url, budget: 'gate', maxWaitMs: 60_000 });
    const controller = new AbortController();
    const waiting = Promise.resolve(patient.acquire(controller.signal, false));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  }, 30_000);

  it('Redis unreachable at start: calls pace in process, one warning, nothing hangs', async () => {
    const bucket = await bucketServer({ rate: 1000, burst: 1000 });
    const warnings: string[] = [];
    const logger = { error() {}, warn: (m: string) => warnings.push(m), info() {}, debug() {} };
    try {
      const port = await freePort(); // nothing listens there
      const cc = new ConfluentCloud({
        apiKey: 'k',
        apiSecret: 'secret-of-the-test',
        baseUrl: bucket.url,
        logger,
        pacing: { redis: `redis://127.0.0.1:${port}`, budget: 'none' },
      });
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, () => cc.networks.get('n-1', { environment: 'e' })),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(warnings.filter((w) => w.includes('shared pacing'))).toHaveLength(1);
    } finally {
      await bucket.close();
    }
  }, 30_000);

  it('Redis killed mid-run: the calls go on with one warning; sharing resumes when it is back', async () => {
    redis = await startRedis();
    const bucket = await bucketServer({ rate: 1000, burst: 1000, delayMs: 5 });
    const warnings: string[] = [];
    const logger = { error() {}, warn: (m: string) => warnings.push(m), info() {}, debug() {} };
    try {
      const cc = new ConfluentCloud({
        apiKey: 'k',
        apiSecret: 'secret-of-the-test',
        baseUrl: bucket.url,
        logger,
        maxConcurrency: 2,
        pacing: { redis: redis.url, budget: 'kill' },
      });
      const get = () => cc.networks.get('n-1', { environment: 'e' });
      await get(); // connected and shared
      expect(Number(state(redis.port, 'kill').seq)).toBe(1);
      const port = redis.port;
      const run = Promise.allSettled(Array.from({ length: 100 }, get));
      // Killed once some calls have gone through it.
      while (bucket.served < 10) {
        await new Promise((r) => setTimeout(r, 5));
      }
      await redis.stop();
      const results = await run;
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(warnings.filter((w) => w.includes('shared pacing'))).toHaveLength(1);
      // Back on the same port, empty: ioredis reconnects, and the next calls share again.
      redis = await startRedis(port);
      for (let i = 0; i < 100 && !state(port, 'kill').seq; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await get();
      }
      expect(Number(state(port, 'kill').seq)).toBeGreaterThan(0);
      expect(warnings.filter((w) => w.includes('shared pacing'))).toHaveLength(1);
    } finally {
      await bucket.close();
    }
  }, 60_000);
});
