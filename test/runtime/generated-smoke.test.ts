// The thin suite over the copy: the generated package's client carries the same core (make check proves the copy
// is current) and its generated resource methods reach it — a get, a paged walk, an error class, on loopback.
import { expect, it } from 'vitest';
import { ConfluentCloud, NotFoundError } from '../../generated/src/index.js';
import { json, network, serve } from './fixtures/server.js';

it('the generated client gets, walks pages and throws the core error classes', async () => {
  const s = await serve((h, res) => {
    if (h.path.endsWith('/n-missing')) {
      return json(res, { errors: [{ status: '404', detail: 'gone' }] }, { status: 404 });
    }
    if (h.path.endsWith('/n-1')) {
      return json(res, network('n-1'));
    }
    const token = h.query.get('page_token');
    return json(res, {
      data: [network(token ? 'n-3' : 'n-2')],
      metadata: { next: token ? '' : '/networking/v1/networks?page_token=p2' },
    });
  });
  const client = new ConfluentCloud({ baseUrl: s.url, apiKey: 'key', apiSecret: 'secret' });
  expect((await client.networks.get('n-1', { environment: 'env-1' })).id).toBe('n-1');
  const ids: string[] = [];
  for await (const n of client.networks.listAll({ environment: 'env-1' })) {
    ids.push(n.id!);
  }
  expect(ids).toEqual(['n-2', 'n-3']);
  await expect(client.networks.get('n-missing', { environment: 'env-1' })).rejects.toBeInstanceOf(NotFoundError);
  expect(s.hits.every((h) => h.headers.authorization === `Basic ${btoa('key:secret')}`)).toBe(true);
});
