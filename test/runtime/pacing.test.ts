// Pacing at the rate limit, through the generated client, against real loopback servers.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfluentCloud, type RateLimitWait } from './fixtures/client.js';
import { bucketServer, type Bucket } from './fixtures/bucket.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const env = { environment: 'env-1' };
const buckets: Bucket[] = [];
afterEach(async () => {
  for (const b of buckets.splice(0)) {
    await b.close();
  }
});
async function bucket(options: Parameters<typeof bucketServer>[0]) {
  const b = await bucketServer(options);
  buckets.push(b);
  return b;
}
const outcome = (results: PromiseSettledResult<unknown>[]) => results.filter((r) => r.status === 'rejected').length;

describe('pacing', () => {
  it('sends a burst of 10× the limit with no failure and hardly any 429', async () => {
    const b = await bucket({ rate: 100, burst: 20, decimals: true });
    // 64 may be in flight, as many as the burst three times over: only the count of what remains holds them.
    const cc = new ConfluentCloud({ ...creds, baseUrl: b.url, maxConcurrency: 64 });
    const t = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => cc.networks.get('n-1', env)));
    const took = Date.now() - t;
    expect(outcome(results)).toBe(0);
    expect(b.served).toBe(200);
    // The 2 % target is the bench's (bench/cases/rate-limit.ts). Here, on a 2-core machine busy with other work,
    // answers reach the client late and its count of what remains lags: 11 were seen under load. Unpaced, the
    // same burst draws over 30 (next test), so this bound still tells pacing from none.
    expect(b.refused).toBeLessThanOrEqual(16);
    expect(took).toBeGreaterThanOrEqual(1500); // (200 - 20) / 100 s: the server's rate, not faster
    expect(took).toBeLessThan(6000);
  });

  it('without pacing, the same burst fails calls and draws dozens of 429s (as before)', async () => {
    const b = await bucket({ rate: 100, burst: 20, decimals: true });
    const cc = new ConfluentCloud({ ...creds, baseUrl: b.url, pacing: false });
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => cc.networks.get('n-1', env)));
    expect(outcome(results)).toBeGreaterThan(0);
    expect(b.refused).toBeGreaterThan(30);
  });

  it('a 429 holds every other call of the client until Retry-After has passed, then lets one probe go first', async () => {
    const arrivals: number[] = [];
    const s = await serve((_, res, n) => {
      arrivals.push(Date.now());
      if (n === 1) {
        json(res, {}, { status: 429, headers: { 'retry-after': '1' } });
      } else {
        setTimeout(() => json(res, network('n-1')), 30);
      }
    });
    const waits: RateLimitWait[] = [];
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, onRateLimitWait: (w) => waits.push(w) });
    const first = cc.networks.get('n-1', env);
    for (let i = 0; i < 100 && !waits.length; i++) {
      await new Promise((r) => setTimeout(r, 20)); // the 429 has come
    }
    const limitedAt = arrivals[0];
    const others = Array.from({ length: 5 }, () => cc.networks.get('n-1', env));
    await Promise.all([first, ...others]);
    expect(arrivals.length).toBe(7);
    // Nothing reached the server during the pause.
    for (const at of arrivals.slice(1)) {
      expect(at - limitedAt, 'sent during the pause').toBeGreaterThanOrEqual(950);
    }
    // The probe (the retried call, first in line) went alone: the next came after its answer (30 ms later).
    expect(arrivals[2] - arrivals[1], 'probe alone').toBeGreaterThanOrEqual(25);
    expect(waits[0]).toMatchObject({ reason: 'retry-after' });
    expect(waits[0].resumesInMs, 'resumes in').toBeGreaterThan(500);
    expect(waits[0].resumesInMs).toBeLessThanOrEqual(1000);
    expect(
      waits.map((w) => w.queued),
      'queued counts',
    ).toContain(6);
  });

  it('with pacing off, a 429 holds only its own call (as before)', async () => {
    const arrivals: number[] = [];
    const s = await serve((_, res, n) => {
      arrivals.push(Date.now());
      return n === 1 ? json(res, {}, { status: 429, headers: { 'retry-after': '1' } }) : json(res, network('n-1'));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, pacing: false });
    const first = cc.networks.get('n-1', env);
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all(Array.from({ length: 5 }, () => cc.networks.get('n-1', env)));
    expect(arrivals.slice(1).every((at) => at - arrivals[0] < 900)).toBe(true);
    await first;
  });

  it('with pacing off, calls told the same Retry-After come back spread out, not in one millisecond', async () => {
    // Each call's wait, from its 429 to its retry, measured at the server by a per-call header.
    const limited = new Map<string, number>();
    const waited: number[] = [];
    const s = await serve((h, res) => {
      const id = String(h.headers['x-call']);
      if (!limited.has(id)) {
        limited.set(id, Date.now());
        return json(res, {}, { status: 429, headers: { 'retry-after': '2' } });
      }
      waited.push(Date.now() - limited.get(id)!);
      json(res, network('n-1'));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, pacing: false });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => cc.networks.get('n-1', env, { headers: { 'x-call': String(i) } })),
    );
    expect(waited.length).toBe(20);
    expect(Math.min(...waited)).toBeGreaterThanOrEqual(1950);
    // Up to 20 % more than asked, at random: 20 waits spread over most of 400 ms. Waited out exactly, they lie
    // within the machine's noise (about 90 ms on a busy 2-core machine, measured).
    expect(Math.max(...waited) - Math.min(...waited)).toBeGreaterThanOrEqual(200);
  });

  it('aborts a call waiting in the queue at once, and never sends it', async () => {
    const s = await serve((_, res, n) =>
      n === 1 ? json(res, {}, { status: 429, headers: { 'retry-after': '2' } }) : json(res, network('n-1')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRetries: 0 });
    await expect(cc.networks.get('n-1', env)).rejects.toMatchObject({ status: 429 });
    const ac = new AbortController();
    const t = Date.now();
    const queued = cc.networks.get('n-1', env, { signal: ac.signal });
    setTimeout(() => ac.abort('no longer needed'), 100);
    await expect(queued).rejects.toBe('no longer needed');
    expect(Date.now() - t).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 2300)); // past the pause: the aborted call must not go out then
    expect(s.hits.length).toBe(1);
  });

  it('keeps at most maxConcurrency attempts in flight (10 by default); unlimited without pacing', async () => {
    const most: Record<string, number> = {};
    for (const [name, options] of [
      ['3', { maxConcurrency: 3 }],
      ['default', {}],
      ['off', { pacing: false }],
    ] as const) {
      const b = await bucket({ rate: 1000, burst: 1000, delayMs: 150 });
      const cc = new ConfluentCloud({ ...creds, baseUrl: b.url, ...options });
      await Promise.all(Array.from({ length: 24 }, () => cc.networks.get('n-1', env)));
      most[name] = b.maxInFlight;
    }
    expect([most['3'], most.default]).toEqual([3, 10]);
    expect(most.off).toBeGreaterThan(10);
  });

  it('refuses a maxConcurrency below 1 when the client is made (it would hold every call forever)', () => {
    expect(() => new ConfluentCloud({ ...creds, maxConcurrency: 0 })).toThrow(
      'maxConcurrency must be 1 or more, not 0',
    );
  });
});
