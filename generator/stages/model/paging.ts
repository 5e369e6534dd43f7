// The paging convention, decided once: a list pages when its response has an items array and the operation
// takes a page-token query parameter. The runtime follows `metadata.next` (a URL) by taking that parameter from
// it; the stand-in serves pages the same way. Both read these facts from the model, never a name of their own.
import { findProperty, deref, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import type { ParamModel, PagingModel } from './types.js';

const TOKEN = /^(page_token|pageToken|cursor)$/;
const SIZE = /^(page_size|pageSize|limit)$/;
const ITEMS = 'data';
const NEXT = ['metadata', 'next'];

export interface PagingInput {
  doc: OpenApiDocument;
  /** The JSON schema of the success response. */
  schema: SchemaObject | undefined;
  query: ParamModel[];
}

export type PagingFacts = Omit<PagingModel, 'iterator' | 'args' | 'itemType'>;

/** The paging facts and the items' schema (the method names the iterator, its arguments and the item type). */
export function pagingOf(input: PagingInput): { facts: PagingFacts; items: SchemaObject } | undefined {
  const token = input.query.find((q) => TOKEN.test(q.name));
  if (!token) {
    return undefined;
  }
  const arr = deref(input.doc, findProperty(input.doc, input.schema, ITEMS));
  if (arr?.type !== 'array' || !arr.items) {
    return undefined;
  }
  const size = input.query.find((q) => SIZE.test(q.name));
  const facts: PagingFacts = {
    tokenParam: token.name,
    itemsField: ITEMS,
    nextPath: NEXT,
    size: size
      ? {
          param: size.name,
          default: typeof size.schema.default === 'number' ? size.schema.default : undefined,
          maximum: typeof size.schema.maximum === 'number' ? size.schema.maximum : undefined,
        }
      : undefined,
  };
  return { facts, items: arr.items };
}

export function iteratorName(method: string): string {
  return method === 'list' ? 'listAll' : `${method}All`;
}
