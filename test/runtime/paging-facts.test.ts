// The core follows the paging facts the model emits, not names of its own (runtime/, no generated code).
import { describe, expect, it } from 'vitest';
import { paginate, type Paging } from '../../runtime/pagination.js';
import type { ApiRequest } from '../../runtime/types.js';

const BASE = 'https://api.example.com';

/** A fake list endpoint: the pages keyed by token, as `request` would return them. */
function pages(paging: Paging, bodies: Record<string, unknown>) {
  const sent: ApiRequest[] = [];
  const request = async (req: ApiRequest) => {
    sent.push(req);
    const token = (req.params?.query as Record<string, string> | undefined)?.[paging.tokenParam] ?? '';
    return bodies[token];
  };
  return { sent, run: (req: ApiRequest) => paginate<unknown>({ request, baseUrl: BASE }, req, paging) };
}

async function all(it: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const x of it) {
    out.push(x);
  }
  return out;
}

describe('paginate follows the emitted paging facts', () => {
  it.each([
    { tokenParam: 'page_token', items: 'data', next: ['metadata', 'next'] },
    { tokenParam: 'cursor', items: 'results', next: ['links', 'next'] },
  ])('token $tokenParam, items $items, next $next', async (paging) => {
    const page = (items: number[], next: string) => {
      const body: Record<string, unknown> = { [paging.items]: items };
      let at = body;
      for (const key of paging.next.slice(0, -1)) {
        const inner: Record<string, unknown> = {};
        at[key] = inner;
        at = inner;
      }
      at[paging.next.at(-1)!] = next;
      return body;
    };
    const { sent, run } = pages(paging, {
      '': page([1, 2], `${BASE}/things?${paging.tokenParam}=b`),
      b: page([3], ''),
    });
    const body = { filter: 'x' };
    expect(await all(run({ method: 'POST', path: '/things', params: { query: { size: 2 } }, body }))).toEqual([
      1, 2, 3,
    ]);
    // Every page repeats the caller's own inputs, the body of a paged POST included.
    expect(sent.map((r) => r.params?.query)).toEqual([{ size: 2 }, { size: 2, [paging.tokenParam]: 'b' }]);
    expect(sent.every((r) => r.body === body)).toBe(true);
  });

  it('ends on an empty-string next, as the service sends on the last page', async () => {
    const paging = { tokenParam: 'page_token', items: 'data', next: ['metadata', 'next'] };
    const { sent, run } = pages(paging, { '': { data: [1], metadata: { next: '' } } });
    expect(await all(run({ method: 'GET', path: '/things' }))).toEqual([1]);
    expect(sent.length).toBe(1);
  });
});
