import { describe, expect, it } from 'vitest';
import { ConnectionError, InternalServerError, RateLimitError } from './fixtures/client.js';
import { backoff } from '../../runtime/retry.js';
import { serverDelay } from '../../runtime/errors.js';
import { ConfluentCloud } from './fixtures/client.js';
import { deadPort, json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const env = { environment: 'env-1' };
const body = {
  spec: { cloud: 'AWS', region: 'us-east-1', connection_types: ['PRIVATELINK'], environment: { id: 'env-1' } },
};

describe('retries', () => {
  it('retries a GET on 503 and stops after maxRetries', async () => {
    const s = await serve((_, res) => json(res, { errors: [] }, { status: 503, headers: { 'retry-after': '0' } }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.get('n-1', env)).rejects.toBeInstanceOf(InternalServerError);
    expect(s.hits.length).toBe(3);
    await expect(cc.networks.get('n-1', env, { maxRetries: 0 })).rejects.toMatchObject({ status: 503 });
    expect(s.hits.length).toBe(4);
  });

  it('does not retry a 501 Not Implemented: another attempt cannot succeed', async () => {
    const s = await serve((_, res) => json(res, { errors: [] }, { status: 501 }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.get('n-1', env)).rejects.toMatchObject({ status: 501 });
    expect(s.hits.length).toBe(1);
  });

  it('retries a DELETE on 500 and 408, then succeeds', async () => {
    const s = await serve((_, res, n) =>
      n === 1
        ? json(res, {}, { status: 500, headers: { 'retry-after': '0' } })
        : n === 2
          ? json(res, {}, { status: 408, headers: { 'retry-after': '0' } })
          : json(res, undefined, { status: 204 }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.delete('n-1', env)).resolves.toBeUndefined();
    expect(s.hits.map((h) => h.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });

  it('backs off exponentially when the server gives no hint: each wait longer than the last', async () => {
    const times: number[] = [];
    const s = await serve((_, res, n) => {
      times.push(Date.now());
      return n <= 2 ? json(res, {}, { status: 503 }) : json(res, network('n-1'));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRetries: 2 });
    await cc.networks.get('n-1', env);
    expect(s.hits.length).toBe(3);
    const [first, second] = [times[1] - times[0], times[2] - times[1]];
    // 0.5 s then 1 s, each less up to 25 % jitter: 375-500 ms, then 750-1000 ms (a constant 0.5 s fails here).
    expect(first).toBeGreaterThanOrEqual(330);
    expect(second).toBeGreaterThanOrEqual(700);
    expect(second).toBeGreaterThan(first * 1.4);
  });

  it('does not retry a POST on 503, nor a PATCH on 500', async () => {
    const s = await serve((h, res) =>
      json(res, {}, { status: h.method === 'PATCH' ? 500 : 503, headers: { 'retry-after': '0' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.create(body)).rejects.toMatchObject({ name: 'InternalServerError', status: 503 });
    expect(s.hits.length).toBe(1);
    await expect(cc.networks.update('n-1', { spec: { environment: { id: 'env-1' } } })).rejects.toMatchObject({
      name: 'InternalServerError',
      status: 500,
    });
    expect(s.hits.map((h) => h.method)).toEqual(['POST', 'PATCH']);
  });

  it('retries a POST on 429 and re-sends the same body', async () => {
    const s = await serve((_, res, n) =>
      n === 1
        ? json(res, {}, { status: 429, headers: { 'retry-after': '0' } })
        : json(res, network('n-9', 'PROVISIONING'), { status: 202 }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.create(body)).resolves.toMatchObject({ id: 'n-9' });
    expect(s.hits.map((h) => JSON.parse(h.body))).toEqual([body, body]);
  });

  it('re-sends the same body through `raw` too (a Request, cloned per attempt)', async () => {
    const s = await serve((_, res, n) =>
      n === 1
        ? json(res, {}, { status: 429, headers: { 'retry-after': '0' } })
        : json(res, network('n-9', 'PROVISIONING'), { status: 202 }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const { data } = await cc.raw.POST('/networking/v1/networks', { body });
    expect(data).toMatchObject({ id: 'n-9' });
    expect(s.hits.map((h) => JSON.parse(h.body))).toEqual([body, body]);
  });

  it('honours Retry-After in seconds', async () => {
    const s = await serve((_, res, n) =>
      n === 1 ? json(res, {}, { status: 429, headers: { 'retry-after': '1' } }) : json(res, network('n-1')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const t = Date.now();
    await cc.networks.get('n-1', env);
    expect(Date.now() - t).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const s = await serve((_, res, n) =>
      n === 1
        ? json(res, {}, { status: 503, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } })
        : json(res, network('n-1')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const t = Date.now();
    await cc.networks.get('n-1', env);
    const took = Date.now() - t;
    expect(took).toBeGreaterThanOrEqual(900); // the date has whole seconds: 1-2 s from now
    expect(took).toBeLessThan(3000);
  });

  it('reads X-RateLimit-Reset as relative seconds when X-RateLimit-Remaining is 0', async () => {
    const s = await serve((_, res, n) =>
      n === 1
        ? json(res, {}, { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' } })
        : json(res, network('n-1')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const t = Date.now();
    await cc.networks.get('n-1', env);
    const took = Date.now() - t;
    expect(took).toBeGreaterThanOrEqual(950); // as an epoch, 1 would be long past: no wait at all
    expect(took).toBeLessThan(2500);
  });

  it('throws RateLimitError at once when the server asks for more than 60 s', async () => {
    const s = await serve((_, res, n) =>
      json(
        res,
        { errors: [{ detail: 'slow down' }] },
        {
          status: 429,
          headers: n === 1 ? { 'retry-after': '120' } : { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3600' },
        },
      ),
    );
    // Pacing off: each call is sent and fails on its own answer.
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, pacing: false });
    const t = Date.now();
    const e1 = await cc.networks.get('n-1', env).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(RateLimitError);
    expect((e1 as RateLimitError).retryAfter).toBe(120);
    expect((e1 as RateLimitError).message).toBe(
      'GET /networking/v1/networks/n-1 → 429 Too Many Requests (request id req-429): slow down',
    );
    const e2 = await cc.networks.create(body).catch((e: unknown) => e);
    expect((e2 as RateLimitError).retryAfter).toBe(3600);
    expect(s.hits.length).toBe(2);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('with pacing, fails later calls at once without sending them while the limit holds longer than maxRateLimitWaitMs', async () => {
    const s = await serve((_, res) =>
      json(res, { errors: [{ detail: 'slow down' }] }, { status: 429, headers: { 'retry-after': '120' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const t = Date.now();
    await expect(cc.networks.get('n-1', env)).rejects.toMatchObject({ name: 'RateLimitError', retryAfter: 120 });
    const e = (await cc.networks.create(body).catch((e: unknown) => e)) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.message).toBe(
      'POST /networking/v1/networks → rate limited: would wait 120 s, more than maxRateLimitWaitMs (request id none)',
    );
    expect(e.retryAfter).toBeGreaterThanOrEqual(119);
    expect(e.retryAfter).toBeLessThanOrEqual(120);
    expect(s.hits.length).toBe(1);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('takes a caller-set bound: a wait over maxRateLimitWaitMs fails fast, one under it is waited out', async () => {
    const s = await serve((_, res, n) =>
      n <= 2 ? json(res, {}, { status: 429, headers: { 'retry-after': '1' } }) : json(res, network('n-1')),
    );
    const strict = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRateLimitWaitMs: 500 });
    await expect(strict.networks.get('n-1', env)).rejects.toMatchObject({
      name: 'RateLimitError',
      status: 429,
      retryAfter: 1,
    });
    expect(s.hits.length).toBe(1);
    const patient = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRateLimitWaitMs: 5000 });
    await expect(patient.networks.get('n-1', env)).resolves.toMatchObject({ id: 'n-1' });
    expect(s.hits.length).toBe(3);
  });

  it('gives RateLimitError.retryAfter after retries run out', async () => {
    const s = await serve((_, res) => json(res, {}, { status: 429, headers: { 'retry-after': '0' } }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRetries: 1 });
    await expect(cc.networks.get('n-1', env)).rejects.toMatchObject({
      name: 'RateLimitError',
      status: 429,
      retryAfter: 0,
    });
    expect(s.hits.length).toBe(2);
  });

  it('retries even a POST when the connection was refused (it never reached a server)', async () => {
    const baseUrl = await deadPort();
    let calls = 0;
    const cc = new ConfluentCloud({
      ...creds,
      baseUrl,
      maxRetries: 1,
      fetch: (r, i) => {
        calls++;
        return fetch(r, i);
      },
    });
    const e = await cc.networks.create(body).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toBe(
      `POST /networking/v1/networks → connection to ${new URL(baseUrl).host} failed: ECONNREFUSED (request id none)`,
    );
    expect(calls).toBe(2);
  });

  it('retries a GET but not a POST when the connection is reset after sending', async () => {
    const s = await serve((_, res, n) => (n === 2 ? json(res, network('n-1')) : void res.socket!.destroy()));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.get('n-1', env)).resolves.toMatchObject({ id: 'n-1' });
    expect(s.hits.length).toBe(2);
    await expect(cc.networks.create(body)).rejects.toBeInstanceOf(ConnectionError);
    expect(s.hits.length).toBe(3);
  });
});

describe('delay helpers', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it('parses the server hints', () => {
    expect(serverDelay(h({ 'retry-after': '7' }))).toBe(7);
    expect(serverDelay(h({ 'retry-after': '0' }))).toBe(0);
    expect(serverDelay(h({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }))).toBe(0); // in the past
    const soon = serverDelay(h({ 'retry-after': new Date(Date.now() + 30_000).toUTCString() }))!;
    expect(soon).toBeGreaterThan(28);
    expect(soon).toBeLessThanOrEqual(30);
    expect(serverDelay(h({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(serverDelay(h({ 'retry-after': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9' }))).toBe(5);
    expect(serverDelay(h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9' }))).toBe(9);
    expect(serverDelay(h({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '9' }))).toBeUndefined();
    expect(serverDelay(h({ 'x-ratelimit-remaining': '0' }))).toBeUndefined();
    expect(serverDelay(h({}))).toBeUndefined();
  });
  it('backs off from 0.5 s to 8 s with jitter', () => {
    for (let i = 0; i < 50; i++) {
      expect(backoff(0)).toBeGreaterThanOrEqual(375);
      expect(backoff(0)).toBeLessThanOrEqual(500);
      expect(backoff(1)).toBeLessThanOrEqual(1000);
      expect(backoff(1)).toBeGreaterThanOrEqual(750);
      expect(backoff(10)).toBeLessThanOrEqual(8000);
      expect(backoff(10)).toBeGreaterThanOrEqual(6000);
    }
  });
});
