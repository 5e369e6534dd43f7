// The request contract generated methods call (`BaseClient.request` with an ApiRequest): what reaches a real
// loopback server for each media type, header and cookie parameters, and what each `parseAs` gives back.
// Any OpenAPI document can produce these requests, so the test calls `request` directly.
import { describe, expect, it } from 'vitest';
import {
  BaseClient,
  NotFoundError,
  type ApiRequest,
  type ClientOptions,
  type RequestOptions,
} from './fixtures/client.js';
import { json, serve } from './fixtures/server.js';

class Client extends BaseClient<object> {
  constructor(options: ClientOptions) {
    super(
      { apiKey: 'key', apiSecret: 'secret', ...options },
      { packageName: 'p', packageVersion: '1.0.0', defaultBaseUrl: 'http://127.0.0.1:1' },
    );
  }
}

async function send(req: Partial<ApiRequest>, options?: RequestOptions) {
  const s = await serve((_, res) => json(res, { ok: true }));
  const client = new Client({ baseUrl: s.url });
  await client.request({ method: 'POST', path: '/things', ...req }, options);
  return s.hits[0];
}

/** Reads a multipart body the way a server would (undici's own parser). */
const parts = (raw: Buffer, contentType: string) =>
  new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();

describe('request bodies by media type', () => {
  it('sends JSON by default, and for any +json type', async () => {
    let hit = await send({ body: { a: [1, 'x'] } });
    expect([hit.headers['content-type'], hit.body]).toEqual(['application/json', '{"a":[1,"x"]}']);
    hit = await send({ body: { a: 1 }, contentType: 'application/merge-patch+json' });
    expect([hit.headers['content-type'], hit.body]).toEqual(['application/merge-patch+json', '{"a":1}']);
  });

  it('sends application/x-www-form-urlencoded: arrays repeated, objects as JSON text, undefined skipped', async () => {
    const body = { name: 'a b&c', tag: ['x', 'y'], meta: { k: 1 }, gone: undefined, n: 5 };
    const hit = await send({ body, contentType: 'application/x-www-form-urlencoded' });
    expect(hit.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(hit.body).toBe('name=a+b%26c&tag=x&tag=y&meta=%7B%22k%22%3A1%7D&n=5');
  });

  it('sends multipart/form-data with its boundary: files keep their names, arrays per item, objects as JSON', async () => {
    const file = new File(['hello file'], 'notes.txt', { type: 'text/plain' });
    const body = { file, tag: ['x', 'y'], meta: { k: 1 }, n: 5, gone: undefined };
    const hit = await send({ body, contentType: 'multipart/form-data' });
    const type = hit.headers['content-type']!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parts(hit.raw, type);
    const got = form.get('file') as File;
    expect([got.name, got.type, await got.text()]).toEqual(['notes.txt', 'text/plain', 'hello file']);
    expect(form.getAll('tag')).toEqual(['x', 'y']);
    expect(form.get('meta')).toBe('{"k":1}');
    expect(form.get('n')).toBe('5');
    expect(form.has('gone')).toBe(false);
  });

  it('sends text/* as the string of the body', async () => {
    const hit = await send({ body: 42, contentType: 'text/plain' });
    expect([hit.headers['content-type'], hit.body]).toEqual(['text/plain', '42']);
  });

  it('sends binary bodies as they are: Blob, ArrayBuffer, a typed array, a string, a stream', async () => {
    const bytes = [0, 1, 2, 254, 255];
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array(bytes.slice(0, 2)));
        c.enqueue(new Uint8Array(bytes.slice(2)));
        c.close();
      },
    });
    for (const body of [
      new Blob([new Uint8Array(bytes)]),
      new Uint8Array(bytes).buffer,
      new Uint8Array(bytes),
      stream,
    ]) {
      const hit = await send({ body, contentType: 'application/octet-stream' });
      expect(hit.headers['content-type']).toBe('application/octet-stream');
      expect([...hit.raw]).toEqual(bytes);
    }
    const hit = await send({ body: 'plain bytes', contentType: 'image/svg' });
    expect([hit.headers['content-type'], hit.body]).toEqual(['image/svg', 'plain bytes']);
  });

  it("lets the call's contentType option pick another media type the operation offers", async () => {
    const hit = await send(
      { body: { a: 'b' }, contentType: 'application/json' },
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect([hit.headers['content-type'], hit.body]).toEqual(['application/x-www-form-urlencoded', 'a=b']);
  });

  it('does not re-send a stream body (it can be read once), even where a retry would be allowed', async () => {
    const s = await serve((_, res) => json(res, {}, { status: 503, headers: { 'retry-after': '0' } }));
    const client = new Client({ baseUrl: s.url });
    const body = new ReadableStream({
      start: (c) => {
        c.enqueue(new Uint8Array([1]));
        c.close();
      },
    });
    await expect(
      client.request({ method: 'PUT', path: '/blob', body, contentType: 'application/octet-stream' }),
    ).rejects.toMatchObject({ status: 503 });
    expect(s.hits.length).toBe(1);
  });
});

describe('header and cookie parameters', () => {
  it('sends each defined header parameter (arrays joined), and one Cookie header', async () => {
    const hit = await send(
      {
        method: 'GET',
        params: {
          header: { 'X-Trace': 't-1', 'x-list': ['a', 'b'], 'x-num': 3, 'x-gone': undefined },
          cookie: { session: 'a b;c=d', id: 7, gone: undefined },
        },
      },
      { headers: { 'x-num': '4' } },
    );
    expect([hit.headers['x-trace'], hit.headers['x-list'], hit.headers['x-num'], 'x-gone' in hit.headers]).toEqual([
      't-1',
      'a, b',
      '4',
      false,
    ]);
    expect(hit.headers.cookie).toBe('session=a%20b%3Bc%3Dd; id=7');
  });

  it('sends no Cookie header when there are no cookies', async () => {
    const hit = await send({ method: 'GET', params: { cookie: { gone: undefined } } });
    expect('cookie' in hit.headers).toBe(false);
  });
});

describe('parseAs', () => {
  const bytes = new Uint8Array([0, 1, 2, 255]);
  async function answer(parseAs: ApiRequest['parseAs'], reply: (res: import('node:http').ServerResponse) => void) {
    const s = await serve((_, res) => reply(res));
    return new Client({ baseUrl: s.url }).request<unknown>({ method: 'GET', path: '/x', parseAs });
  }
  const binary = (res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(bytes));
  };

  it('reads JSON by default, and an empty body as undefined', async () => {
    expect(await answer(undefined, (res) => json(res, { a: 1 }))).toEqual({ a: 1 });
    expect(
      await answer('json', (res) => {
        res.writeHead(200);
        res.end();
      }),
    ).toBeUndefined();
  });

  it('reads text, blob, arrayBuffer and stream bodies, and drops a void one', async () => {
    expect(
      await answer('text', (res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.end('a,b\n1,2');
      }),
    ).toBe('a,b\n1,2');
    const blob = (await answer('blob', binary)) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...bytes]);
    const buffer = (await answer('arrayBuffer', binary)) as ArrayBuffer;
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(buffer)]).toEqual([...bytes]);
    const stream = (await answer('stream', binary)) as ReadableStream<Uint8Array>;
    expect(stream).toBeInstanceOf(ReadableStream);
    expect([...new Uint8Array(await new Response(stream).arrayBuffer())]).toEqual([...bytes]);
    expect(await answer('void', (res) => json(res, { ignored: true }))).toBeUndefined();
  });

  it('parses an error body as JSON whatever parseAs says', async () => {
    for (const parseAs of ['text', 'blob', 'stream', 'void'] as const) {
      const e = await answer(parseAs, (res) =>
        json(res, { errors: [{ detail: 'no such thing' }] }, { status: 404 }),
      ).catch((e: unknown) => e);
      expect(e).toBeInstanceOf(NotFoundError);
      expect((e as NotFoundError).errors[0].detail).toBe('no such thing');
    }
  });
});
