import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, CredentialsError } from './fixtures/client.js';
import { ConfluentCloud } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const env = { environment: 'env-1' };
const KEY = 'KEYABCDEF123';
const SECRET = 'sEcReT/+very-private-0987';
const basic = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;

afterEach(() => vi.unstubAllEnvs());
function noEnv() {
  vi.stubEnv('CONFLUENT_CLOUD_API_KEY', undefined);
  vi.stubEnv('CONFLUENT_CLOUD_API_SECRET', undefined);
}

describe('auth', () => {
  it('sends HTTP basic from apiKey + apiSecret', async () => {
    const s = await serve((_, res) => json(res, network('n-1')));
    await new ConfluentCloud({ apiKey: KEY, apiSecret: SECRET, baseUrl: s.url }).networks.get('n-1', env);
    expect(s.hits[0].headers.authorization).toBe(basic);
  });

  it('sends a bearer token', async () => {
    const s = await serve((_, res) => json(res, network('n-1')));
    await new ConfluentCloud({ accessToken: 'tok-1', baseUrl: s.url }).networks.get('n-1', env);
    expect(s.hits[0].headers.authorization).toBe('Bearer tok-1');
  });

  it('calls a token function for every request and every attempt', async () => {
    const s = await serve((_, res, n) =>
      n === 2 ? json(res, {}, { status: 503, headers: { 'retry-after': '0' } }) : json(res, network('n-1')),
    );
    let n = 0;
    const cc = new ConfluentCloud({ accessToken: async () => `tok-${++n}`, baseUrl: s.url });
    await cc.networks.get('n-1', env);
    await cc.networks.get('n-1', env);
    await cc.raw.GET('/networking/v1/networks/{id}', { params: { path: { id: 'n-1' }, query: env } });
    expect(s.hits.map((h) => h.headers.authorization)).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
      'Bearer tok-3',
      'Bearer tok-4',
    ]);
  });

  it('falls back to CONFLUENT_CLOUD_API_KEY / _SECRET', async () => {
    vi.stubEnv('CONFLUENT_CLOUD_API_KEY', KEY);
    vi.stubEnv('CONFLUENT_CLOUD_API_SECRET', SECRET);
    const s = await serve((_, res) => json(res, network('n-1')));
    await new ConfluentCloud({ baseUrl: s.url }).networks.get('n-1', env);
    expect(s.hits[0].headers.authorization).toBe(basic);
  });

  it('refuses missing, half-given and conflicting credentials before any request', async () => {
    noEnv();
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response('{}');
    };
    const make = (o: object) => () => new ConfluentCloud({ fetch, ...o });
    expect(make({})).toThrow(CredentialsError);
    expect(make({})).toThrow(
      'Missing credentials: pass apiKey + apiSecret, accessToken, or set CONFLUENT_CLOUD_API_KEY + CONFLUENT_CLOUD_API_SECRET',
    );
    expect(make({ apiKey: KEY })).toThrow(/^Missing apiSecret$/);
    expect(make({ apiSecret: SECRET })).toThrow(/^Missing apiKey$/);
    expect(make({ apiKey: KEY, apiSecret: '' })).toThrow(/^Missing apiSecret$/);
    expect(make({ accessToken: 't', apiKey: KEY })).toThrow('not both');
    vi.stubEnv('CONFLUENT_CLOUD_API_KEY', KEY);
    expect(make({})).toThrow(/^Missing CONFLUENT_CLOUD_API_SECRET$/);
    expect(calls).toBe(0);
    for (const o of [{ apiKey: KEY }, { apiSecret: SECRET }, { accessToken: SECRET, apiKey: KEY }]) {
      const e = (() => {
        try {
          make(o)();
        } catch (e) {
          return e as Error;
        }
      })()!;
      expect(e.name).toBe('CredentialsError');
      expect(e.message).not.toContain(KEY);
      expect(e.message).not.toContain(SECRET);
    }
  });
});

describe('redaction', () => {
  it('never shows the secret in String, util.inspect, JSON or error messages', async () => {
    const s = await serve((_, res) => json(res, { errors: [{ detail: 'Invalid API key' }] }, { status: 401 }));
    for (const cc of [
      new ConfluentCloud({ apiKey: KEY, apiSecret: SECRET, baseUrl: s.url }),
      new ConfluentCloud({ accessToken: SECRET, baseUrl: s.url }),
      new ConfluentCloud({ accessToken: () => SECRET, baseUrl: s.url }),
    ]) {
      const e = (await cc.networks.get('n-1', env).catch((e: unknown) => e)) as AuthenticationError;
      expect(e).toBeInstanceOf(AuthenticationError);
      const shown = [
        String(cc),
        `${cc}`,
        inspect(cc, { showHidden: true, depth: Infinity, getters: true }),
        inspect(cc.networks, { showHidden: true, depth: Infinity }),
        inspect({ cc }, { depth: Infinity }),
        JSON.stringify(cc),
        JSON.stringify(cc.networks),
        e.message,
        String(e.stack),
        inspect(e, { depth: Infinity }),
      ].join('\n');
      for (const secret of [SECRET, basic.slice(6), Buffer.from(SECRET).toString('base64')]) {
        expect(shown).not.toContain(secret);
      }
      expect(inspect(cc)).toContain(s.url);
    }
  });
});
