import type { ApiRequest, RequestOptions } from './types.js';
import { APIClientError, describe } from './errors.js';

/** A Confluent-style list body: items in `data`, the next page's URL in `metadata.next`. */
export interface Page<T> {
  data?: T[];
  metadata?: { next?: string | null };
}

/** How a list pages, as the generator's model decided it for the operation. */
export interface Paging {
  /** Query parameter carrying the page token, e.g. `page_token`. */
  tokenParam: string;
  /** Property of the list body holding the items, e.g. `data`. */
  items: string;
  /** Path in the list body to the next page's URL, e.g. `['metadata', 'next']`. */
  next: string[];
}

/**
 * Yields every item of every page. Follows the `next` URL by taking its token parameter and re-sending the
 * caller's own inputs (filters, body) with it. Refuses a `next` on another origin than `baseUrl`'s (credentials
 * never go elsewhere) or without a new token (no endless loop); stops when `next` is absent, null or empty.
 */
export async function* paginate<T>(
  { request, baseUrl }: { request: (req: ApiRequest, options?: RequestOptions) => Promise<unknown>; baseUrl: string },
  req: ApiRequest,
  paging: Paging,
  options?: RequestOptions,
): AsyncGenerator<T, void, undefined> {
  const origin = new URL(baseUrl).origin;
  let token: string | null = null;
  for (;;) {
    const query = token ? { ...req.params?.query, [paging.tokenParam]: token } : req.params?.query;
    const page = await request({ ...req, params: { ...req.params, query } }, options);
    const items = field(page, [paging.items]);
    if (Array.isArray(items)) {
      yield* items as T[];
    }
    const next = field(page, paging.next);
    // The service ends a list with `next: ""`; others leave it out or send null.
    if (typeof next !== 'string' || next === '') {
      return;
    }
    const url = new URL(next, baseUrl);
    const previous: string | null = token;
    token = url.searchParams.get(paging.tokenParam);
    if (url.origin !== origin || !token || token === previous) {
      throw new APIClientError(describe([req.method, req.path], `refused ${paging.next.join('.')} ${next}`));
    }
  }
}

function field(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}
