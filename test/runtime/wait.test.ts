import { describe, expect, it } from 'vitest';
import { limitOf } from '../../runtime/wait.js';
import {
  AuthenticationError,
  BadRequestError,
  ConfluentCloud,
  NETWORK_LIFECYCLE,
  PermissionDeniedError,
  ResourceFailedError,
  TimeoutError,
  type Clock,
} from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret', maxRetries: 0 };
const env = { environment: 'env-1' };

/** A clock the wait reads and sleeps on: each sleep moves time on at once, and is recorded. */
function fakeClock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
  return { clock, sleeps };
}

const forbidden = {
  errors: [{ id: 'e-1', status: '403', code: 'forbidden_access', detail: 'Forbidden Access', source: {} }],
};

describe('waitFor', () => {
  it('polls at once, then after 5 s, doubling to the 60 s cap, until a settled phase (no until needed)', async () => {
    const s = await serve((_, res, n) => json(res, network('n-1', n < 8 ? 'PROVISIONING' : 'READY')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const { clock, sleeps } = fakeClock();
    await expect(cc.networks.waitFor('n-1', env, { clock })).resolves.toMatchObject({ status: { phase: 'READY' } });
    expect(s.hits.length).toBe(8);
    expect(sleeps).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });

  it('takes until when given', async () => {
    const s = await serve((_, res, n) => json(res, network('n-1', n < 2 ? 'PROVISIONING' : 'DEPROVISIONING')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const { clock } = fakeClock();
    const until = (r: { status?: { phase?: string } }) => r.status?.phase === 'DEPROVISIONING';
    await expect(cc.networks.waitFor('n-1', env, { clock, until })).resolves.toMatchObject({
      status: { phase: 'DEPROVISIONING' },
    });
  });

  it("gives up after the resource's create timeout (2 h for networks), naming the call", async () => {
    const s = await serve((_, res) =>
      json(res, network('n-1', 'PROVISIONING'), { headers: { 'x-request-id': 'r-9' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const { clock, sleeps } = fakeClock();
    const e = await cc.networks.waitFor('n-1', env, { clock }).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as Error).message).toBe(
      'GET /networking/v1/networks/n-1 → still PROVISIONING after 7200000 ms (request id r-9)',
    );
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(NETWORK_LIFECYCLE.create.ms);
  });

  it('throws ResourceFailedError carrying the resource and status.error_message', async () => {
    const failed = { ...network('n-1', 'FAILED'), status: { phase: 'FAILED', error_message: 'Permission was denied' } };
    const s = await serve((_, res, n) =>
      json(res, n < 2 ? network('n-1', 'PROVISIONING') : failed, { headers: { 'x-request-id': 'r-f' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = (await cc.networks.waitFor('n-1', env, fakeClock()).catch((e: unknown) => e)) as ResourceFailedError;
    expect(e).toBeInstanceOf(ResourceFailedError);
    expect(e.resource).toMatchObject({ id: 'n-1', status: { phase: 'FAILED' } });
    expect(e.errorMessage).toBe('Permission was denied');
    expect(e.message).toBe('GET /networking/v1/networks/n-1 → phase FAILED: Permission was denied (request id r-f)');
  });

  it('polls through 5xx, 429 and a dropped connection within its deadline', async () => {
    const s = await serve((_, res, n) => {
      if (n === 1) {
        return json(res, { errors: [] }, { status: 503 });
      }
      if (n === 2) {
        return json(res, { errors: [] }, { status: 429 });
      }
      if (n === 3) {
        res.socket?.destroy();
        return;
      }
      return json(res, network('n-1', 'READY'));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.waitFor('n-1', env, fakeClock())).resolves.toMatchObject({ id: 'n-1' });
    expect(s.hits.length).toBe(4);
  });

  it('a transient error that lasts past the deadline ends in TimeoutError with it as the cause', async () => {
    const s = await serve((_, res) => json(res, { errors: [{ detail: 'busy' }] }, { status: 503 }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = (await cc.networks
      .waitFor('n-1', env, { ...fakeClock(), timeoutMs: 30_000 })
      .catch((e: unknown) => e)) as TimeoutError;
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e.cause as Error).name).toBe('InternalServerError');
  });

  it('stops at once on 400, 401, a real permission 403 and a gone resource, with the answer attached', async () => {
    const cases: [number, unknown, string][] = [
      [400, { errors: [{ detail: 'bad' }] }, BadRequestError.name],
      [401, { errors: [{ detail: 'key' }] }, AuthenticationError.name],
      [403, { errors: [{ code: 'invalid_api_key', detail: 'no' }] }, PermissionDeniedError.name],
      [403, forbidden, 'GoneError'],
      [404, { errors: [] }, 'GoneError'],
    ];
    for (const [status, body, name] of cases) {
      const s = await serve((_, res) => json(res, body, { status }));
      const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
      await expect(cc.networks.waitFor('n-1', env, fakeClock())).rejects.toMatchObject({ name, status, body });
      expect(s.hits.length, `${status} ${name}`).toBe(1);
    }
  });

  it("is aborted by its signal, with the signal's reason", async () => {
    const ac = new AbortController();
    const s = await serve((_, res) => json(res, network('n-1', 'PROVISIONING')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const clock: Clock = {
      now: () => 0,
      sleep: (_, signal) => {
        ac.abort('cancelled');
        return Promise.reject(signal?.reason);
      },
    };
    await expect(cc.networks.waitFor('n-1', env, { clock, signal: ac.signal })).rejects.toBe('cancelled');
    expect(s.hits.length).toBe(1);
  });

  it('passes its signal to each poll: an abort cancels a poll in flight', async () => {
    const ac = new AbortController();
    // The second poll never gets an answer; the abort comes while it is in flight.
    const s = await serve((_, res, n) =>
      n === 1 ? json(res, network('n-1', 'PROVISIONING')) : void setTimeout(() => ac.abort('cancelled'), 50),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, timeoutMs: 20_000 });
    await expect(cc.networks.waitFor('n-1', env, { ...fakeClock(), signal: ac.signal })).rejects.toBe('cancelled');
    expect(s.hits.length).toBe(2);
  });
});

describe('waitUntilDeleted', () => {
  it('resolves once the resource answers 403 forbidden_access (the service) or 404', async () => {
    for (const [status, body] of [
      [403, forbidden],
      [404, { errors: [] }],
    ] as const) {
      const s = await serve((_, res, n) =>
        n < 3 ? json(res, network('n-1', 'DEPROVISIONING')) : json(res, body, { status }),
      );
      const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
      const { clock, sleeps } = fakeClock();
      await expect(cc.networks.waitUntilDeleted('n-1', env, { clock })).resolves.toBeUndefined();
      expect(s.hits.length).toBe(3);
      expect(sleeps).toEqual([5_000, 10_000]);
    }
  });

  it("gives up after the resource's delete timeout (5 h for networks)", async () => {
    const s = await serve((_, res) => json(res, network('n-1', 'DEPROVISIONING')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const { clock, sleeps } = fakeClock();
    await expect(cc.networks.waitUntilDeleted('n-1', env, { clock })).rejects.toBeInstanceOf(TimeoutError);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(NETWORK_LIFECYCLE.delete.ms);
  });

  it('stops at once on a real permission error', async () => {
    const s = await serve((_, res) => json(res, { errors: [{ code: 'invalid_api_key' }] }, { status: 403 }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.waitUntilDeleted('n-1', env, fakeClock())).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(s.hits.length).toBe(1);
  });
});

describe('limitOf', () => {
  it('reads a limit by a field of the resource (72 h for a Dedicated cluster, else 1 h)', () => {
    const rule = { ms: 3_600_000, by: { field: ['spec', 'config', 'kind'], ms: { Dedicated: 259_200_000 } } };
    expect(limitOf(rule, { spec: { config: { kind: 'Dedicated' } } })).toBe(259_200_000);
    expect(limitOf(rule, { spec: { config: { kind: 'Basic' } } })).toBe(3_600_000);
    expect(limitOf(rule, {})).toBe(3_600_000);
  });
});
