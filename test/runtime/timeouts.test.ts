import { describe, expect, it } from 'vitest';
import { TimeoutError } from './fixtures/client.js';
import { ConfluentCloud } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const env = { environment: 'env-1' };
const body = {
  spec: { cloud: 'AWS', region: 'us-east-1', connection_types: ['PRIVATELINK'], environment: { id: 'env-1' } },
};
const hang = () => {}; // never answers: the test's afterEach closes the connection

describe('timeouts', () => {
  it('times out each attempt and retries a GET', async () => {
    const s = await serve(hang);
    // Attempts are counted where they leave the client: a busy server may not have recorded one in time.
    let attempts = 0;
    const cc = new ConfluentCloud({
      ...creds,
      baseUrl: s.url,
      timeoutMs: 300,
      maxRetries: 1,
      fetch: (u, i) => {
        attempts++;
        return fetch(u, i);
      },
    });
    const t = Date.now();
    const e = await cc.networks.get('n-1', env).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as Error).message).toBe('GET /networking/v1/networks/n-1 → timed out (request id none)');
    expect(attempts).toBe(2);
    expect(Date.now() - t).toBeGreaterThanOrEqual(2 * 300 + 300); // two timeouts and a backoff of at least 375 ms
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('does not retry a POST that timed out (it may have been applied)', async () => {
    const s = await serve(hang);
    let attempts = 0;
    const cc = new ConfluentCloud({
      ...creds,
      baseUrl: s.url,
      timeoutMs: 300,
      fetch: (u, i) => {
        attempts++;
        return fetch(u, i);
      },
    });
    await expect(cc.networks.create(body)).rejects.toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(1);
  });

  it('gives each attempt a fresh timeout', async () => {
    // The first answer comes after the timeout; if the signal were shared, the retry would fail at once.
    const s = await serve((_, res, n) =>
      n === 1 ? void setTimeout(() => json(res, network('late')), 1500) : json(res, network('n-1')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRetries: 1 });
    await expect(cc.networks.get('n-1', env, { timeoutMs: 400 })).resolves.toMatchObject({ id: 'n-1' });
    await expect(cc.networks.get('n-1', env, { timeoutMs: 400 })).resolves.toMatchObject({ id: 'n-1' }); // the timer of call 1 is gone
    expect(s.hits.length).toBe(3);
  });

  it('times out a body that stalls after the headers', async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, timeoutMs: 150, maxRetries: 0 });
    await expect(cc.networks.get('n-1', env)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('aborts', () => {
  it("rejects with the caller's signal reason, as is", async () => {
    const ac = new AbortController();
    const reason = { why: 'user left' };
    const s = await serve(() => ac.abort(reason)); // aborted once the server has the request, never answered
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.get('n-1', env, { signal: ac.signal })).rejects.toBe(reason);
    expect(s.hits.length).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const s = await serve((_, res) => json(res, network('n-1')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const reason = new Error('stop');
    await expect(cc.networks.get('n-1', env, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(s.hits.length).toBe(0);
  });

  it('interrupts the wait between retries', async () => {
    const ac = new AbortController();
    const s = await serve((_, res) => {
      json(res, {}, { status: 503, headers: { 'retry-after': '30' } });
      setTimeout(() => ac.abort('enough'), 100);
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const t = Date.now();
    await expect(cc.networks.get('n-1', env, { signal: ac.signal })).rejects.toBe('enough');
    expect(Date.now() - t).toBeLessThan(1000);
    expect(s.hits.length).toBe(1);
  });

  it('aborts a body being read', async () => {
    const ac = new AbortController();
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      setTimeout(() => ac.abort('mid-body'), 100);
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.get('n-1', env, { signal: ac.signal })).rejects.toBe('mid-body');
  });
});
