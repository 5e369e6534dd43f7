import type { ApiRequest, RequestOptions } from './client.js';
import { APIClientError, describe } from './errors.js';

/** A Confluent list body: items in `data`, the next page's URL in `metadata.next`. */
export interface Page<T> {
  data?: T[];
  metadata?: { next?: string | null };
}

/**
 * Yields every item of every page. Follows `metadata.next` by taking its `page_token` and re-sending the
 * caller's own query (filters) with it. Refuses a `next` on another origin than `baseUrl`'s (credentials never
 * go elsewhere) or without a new `page_token` (no endless loop); stops when `next` is absent or empty.
 */
export async function* paginate<T>(
  { request, baseUrl }: { request: (req: ApiRequest, o?: RequestOptions) => Promise<Page<T>>; baseUrl: string },
  req: ApiRequest,
  o?: RequestOptions,
): AsyncGenerator<T, void, undefined> {
  for (let token: string | null | undefined, page, next, url; ; ) {
    page = await request(token ? { ...req, params: { ...req.params, query: { ...req.params?.query, page_token: token } } } : req, o);
    yield* page.data || [];
    if (!(next = page.metadata?.next)) return;
    url = new URL(next, baseUrl);
    if (url.origin != new URL(baseUrl).origin || token == (token = url.searchParams.get('page_token')) || !token)
      throw new APIClientError(describe([req.method, req.path], 'refused metadata.next ' + next));
  }
}
