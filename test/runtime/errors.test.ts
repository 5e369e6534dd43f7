import { describe, expect, it } from 'vitest';
import {
  APIClientError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './fixtures/client.js';
import { ConfluentCloud } from './fixtures/client.js';
import { failure, json, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret', maxRetries: 0 };
const env = { environment: 'env-1' };

describe('error mapping', () => {
  it('maps a JSON:API 404 with its request id, errors and headers', async () => {
    const s = await serve((_, res) =>
      json(res, failure('Network n-123 was not found'), { status: 404, headers: { 'x-request-id': 'abc' } }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = (await cc.networks.get('n-123', env).catch((e: unknown) => e)) as NotFoundError;
    expect(e).toBeInstanceOf(GoneError);
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(APIClientError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('GoneError');
    expect(e.message).toBe(
      'GET /networking/v1/networks/n-123 → 404 Not Found (request id abc): Network n-123 was not found',
    );
    expect(e.status).toBe(404);
    expect(e.requestId).toBe('abc');
    expect(e.errors).toEqual(failure('Network n-123 was not found').errors);
    expect(e.errors[0].source?.parameter).toBe('id');
    expect(e.headers.get('content-type')).toBe('application/json');
    expect(String(e.stack)).toMatch(/^GoneError: GET/);
  });

  it('maps every documented status to its class', async () => {
    const cases: [number, new (...a: never[]) => ApiError][] = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [402, PaymentRequiredError],
      [403, PermissionDeniedError],
      [404, GoneError],
      [409, ConflictError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [500, InternalServerError],
      [503, InternalServerError],
      [418, ApiError],
    ];
    const s = await serve((h, res) =>
      json(res, { errors: [{ title: 'T', detail: 'D' }] }, { status: Number(h.path.split('/').pop()) }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    for (const [status, C] of cases) {
      const e = (await cc.networks.get(String(status), env).catch((e: unknown) => e)) as ApiError;
      expect(e.constructor, String(status)).toBe(C);
      expect(e.name).toBe(C.name);
      expect(e.status).toBe(status);
      expect(e.message).toMatch(
        new RegExp(`^GET /networking/v1/networks/${status} → ${status} .* \\(request id req-${status}\\): D$`),
      );
    }
  });

  it('keeps the raw text of a 502 HTML body', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const s = await serve((_, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'gw-1' });
      res.end(html);
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = (await cc.networks.list({ environment: 'env-1' }).catch((e: unknown) => e)) as InternalServerError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.body).toBe(html);
    expect(e.errors).toEqual([]);
    expect(e.requestId).toBe('gw-1');
    expect(e.message).toBe('GET /networking/v1/networks → 502 Bad Gateway (request id gw-1)');
  });

  it('says "none" when there is no request id, and uses the title when there is no detail', async () => {
    const s = await serve((_, res) => {
      res.writeHead(409, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ title: 'Already exists' }] }));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.delete('n-1', env)).rejects.toThrow(
      'DELETE /networking/v1/networks/n-1 → 409 Conflict (request id none): Already exists',
    );
  });

  it('maps a 403 forbidden_access (how the service answers for a deleted resource) to GoneError on every call', async () => {
    const body = {
      errors: [{ id: 'e-1', status: '403', code: 'forbidden_access', detail: 'Forbidden Access', source: {} }],
    };
    const s = await serve((_, res) => json(res, body, { status: 403 }));
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    for (const call of [() => cc.networks.get('n-1', env), () => cc.networks.delete('n-1', env)]) {
      const e = (await call().catch((e: unknown) => e)) as GoneError;
      expect(e).toBeInstanceOf(GoneError);
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.status).toBe(403);
      expect(e.errors).toEqual(body.errors);
      expect(e.message).toMatch(/→ 403 Forbidden \(request id req-403\): Forbidden Access$/);
    }
  });

  it('keeps a 403 with another code (a real permission error) a PermissionDeniedError', async () => {
    const s = await serve((_, res) =>
      json(res, { errors: [{ status: '403', code: 'invalid_api_key', detail: 'Bad key' }] }, { status: 403 }),
    );
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = await cc.networks.get('n-1', env).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(PermissionDeniedError);
    expect(e).not.toBeInstanceOf(NotFoundError);
  });

  it('builds errors in their constructors: own fields, no assignment afterwards', () => {
    const headers = new Headers({ 'x-request-id': 'r' });
    const e = new GoneError('m', { status: 404, requestId: 'r', headers, body: { errors: [] }, errors: [] });
    expect(Object.keys(e).sort()).toEqual(['body', 'errors', 'headers', 'requestId', 'status']);
    expect(e.status).toBe(404);
    const r = new RateLimitError('m', { status: 429, waitSeconds: 3 });
    expect(r.retryAfter).toBe(3);
  });
});
