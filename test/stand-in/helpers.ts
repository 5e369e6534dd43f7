// Shared by the stand-in's tests: a client on a recording fetch, and valid create bodies for each group.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import formats from 'ajv-formats';
import { ConfluentCloud } from '../../generated/src/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ENV = 'env-t1';

export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A client whose every exchange is kept, so a test can check the responses against the spec afterwards. */
export function recordingClient(
  url: string,
  options: { log: Exchange[]; auth?: boolean; maxRetries?: number; pacing?: false },
): ConfluentCloud {
  const record = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (options.auth === false) {
      headers.delete('authorization');
    }
    const res = await fetch(new Request(request, { headers }));
    options.log.push({
      method: request.method,
      url: request.url,
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: await res.clone().text(),
    });
    return res;
  };
  return new ConfluentCloud({
    baseUrl: url,
    apiKey: 'key',
    apiSecret: 'secret',
    maxRetries: options.maxRetries ?? 0,
    pacing: options.pacing,
    fetch: record,
  });
}

/** Checks responses against the bundled spec as written (readOnly fields required), with openapi-backend. */
export async function responseChecker(): Promise<(e: Exchange) => string[]> {
  const doc = JSON.parse(readFileSync(path.join(ROOT, 'generated/openapi.json'), 'utf8')) as Record<string, unknown>;
  delete doc['x-generated-by'];
  const api = new OpenAPIBackend({
    definition: doc as unknown as Document,
    quick: true,
    customizeAjv: (ajv) => {
      formats.default(ajv);
      return ajv;
    },
  });
  await api.init();
  return (e) => {
    const u = new URL(e.url);
    const op = api.router.matchOperation({ method: e.method, path: u.pathname, query: u.search.slice(1), headers: {} });
    if (!op) {
      return [`${e.method} ${u.pathname}: no operation`];
    }
    const problems: string[] = [];
    // A response the spec gives no content (204) must come without a body; any other is checked against its schema.
    if (e.status === 204) {
      if (e.body) {
        problems.push(`${e.method} ${u.pathname} 204 with a body`);
      }
    } else {
      const body = api.validateResponse(e.body ? JSON.parse(e.body) : undefined, op, e.status);
      for (const err of body.errors ?? []) {
        problems.push(`${e.method} ${u.pathname} ${e.status} body${err.instancePath} ${err.message}`);
      }
    }
    const headers = api.validateResponseHeaders(e.headers, op, { statusCode: e.status, setMatchType: 'any' as never });
    for (const err of headers.errors ?? []) {
      problems.push(`${e.method} ${u.pathname} ${e.status} headers${err.instancePath} ${err.message}`);
    }
    if (!e.headers['x-request-id']) {
      problems.push(`${e.method} ${u.pathname} ${e.status}: no X-Request-Id`);
    }
    return problems;
  };
}

export const network = (name: string, cloud: 'AWS' | 'GCP' = 'AWS', env = ENV) => ({
  spec: {
    display_name: name,
    cloud,
    region: 'us-east-1',
    connection_types: ['PRIVATELINK' as const],
    zones: ['use1-az1', 'use1-az2', 'use1-az4'],
    environment: { id: env },
  },
});

export const peering = (name: string) => ({
  spec: {
    display_name: name,
    cloud: {
      kind: 'AwsPeering' as const,
      account: '000000000000',
      vpc: 'vpc-00000000000000000',
      routes: ['10.108.16.0/21'],
      customer_region: 'us-east-1',
    },
    environment: { id: ENV },
    network: { id: 'n-abcde1' },
  },
});
