import type { ApiRequest, RequestOptions } from './types.js';
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
  { request, baseUrl }: { request: (req: ApiRequest, options?: RequestOptions) => Promise<Page<T>>; baseUrl: string },
  req: ApiRequest,
  options?: RequestOptions,
): AsyncGenerator<T, void, undefined> {
  const origin = new URL(baseUrl).origin;
  let token: string | null = null;
  for (;;) {
    const query = token ? { ...req.params?.query, page_token: token } : req.params?.query;
    const page = await request({ ...req, params: { ...req.params, query } }, options);
    yield* page.data || [];
    const next = page.metadata?.next;
    // The service ends a list with `next: ""`; others leave it out or send null.
    if (next === undefined || next === null || next === '') return;
    const url = new URL(next, baseUrl);
    const previous: string | null = token;
    token = url.searchParams.get('page_token');
    if (url.origin != origin || !token || token == previous)
      throw new APIClientError(describe([req.method, req.path], 'refused metadata.next ' + next));
  }
}
