// What reaches the server from packages generated for the wire-level fixtures: header and cookie parameters,
// form, multipart, binary and text bodies, a caller-chosen media type, every method fetch can send, and how
// text, binary, empty and multi-status responses are read. A real server on 127.0.0.1; the real generated code.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, writePackage } from '../../generator/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so the packages resolve openapi-fetch from its node_modules.
const WORK = path.join(ROOT, '.tmp', 'wire-packages');

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type Reply = { status: number; type?: string; body?: string | Buffer };

let server: Server;
let baseUrl = '';
const seen: Seen[] = [];
const replies = new Map<string, Reply>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      const reply = replies.get(`${req.method} ${req.url!.split('?')[0]}`) ?? { status: 204 };
      res.writeHead(reply.status, reply.type ? { 'content-type': reply.type } : {});
      res.end(req.method === 'HEAD' ? undefined : reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(WORK, { recursive: true, force: true });
});

/** Generates the fixture's package and imports its source (the code users run, before tsc). */
async function client(fixture: string, className: string): Promise<any> {
  const out = path.join(WORK, fixture);
  writePackage(
    out,
    await generate({ spec: path.join(ROOT, 'test/fixtures/generator', fixture, 'openapi.yaml'), cwd: ROOT }),
  );
  const pkg = await import(pathToFileURL(path.join(out, 'src/index.ts')).href);
  return new pkg[className]({ baseUrl, accessToken: 'token-1', maxRetries: 0 });
}

function last(): Seen {
  return seen[seen.length - 1]!;
}

describe('parameters', () => {
  it('sends path, query, header and cookie parameters where the spec puts them', async () => {
    const c = await client('parameters', 'ParamsApi');
    replies.set('GET /orgs/acme/teams/core%20team/members/7', {
      status: 200,
      type: 'application/json',
      body: '["ann"]',
    });
    const members = await c.members.listMembers(
      'acme',
      'core team',
      7,
      { role: 'admin', limit: 5, 'filter.name': ['a', 'b'] },
      { 'X-Tenant': 't1', 'X-Trace-Id': 'tr-9' },
      { session: 's 1;x' },
    );
    expect(members).toEqual(['ann']);
    const req = last();
    expect(req.url).toBe('/orgs/acme/teams/core%20team/members/7?role=admin&limit=5&filter.name=a&filter.name=b');
    expect(req.headers['x-tenant']).toBe('t1');
    expect(req.headers['x-trace-id']).toBe('tr-9');
    expect(req.headers.cookie).toBe('session=s%201%3Bx');
    expect(req.headers.authorization).toBe('Bearer token-1');
  });

  it('a path placeholder the spec did not declare is still filled', async () => {
    const c = await client('parameters', 'ParamsApi');
    replies.set('GET /providers/aws/regions', { status: 200, type: 'text/plain', body: 'us-east-1' });
    expect(await c.regions.listRegions('aws', { prefs: 'eu' })).toBe('us-east-1');
    expect(last().headers.cookie).toBe('prefs=eu');
  });
});

describe('request bodies', () => {
  it('form-urlencoded: URLSearchParams, arrays repeated', async () => {
    const c = await client('request-bodies', 'BodiesApi');
    replies.set('POST /token', { status: 200, type: 'application/json', body: '{"access_token":"x"}' });
    expect(await c.token.createToken({ grant_type: 'client_credentials', scope: ['read', 'write'] })).toEqual({
      access_token: 'x',
    });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().body.toString()).toBe('grant_type=client_credentials&scope=read&scope=write');
  });

  it('multipart: FormData with the file as a binary part', async () => {
    const c = await client('request-bodies', 'BodiesApi');
    await c.upload.uploadFile({
      file: new File(['hello file'], 'a.txt', { type: 'text/plain' }),
      description: 'd',
      tags: ['x', 'y'],
    });
    const req = last();
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const text = req.body.toString();
    expect(text).toContain('name="file"; filename="a.txt"');
    expect(text).toContain('hello file');
    expect(text).toContain('name="description"');
    expect(text.match(/name="tags"/g)).toHaveLength(2);
  });

  it('binary: the bytes as given, with the declared media type', async () => {
    const c = await client('request-bodies', 'BodiesApi');
    await c.blobs.putBlob('n1', new Uint8Array([0, 1, 2, 255]));
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect([...last().body]).toEqual([0, 1, 2, 255]);
  });

  it('text and *+json bodies keep their media types', async () => {
    const c = await client('request-bodies', 'BodiesApi');
    await c.text.sendText('plain words');
    expect(last().headers['content-type']).toBe('text/plain');
    expect(last().body.toString()).toBe('plain words');
    await c.merge.mergeNote({ text: 'x' });
    expect(last().headers['content-type']).toBe('application/merge-patch+json');
    expect(JSON.parse(last().body.toString())).toEqual({ text: 'x' });
  });

  it('JSON by default when several media types are offered; options.contentType picks another', async () => {
    const c = await client('request-bodies', 'BodiesApi');
    replies.set('POST /notes', { status: 201, type: 'application/json', body: '{"text":"n"}' });
    await c.notes.createNote({ text: 'n', pinned: true });
    expect(last().headers['content-type']).toBe('application/json');
    await c.notes.createNote({ text: 'n', pinned: true }, { contentType: 'application/x-www-form-urlencoded' });
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(last().body.toString()).toBe('text=n&pinned=true');
  });
});

describe('responses', () => {
  it('reads text as a string, binary as a Blob, empty as undefined', async () => {
    const c = await client('responses', 'ResponsesApi');
    replies.set('GET /text', { status: 200, type: 'text/csv', body: 'a,b\n1,2\n' });
    replies.set('GET /binary', { status: 200, type: 'application/pdf', body: Buffer.from([37, 80, 68, 70, 0, 200]) });
    expect(await c.text.getText()).toBe('a,b\n1,2\n');
    const blob = await c.binary.download();
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([37, 80, 68, 70, 0, 200]);
    expect(await c.empty.purge()).toBeUndefined();
  });

  it('several 2xx codes: each body as sent; `default` when there is no 2xx', async () => {
    const c = await client('responses', 'ResponsesApi');
    replies.set('POST /jobs', { status: 202, type: 'application/json', body: '{"job_id":"j1"}' });
    expect(await c.jobs.startJob()).toEqual({ job_id: 'j1' });
    replies.set('POST /jobs', { status: 204 });
    expect(await c.jobs.startJob()).toBeUndefined();
    replies.set('GET /default', { status: 200, type: 'application/json', body: '{"title":"t"}' });
    expect(await c.default.getByDefault()).toEqual({ title: 't' });
  });
});

describe('credentials', () => {
  it('an API that declares no security needs none; half-given credentials are still refused', async () => {
    const out = path.join(WORK, 'responses');
    writePackage(
      out,
      await generate({ spec: path.join(ROOT, 'test/fixtures/generator/responses/openapi.yaml'), cwd: ROOT }),
    );
    const pkg = await import(pathToFileURL(path.join(out, 'src/index.ts')).href);
    const c = new pkg.ResponsesApi({ baseUrl });
    await c.empty.purge();
    expect(last().headers.authorization).toBeUndefined();
    expect(() => new pkg.ResponsesApi({ baseUrl, apiKey: 'k' })).toThrow(pkg.CredentialsError);
  });
});

describe('http methods', () => {
  it('HEAD, OPTIONS, PATCH, PUT and DELETE reach the server as themselves', async () => {
    const c = await client('http-methods', 'MethodsApi');
    for (const [call, method] of [
      [() => c.items.headItemsById('i1'), 'HEAD'],
      [() => c.items.optionsItemsById('i1'), 'OPTIONS'],
      [() => c.items.patchItemsById('i1', { name: 'n' }), 'PATCH'],
      [() => c.items.putItemsById('i1', { name: 'n' }), 'PUT'],
      [() => c.items.deleteItemsById('i1'), 'DELETE'],
      [() => c.items.postItemsById('i1'), 'POST'],
    ] as const) {
      await call();
      expect(last().method).toBe(method);
      expect(last().url).toBe('/items/i1');
    }
    expect(last().headers['content-type']).toBeUndefined();
  });

  it('TRACE is generated, but fetch refuses to send it (the Fetch standard forbids the method)', async () => {
    const c = await client('http-methods', 'MethodsApi');
    const before = seen.length;
    await expect(c.items.traceItemsById('i1')).rejects.toThrow(/TRACE/);
    expect(seen.length).toBe(before);
  });
});
