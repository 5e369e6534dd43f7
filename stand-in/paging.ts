// A list's pages, as the service pages them: an opaque `page_token` naming the last item given out, and metadata
// with `first`, `prev`, `next` (full URLs) and `total_size`.
import type { JsonObject } from './json.js';
import { failure, type Reply } from './problems.js';
import type { Entry } from './store.js';
import type { StandInCollection } from './types.js';

function encodeToken(seq: number): string {
  return Buffer.from(JSON.stringify({ after: seq })).toString('base64url');
}

/** The sequence number a token was made from, or undefined when this server never gave the token out. */
function decodeToken(token: string): number | undefined {
  try {
    const after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown }).after;
    return typeof after === 'number' && Number.isInteger(after) && after >= 0 ? after : undefined;
  } catch {
    return undefined;
  }
}

export interface PageRequest {
  /** Every matching entry, in creation order. */
  entries: readonly Entry[];
  page: NonNullable<StandInCollection['page']>;
  /** The list request's URL, relative to `baseUrl`. */
  target: URL;
  baseUrl: string;
  /** The last page says `next: ""` (the service) rather than leaving `next` out. */
  emptyNext: boolean;
}

export type Page = { entries: Entry[]; metadata: JsonObject } | { refused: Reply };

export function pageOf({ entries, page, target, baseUrl, emptyNext }: PageRequest): Page {
  const q = target.searchParams;
  const requested = Number(q.get(page.sizeParam) ?? page.defaultSize) || page.defaultSize;
  const size = Math.min(requested, page.maxSize ?? Infinity);
  const token = q.get(page.tokenParam);
  const after = token === null ? 0 : decodeToken(token);
  if (after === undefined) {
    return { refused: failure(400, 'invalid_page_token', `${page.tokenParam} is not a token this server gave out.`) };
  }
  const start = entries.findIndex((e) => e.seq > after);
  const from = start === -1 ? entries.length : start;
  const items = entries.slice(from, from + size);
  const link = (seq: number | undefined): string => {
    const params = new URLSearchParams(q);
    params.delete(page.tokenParam);
    if (seq !== undefined) {
      params.set(page.tokenParam, encodeToken(seq));
    }
    return `${baseUrl}${target.pathname}?${params}`;
  };
  const metadata: JsonObject = { first: link(undefined), total_size: entries.length };
  if (from > 0) {
    metadata.prev = link(from - size > 0 ? entries[from - size - 1]!.seq : undefined);
  }
  if (from + size < entries.length) {
    metadata.next = link(items.at(-1)!.seq);
  } else if (emptyNext) {
    metadata.next = '';
  }
  return { entries: items, metadata };
}
