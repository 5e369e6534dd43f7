// The stand-in's `credentials` option (a wrong key reaches the client's 401 AuthenticationError with the API's
// error body) and its opt-in CORS (headers on answers, a preflight answered without credentials).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConfluentCloud } from '../../generated/src/index.js';
import { startStandIn, type StandIn } from '../../generated/src/testing/index.js';
import { loadServer } from '../../stand-in/dependencies.js';
import { ENV } from './helpers.js';

let strict: StandIn;
let open: StandIn;
let cors: StandIn;

beforeAll(async () => {
  [strict, open, cors] = await Promise.all([
    startStandIn({ credentials: [{ apiKey: 'KEY', apiSecret: 'SECRET' }, { accessToken: 'TOKEN' }] }),
    startStandIn(),
    startStandIn({ cors: { origin: 'http://app.test' } }),
  ]);
}, 30_000);
afterAll(async () => {
  await Promise.all([strict, open, cors].map((s) => s?.close()));
});

const client = (s: StandIn, creds: { apiKey: string; apiSecret: string } | { accessToken: string }) =>
  new ConfluentCloud({ ...creds, baseUrl: s.url, maxRetries: 0, pacing: false });

describe('credentials', () => {
  it('accepts the named ones and refuses others with a 401 AuthenticationError', async () => {
    await expect(
      client(strict, { apiKey: 'KEY', apiSecret: 'SECRET' }).networks.list({ environment: ENV }),
    ).resolves.toBeDefined();
    await expect(client(strict, { accessToken: 'TOKEN' }).networks.list({ environment: ENV })).resolves.toBeDefined();
    for (const wrong of [{ apiKey: 'KEY', apiSecret: 'nope' }, { accessToken: 'nope' }]) {
      const e = await client(strict, wrong)
        .networks.list({ environment: ENV })
        .catch((e: unknown) => e);
      expect(e).toBeInstanceOf(AuthenticationError);
      expect((e as AuthenticationError).status).toBe(401);
      expect((e as Error).message).toContain('Invalid API key or secret');
    }
  });

  it('accepts any by default', async () => {
    await expect(
      client(open, { apiKey: 'any', apiSecret: 'thing' }).networks.list({ environment: ENV }),
    ).resolves.toBeDefined();
  });
});

describe('cors', () => {
  it('answers a preflight with 204 and the allowed headers, without credentials', async () => {
    const res = await fetch(`${cors.url}/networking/v1/networks?environment=${ENV}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.test',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization');
  });

  it('adds the headers to answers, errors included, and exposes the request id', async () => {
    const res = await fetch(`${cors.url}/networking/v1/networks?environment=${ENV}`, {
      headers: { Origin: 'http://app.test' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('is off by default and for other origins: a preflight then needs credentials like any call', async () => {
    for (const [s, origin] of [
      [open, 'http://app.test'],
      [cors, 'http://elsewhere.test'],
    ] as const) {
      const res = await fetch(`${s.url}/networking/v1/networks`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('dependencies', () => {
  it('names the one npm i step when a stand-in package is missing', async () => {
    const missing = (name: string) =>
      name === 'openapi-sampler'
        ? Promise.reject(Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' }))
        : Promise.resolve({});
    await expect(loadServer(missing)).rejects.toThrow(
      'The stand-in needs openapi-sampler: run `npm i -D openapi-backend ajv-formats openapi-sampler` (optional peer dependencies of this package)',
    );
  });
});
