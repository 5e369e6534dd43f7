import { describe, expect, it } from 'vitest';
import { APIClientError } from './fixtures/client.js';
import { ConfluentCloud, type Network } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const list = (ids: string[], next?: string | null) => ({
  api_version: 'networking/v1',
  kind: 'NetworkList',
  metadata: { next },
  data: ids.map((id) => network(id)),
});

async function collect<T>(it: AsyncIterable<T>, max = 100): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    if (out.push(x) >= max) {
      break;
    }
  }
  return out;
}

describe('listAll', () => {
  it('crosses three pages, repeating the filters with the page_token', async () => {
    const s = await serve((h, res) => {
      const token = h.query.get('page_token');
      // The server's next links carry only the token (and a filter we must NOT trust over the caller's).
      if (!token) {
        return json(
          res,
          list(['n-1', 'n-2'], `${url}/networking/v1/networks?environment=env-1&page_size=2&page_token=t2`),
        );
      }
      if (token === 't2') {
        return json(res, list(['n-3', 'n-4'], `/networking/v1/networks?page_token=t3&spec.cloud=AZURE`));
      }
      return json(res, list(['n-5'], ''));
    });
    const url = s.url;
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const items = await collect(
      cc.networks.listAll({ environment: 'env-1', 'spec.cloud': ['AWS', 'GCP'], page_size: 2 }),
    );
    expect(items.map((n: Network) => n.id)).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
    expect(s.hits.map((h) => h.url)).toEqual([
      '/networking/v1/networks?environment=env-1&spec.cloud=AWS&spec.cloud=GCP&page_size=2',
      '/networking/v1/networks?environment=env-1&spec.cloud=AWS&spec.cloud=GCP&page_size=2&page_token=t2',
      '/networking/v1/networks?environment=env-1&spec.cloud=AWS&spec.cloud=GCP&page_size=2&page_token=t3',
    ]);
    for (const h of s.hits) {
      expect(h.headers.authorization).toMatch(/^Basic /);
    }
  });

  it('stops when next is absent, null or "" (the service\'s last page)', async () => {
    for (const next of [undefined, null, '']) {
      const s = await serve((_, res) => json(res, { ...list(['n-1']), metadata: next === undefined ? {} : { next } }));
      const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
      expect((await collect(cc.networks.listAll({ environment: 'env-1' }))).length).toBe(1);
      expect(s.hits.length).toBe(1);
    }
  });

  it('refuses a next on a foreign host and never sends it anything', async () => {
    const foreign = await serve((_, res) => json(res, list(['stolen'])));
    const s = await serve((_, res) => json(res, list(['n-1'], `${foreign.url}/networking/v1/networks?page_token=t2`)));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const seen: string[] = [];
    const e = await (async () => {
      for await (const n of cc.networks.listAll({ environment: 'env-1' })) {
        seen.push(n.id!);
      }
    })().catch((e: unknown) => e);
    expect(e).toBeInstanceOf(APIClientError);
    expect((e as Error).message).toContain('GET /networking/v1/networks → refused metadata.next');
    expect(seen).toEqual(['n-1']);
    // Neither the foreign host nor our own server got a second request (the token must not be followed either).
    expect(foreign.hits.length).toBe(0);
    expect(s.hits.length).toBe(1);
  });

  it('refuses a next with the same origin but another scheme or port', async () => {
    const s = await serve((_, res) =>
      json(res, list(['n-1'], `${s.url.replace('http:', 'https:')}/networking/v1/networks?page_token=t2`)),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(collect(cc.networks.listAll({ environment: 'env-1' }))).rejects.toThrow(/refused metadata.next/);
    expect(s.hits.length).toBe(1);
  });

  it('refuses a next without a new page_token instead of looping', async () => {
    const s = await serve((_, res) => json(res, list(['n-1'], '/networking/v1/networks?page_token=same')));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(collect(cc.networks.listAll({ environment: 'env-1' }))).rejects.toThrow(/refused metadata.next/);
    expect(s.hits.length).toBe(2);
  });

  it('passes request options (headers) to every page', async () => {
    const s = await serve((h, res) =>
      json(res, list(['x'], h.query.get('page_token') ? undefined : '/networking/v1/networks?page_token=2')),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await collect(cc.networks.listAll({ environment: 'env-1' }, { headers: { 'x-trace': 't-1' } }));
    expect(s.hits.map((h) => h.headers['x-trace'])).toEqual(['t-1', 't-1']);
  });

  it('passes the signal to every page: an abort after page 1 ends the request for page 2', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const s = await serve(async (h, res) => {
      if (!h.query.get('page_token')) {
        return json(res, list(['n-1'], '/networking/v1/networks?page_token=2'));
      }
      await held; // page 2 answers only when the test lets it: a dropped signal would get this answer
      json(res, list(['n-2']));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, maxRetries: 0 });
    const controller = new AbortController();
    const reason = new Error('stop paging');
    const seen: string[] = [];
    const done = (async () => {
      for await (const n of cc.networks.listAll({ environment: 'env-1' }, { signal: controller.signal })) {
        seen.push(n.id!);
        controller.abort(reason);
      }
    })();
    await expect(done).rejects.toBe(reason);
    release();
    expect(seen).toEqual(['n-1']);
  });
});
