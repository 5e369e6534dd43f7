import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APIClientError } from './fixtures/client.js';
import { ConfluentCloud, type Network } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const pkg = JSON.parse(readFileSync(new URL('../../generated/package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};
const UA = `${pkg.name}/${pkg.version}`;
const env = { environment: 'env-1' };

describe('wire', () => {
  it('encodes path parameters so an id cannot change the path', async () => {
    const s = await serve((_, res) => json(res, network('x')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await cc.networks.get('a/../b?c', env);
    await cc.networks.get('%2e%2e', env);
    await cc.networks.get('n 1#x', env);
    expect(s.hits.map((h) => h.url)).toEqual([
      '/networking/v1/networks/a%2F..%2Fb%3Fc?environment=env-1',
      '/networking/v1/networks/%252e%252e?environment=env-1',
      '/networking/v1/networks/n%201%23x?environment=env-1',
    ]);
  });

  it('refuses ids that would be dropped or resolved by URL parsing, without sending', async () => {
    const s = await serve((_, res) => json(res, network('x')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    for (const id of ['', '.', '..', undefined as unknown as string]) {
      await expect(cc.networks.get(id, env)).rejects.toThrow(
        new APIClientError('GET /networking/v1/networks/{id} → bad path parameter id (request id none)'),
      );
    }
    expect(s.hits.length).toBe(0);
  });

  it('lets client and call headers replace ours whatever their case, and sends Content-Type only with a body', async () => {
    const s = await serve((_, res) => json(res, network('x')));
    const cc = new ConfluentCloud({
      ...creds,
      baseUrl: s.url,
      headers: { 'X-Team': 'a', 'USER-AGENT': 'client-wide' },
    });
    await cc.networks.get('n-1', env, { headers: { 'x-team': 'b' } });
    await cc.networks.update(
      'n-1',
      { spec: { display_name: 'x', environment: { id: 'env-1' } } },
      { headers: { 'Content-Type': 'application/merge-patch+json' } },
    );
    const [get, patch] = s.hits.map((h) => h.headers);
    expect([get['x-team'], get['user-agent'], get['content-type']]).toEqual(['b', 'client-wide', undefined]);
    expect([patch['x-team'], patch['content-type']]).toEqual(['a', 'application/merge-patch+json']);
  });

  it('sends a User-Agent naming the package and version, plus the suffix', async () => {
    const s = await serve((_, res) => json(res, network('x')));
    await new ConfluentCloud({ ...creds, baseUrl: s.url }).networks.get('n-1', env);
    await new ConfluentCloud({ ...creds, baseUrl: s.url, userAgent: 'my-app/2.0' }).networks.get('n-1', env);
    expect(s.hits.map((h) => h.headers['user-agent'])).toEqual([UA, `${UA} my-app/2.0`]);
  });

  it('sends client and per-call headers, and JSON bodies', async () => {
    const s = await serve((_, res) => json(res, network('n-2', 'PROVISIONING'), { status: 202 }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: `${s.url}/`, headers: { 'x-client': 'c' } });
    const body = {
      spec: { cloud: 'GCP', region: 'us-central1', connection_types: ['PEERING'], environment: { id: 'env-1' } },
    };
    const n: Network = await cc.networks.create(body, { headers: { 'x-call': 'k' } });
    expect(n.status?.phase).toBe('PROVISIONING');
    const h = s.hits[0];
    expect([h.method, h.url, h.headers['x-client'], h.headers['x-call'], h.headers['content-type']]).toEqual([
      'POST',
      '/networking/v1/networks',
      'c',
      'k',
      'application/json',
    ]);
    expect(JSON.parse(h.body)).toEqual(body);
  });

  it('gives `raw` the same auth, User-Agent and retries', async () => {
    const s = await serve((_, res, n) =>
      n === 1 ? json(res, {}, { status: 503, headers: { 'retry-after': '0' } }) : json(res, network('n-1')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const { data, error } = await cc.raw.GET('/networking/v1/networks/{id}', {
      params: { path: { id: 'n-1' }, query: env },
    });
    expect(error).toBeUndefined();
    const id: string | undefined = data?.id;
    expect(id).toBe('n-1');
    expect(s.hits.length).toBe(2);
    expect(s.hits[1].headers.authorization).toMatch(/^Basic /);
    expect(s.hits[1].headers['user-agent']).toBe(UA);
  });

  it('honours the signal given to `raw`', async () => {
    const s = await serve(() => {});
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(
      cc.raw.GET('/networking/v1/networks/{id}', {
        params: { path: { id: 'n-1' }, query: env },
        signal: AbortSignal.timeout(50),
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('works with a stub fetch (no network): resource calls pass a URL and init, raw calls a Request', async () => {
    const seen: [RequestInfo | URL, RequestInit | undefined][] = [];
    const cc = new ConfluentCloud({
      ...creds,
      fetch: async (input, init) => {
        seen.push([input, init]);
        return new Response(JSON.stringify(network('n-7')), { headers: { 'content-type': 'application/json' } });
      },
    });
    await expect(cc.networks.get('n-7', env)).resolves.toMatchObject({ id: 'n-7' });
    await cc.raw.GET('/networking/v1/networks/{id}', { params: { path: { id: 'n-7' }, query: env } });
    expect(seen).toHaveLength(2);
    const url = 'https://api.confluent.cloud/networking/v1/networks/n-7?environment=env-1';
    const authorization = `Basic ${btoa(`${creds.apiKey}:${creds.apiSecret}`)}`;
    // A resource call: a URL string and an init with plain headers and the attempt's signal.
    const [input, init] = seen[0];
    expect(typeof input).toBe('string');
    expect(input).toBe(url);
    expect(init?.method).toBe('GET');
    expect(init?.headers).toMatchObject({ authorization, 'user-agent': UA });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    // Through raw: openapi-fetch's Request, and an init carrying only the attempt's signal.
    const [request, rawInit] = seen[1];
    expect(request).toBeInstanceOf(Request);
    expect([(request as Request).url, (request as Request).headers.get('authorization')]).toEqual([url, authorization]);
    expect(Object.keys(rawInit!)).toEqual(['signal']);
    expect(rawInit?.signal).toBeInstanceOf(AbortSignal);
  });
});
