// Conformance: the recorded-style exchanges of exchanges.ts against the package. Each answer must fit the
// shipped generated/openapi.json (spec plus overlay), each departure must need its overlay actions (without
// them the same answer is rejected), and the generated client, talking to a real server on 127.0.0.1, must
// hand each answer to its caller as the service sent it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle, createConfig, parseYaml } from '@redocly/openapi-core';
import formats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ConfluentCloud, ResourceFailedError, type NetworkListItem } from '../../generated/src/index.js';
import { applySpecOverlays } from '../../generator/index.js';
import type { OpenApiDocument } from '../../generator/openapi.js';
import { json, serve } from '../runtime/fixtures/server.js';
import { calls, exchanges, type Exchange } from './exchanges.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPEC = path.join(ROOT, 'spec/openapi.yaml');
const OVERLAY = path.join(ROOT, 'spec/overlays/service.yaml');
const SERVICE = 'https://api.confluent.cloud';
// The published spec already allows this body; what departs is its meaning (a 403 that says "gone").
const MEANING_ONLY = new Set(['gone-is-403']);

// ajv-formats is CommonJS with its plugin on `.default`.
const addFormats = formats.default;

const url = (e: Exchange): string => `${e.request.path}?${e.request.query}`;

type Validate = (e: Exchange) => { valid: boolean; errors?: unknown };

async function validator(definition: object): Promise<Validate> {
  const api = new OpenAPIBackend({
    definition: structuredClone(definition) as Document,
    quick: true,
    validate: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  return (e) => {
    const result = api.validateResponse(e.response.body, e.operationId, e.response.status);
    return { valid: result.valid, errors: result.errors ?? undefined };
  };
}

interface OverlayFile {
  actions: { 'x-departure'?: string }[];
}
const overlay = parseYaml(readFileSync(OVERLAY, 'utf8')) as OverlayFile;
const departures = [...new Set(exchanges.flatMap((e) => (e.departure ? [e.departure] : [])))];

let published: OpenApiDocument;
beforeAll(async () => {
  const { bundle: bundled } = await bundle({ ref: SPEC, config: await createConfig({}) });
  published = bundled.parsed as OpenApiDocument;
  delete published.info?.['x-sdk']?.overlays;
});

describe('every recorded answer fits generated/openapi.json', () => {
  let validate: Validate;
  beforeAll(async () => {
    validate = await validator(JSON.parse(readFileSync(path.join(ROOT, 'generated/openapi.json'), 'utf8')));
  });
  it.each(exchanges.map((e) => [e.says, e] as const))('%s', (_, e) => {
    expect(validate(e)).toEqual({ valid: true, errors: undefined });
  });
});

describe('every departure needs its overlay actions', () => {
  const checked = departures.filter((d) => !MEANING_ONLY.has(d));
  it.each(checked)('%s: without its actions the published spec rejects the answer', async (departure) => {
    const others = { ...overlay, actions: overlay.actions.filter((a) => a['x-departure'] !== departure) };
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'conformance-')), 'without.json');
    writeFileSync(file, JSON.stringify(others));
    const validate = await validator(applySpecOverlays({ document: published, specFile: SPEC, extra: [file] }));
    for (const e of exchanges.filter((x) => x.departure === departure)) {
      expect(validate(e).valid, e.says).toBe(false);
    }
  });

  it('the overlay, the exchanges and the departures table in spec/README.md name the same departures', () => {
    const inOverlay = new Set(overlay.actions.map((a) => a['x-departure']));
    expect(inOverlay.has(undefined)).toBe(false);
    expect([...inOverlay].sort()).toEqual([...departures].sort());
    const readme = readFileSync(path.join(ROOT, 'spec/README.md'), 'utf8');
    for (const d of departures) {
      expect(readme, d).toContain(`\`${d}\``);
    }
  });
});

describe('the generated client hands each answer over as the service sent it', () => {
  interface Replay {
    cc: ConfluentCloud;
    hits: { url: string }[];
    /** A recorded body as this server sends it: the service's origin in its links becomes the server's. */
    served: (body: unknown) => unknown;
  }

  async function replay(): Promise<Replay> {
    const served = (body: unknown): unknown => JSON.parse(JSON.stringify(body).split(SERVICE).join(s.url));
    const s = await serve((hit, res) => {
      const e = exchanges.find((x) => hit.method === x.request.method && hit.url === url(x));
      const missing = { errors: [{ status: '404', detail: `nothing recorded for ${hit.url}` }] };
      if (!e) {
        return json(res, missing, { status: 404 });
      }
      return json(res, served(e.response.body), { status: e.response.status });
    });
    const cc = new ConfluentCloud({ apiKey: 'key', apiSecret: 'secret', baseUrl: s.url, maxRetries: 0 });
    return { cc, hits: s.hits, served };
  }

  it.each(exchanges.filter((e) => e.response.status === 200 && calls[e.operationId]).map((e) => [e.says, e] as const))(
    '%s',
    async (_, e) => {
      const { cc, hits, served } = await replay();
      expect(await calls[e.operationId]!(cc, e)).toEqual(served(e.response.body));
      expect(hits.map((h) => h.url)).toEqual([url(e)]);
    },
  );

  it("a deleted cluster: the 403 reaches the caller with the service's error item", async () => {
    const e = exchanges.find((x) => x.departure === 'gone-is-403')!;
    const { cc } = await replay();
    const error = await calls[e.operationId]!(cc, e).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(403);
    const item = { code: 'forbidden_access', detail: 'Forbidden Access', source: {} };
    expect((error as ApiError).errors[0]).toMatchObject(item);
  });

  it('waitFor on a peering ends at PENDING_ACCEPT (the default settled phases), after one read', async () => {
    const { cc, hits } = await replay();
    const settled = await cc.peerings.waitFor('peer-c0nf41', { environment: 'env-c0nf01' }, { timeoutMs: 5_000 });
    expect(settled.status.phase).toBe('PENDING_ACCEPT');
    expect(hits).toHaveLength(1);
  });

  it("waitFor on a failed network throws ResourceFailedError carrying the service's error_message", async () => {
    const e = exchanges.find((x) => x.request.path.endsWith('/n-c0nf18'))!;
    const { cc } = await replay();
    const error = await cc.networks.waitFor('n-c0nf18', { environment: 'env-c0nf01' }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ResourceFailedError);
    const message = (e.response.body as { status: { error_message: string } }).status.error_message;
    expect((error as ResourceFailedError).message).toContain(message);
  });

  it('a null network list reads as no networks', async () => {
    const e = exchanges.find((x) => x.departure === 'accept-networks-null')!;
    const { cc } = await replay();
    const nls = await cc.networkLinkServices.get('nls-c0nf21', { environment: 'env-c0nf01' });
    expect(nls.spec.accept?.networks).toBeNull();
    expect((nls.spec.accept?.networks ?? []).length).toBe(0);
    expect(e.response.status).toBe(200);
  });

  it('listAll crosses to the last page and ends on next ""', async () => {
    const { cc, hits } = await replay();
    const items: NetworkListItem[] = [];
    for await (const n of cc.networks.listAll({ environment: 'env-c0nf01', page_size: 2 })) {
      items.push(n);
    }
    const pages = exchanges.filter((x) => x.operationId === 'listNetworkingV1Networks');
    const expected = pages.flatMap((p) => (p.response.body as { data: NetworkListItem[] }).data.map((n) => n.id));
    expect(items.map((n) => n.id)).toEqual(expected);
    expect(hits.map((h) => h.url)).toEqual(pages.map(url));
  });
});
