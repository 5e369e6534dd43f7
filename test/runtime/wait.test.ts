import { describe, expect, it } from 'vitest';
import { ResourceFailedError, TimeoutError } from './fixtures/client.js';
import { ConfluentCloud } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const env = { environment: 'env-1' };
const ready = { until: (n: { status?: { phase: string } }) => n.status?.phase === 'READY', intervalMs: 10 };

describe('waitFor', () => {
  it('polls until the resource is READY', async () => {
    const s = await serve((_, res, n) => json(res, network('n-1', n < 3 ? 'PROVISIONING' : 'READY')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.waitFor('n-1', env, ready)).resolves.toMatchObject({
      id: 'n-1',
      status: { phase: 'READY' },
    });
    expect(s.hits.length).toBe(3);
  });

  it('throws TimeoutError after timeoutMs, having polled a bounded number of times', async () => {
    const s = await serve((_, res) =>
      json(res, network('n-1', 'PROVISIONING'), { headers: { 'x-request-id': 'r-9' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const t = Date.now();
    const e = await cc.networks
      .waitFor('n-1', env, { ...ready, timeoutMs: 120, intervalMs: 30 })
      .catch((e: unknown) => e);
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as Error).message).toBe(
      'GET /networking/v1/networks/n-1 → still PROVISIONING after 120 ms (request id r-9)',
    );
    expect(Date.now() - t).toBeLessThan(3000);
    expect(s.hits.length).toBeGreaterThanOrEqual(2);
    expect(s.hits.length).toBeLessThanOrEqual(6);
  });

  it('throws ResourceFailedError carrying the resource when the phase is FAILED', async () => {
    const s = await serve((_, res, n) =>
      json(res, network('n-1', n < 2 ? 'PROVISIONING' : 'FAILED'), { headers: { 'x-request-id': 'r-f' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = (await cc.networks.waitFor('n-1', env, ready).catch((e: unknown) => e)) as ResourceFailedError;
    expect(e).toBeInstanceOf(ResourceFailedError);
    expect(e.name).toBe('ResourceFailedError');
    expect(e.resource).toMatchObject({ id: 'n-1', status: { phase: 'FAILED' } });
    expect(e.message).toBe('GET /networking/v1/networks/n-1 → phase FAILED (request id r-f)');
  });

  it("is aborted by its signal, with the signal's reason", async () => {
    const ac = new AbortController();
    // Aborted 80 ms after the first poll's answer, during the 5 s wait before the next.
    const s = await serve(
      (_, res) => (json(res, network('n-1', 'PROVISIONING')), void setTimeout(() => ac.abort('cancelled'), 80)),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.waitFor('n-1', env, { ...ready, intervalMs: 5000, signal: ac.signal })).rejects.toBe(
      'cancelled',
    );
    expect(s.hits.length).toBe(1);
  });

  it('passes its signal to each poll: an abort cancels a poll in flight', async () => {
    const ac = new AbortController();
    // The second poll never gets an answer; the abort comes while it is in flight.
    const s = await serve((_, res, n) =>
      n === 1 ? json(res, network('n-1', 'PROVISIONING')) : void setTimeout(() => ac.abort('cancelled'), 100),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, timeoutMs: 20_000, maxRetries: 0 });
    const t = Date.now();
    await expect(cc.networks.waitFor('n-1', env, { ...ready, signal: ac.signal })).rejects.toBe('cancelled');
    expect(Date.now() - t).toBeLessThan(3000);
    expect(s.hits.length).toBe(2);
  });

  it('lets API errors through', async () => {
    const s = await serve((_, res) => json(res, { errors: [{ detail: 'gone' }] }, { status: 404 }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.waitFor('n-1', env, ready)).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });
});
