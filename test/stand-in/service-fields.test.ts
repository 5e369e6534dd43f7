// What the stand-in fills and empties the way the service does, each switchable: readOnly fields of their form
// (endpoints, DNS domains, status.cloud), the service's "nothing" values (`[]`, `null`, `""`), and the fields set
// only by an event (a failure's message, a deletion's time). Every answer is checked against the bundled spec.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourceFailedError, type ConfluentCloud } from '../../generated/src/index.js';
import { startStandIn, type StandIn } from '../../generated/src/testing/index.js';
import { serve } from '../../generated/src/testing/server.js';
import { generate } from '../../generator/index.js';
import type { StandInModel } from '../../stand-in/types.js';
import { ENV, ROOT, network, recordingClient, responseChecker, type Exchange } from './helpers.js';

const log: Exchange[] = [];
const stands: StandIn[] = [];
let on: ConfluentCloud;
let off: ConfluentCloud;

const cluster = {
  spec: {
    display_name: 'c1',
    availability: 'SINGLE_ZONE' as const,
    cloud: 'AWS',
    region: 'us-east-1',
    config: { kind: 'Basic' as const },
    environment: { id: ENV },
  },
};
const linkService = {
  spec: {
    display_name: 'nls',
    accept: { networks: ['n-abcde1'] },
    environment: { id: ENV },
    network: { id: 'n-abcde1' },
  },
};

beforeAll(async () => {
  const phases = {
    pollsPerPhase: 1,
    deprovisionMs: 60_000,
    fail: (r: { [key: string]: unknown }) => (r.spec as { display_name?: string }).display_name === 'doomed',
  };
  const [a, b] = await Promise.all([
    startStandIn({ seed: 3, phases }),
    startStandIn({ seed: 3, phases, service: { fillsReadOnly: false, emptyValues: false } }),
  ]);
  stands.push(a, b);
  on = recordingClient(a.url, { log });
  off = recordingClient(b.url, { log });
}, 30_000);

afterAll(async () => {
  await Promise.all(stands.map((s) => s.close()));
});

describe('readOnly fields the service fills (fillsReadOnly)', () => {
  it('a network gets its DNS domain, zonal subdomains and status.cloud; off: only the required ones', async () => {
    const n = await on.networks.create(network('dns'));
    expect(n.status.dns_domain).toMatch(/\./);
    expect(Object.keys(n.status.zonal_subdomains ?? {}).length).toBeGreaterThan(0);
    expect(n.status.cloud?.kind).toBe('AwsNetwork');
    expect(n.spec.environment?.related).toMatch(new RegExp(`/${ENV}$`));
    const bare = await off.networks.create(network('dns'));
    expect(bare.status.dns_domain).toBeUndefined();
    expect(bare.status.cloud).toBeUndefined();
    expect(bare.spec.environment?.related).toMatch(new RegExp(`/${ENV}$`));
  });

  it("a cluster gets its bootstrap and HTTP endpoints (a user's code connects to them); off: none", async () => {
    const c = await on.clusters.create(cluster);
    expect(c.spec.kafka_bootstrap_endpoint).toMatch(/:9092$/);
    expect(c.spec.http_endpoint).toMatch(/^https:\/\//);
    const bare = await off.clusters.create(cluster);
    expect(bare.spec.kafka_bootstrap_endpoint).toBeUndefined();
    expect(bare.spec.http_endpoint).toBeUndefined();
  });
});

describe("the service's empty values (emptyValues, x-service-empty)", () => {
  it('a network with nothing attached has active_connection_types []; off: a sample, or nothing', async () => {
    const n = await on.networks.get((await on.networks.create(network('idle'))).id!, { environment: ENV });
    expect(n.status.active_connection_types).toEqual([]);
    const bare = await off.networks.create(network('idle'));
    expect(bare.status.active_connection_types).toBeUndefined();
  });

  it('a reference the stand-in made up (spec.gateway) has empty links; a set one (environment) real ones', async () => {
    const n = await on.networks.create(network('gw'));
    expect(n.spec.gateway?.related).toBe('');
    expect(n.spec.gateway?.resource_name).toBe('');
    expect(n.spec.environment?.resource_name).toContain(`environment=${ENV}`);
  });

  it('an update that empties accept.networks reads back null; off: []', async () => {
    const body = { spec: { accept: { networks: [] }, environment: { id: ENV } } };
    const nls = await on.networkLinkServices.create(linkService);
    expect(nls.spec.accept?.networks).toEqual(['n-abcde1']);
    await on.networkLinkServices.update(nls.id!, body);
    expect((await on.networkLinkServices.get(nls.id!, { environment: ENV })).spec.accept?.networks).toBeNull();
    const other = await off.networkLinkServices.create(linkService);
    await off.networkLinkServices.update(other.id!, body);
    expect((await off.networkLinkServices.get(other.id!, { environment: ENV })).spec.accept?.networks).toEqual([]);
  });
});

describe('fields set by an event', () => {
  it('a live resource has no error_message or deleted_at; FAILED carries error_message into ResourceFailedError', async () => {
    const n = await on.networks.create(network('doomed'));
    expect(n.status.error_message).toBeUndefined();
    expect(n.metadata?.deleted_at).toBeUndefined();
    const err = await on.networks.waitFor(n.id!, { environment: ENV }, { intervalMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailedError);
    const failed = await on.networks.get(n.id!, { environment: ENV });
    expect(failed.status.phase).toBe('FAILED');
    expect(failed.status.error_message).toMatch(/failed to provision/);
    expect(typeof failed.status.error_code).toBe('string');
    expect((err as Error).message).toContain(failed.status.error_message);
  });

  it('a resource being deleted has metadata.deleted_at, at the time of the delete', async () => {
    const n = await on.networks.create(network('going'));
    const before = Date.now();
    await on.networks.delete(n.id!, { environment: ENV });
    const going = await on.networks.get(n.id!, { environment: ENV });
    expect(going.status.phase).toBe('DEPROVISIONING');
    expect(Date.parse(going.metadata!.deleted_at!)).toBeGreaterThanOrEqual(before - 1000);
  });
});

it('every answer above fits the bundled spec (after its overlay)', async () => {
  const check = await responseChecker();
  expect(log.length).toBeGreaterThan(10);
  expect(log.flatMap(check)).toEqual([]);
});

describe('any spec: readOnly fields and x-service-empty', () => {
  const SPEC = `
openapi: 3.0.3
info: { title: Widgets, version: 1.0.0 }
paths:
  /widgets:
    post:
      operationId: createWidget
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } } } }
  /widgets/{id}:
    get:
      operationId: getWidget
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Widget' } } } } }
components:
  schemas:
    Widget:
      type: object
      required: [name]
      properties:
        id: { type: string, readOnly: true, example: wdg-abc123 }
        name: { type: string }
        endpoint: { type: string, format: uri, readOnly: true, example: 'https://wdg-abc123.widgets.example' }
        tags: { type: array, readOnly: true, items: { type: string, example: blue }, x-service-empty: [] }
`;

  it('fills a readOnly field from its example and answers x-service-empty', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'service-fields-')), 'openapi.yaml');
    writeFileSync(file, SPEC);
    const files = await generate({ spec: file, cwd: ROOT });
    const text = files.get('src/testing/model.ts')!;
    const model = JSON.parse(text.slice(text.indexOf('= ') + 2).replace(/;\s*$/, '')) as StandInModel;
    const stand = await serve(model, JSON.parse(files.get('openapi.json')!), { log: () => {} });
    try {
      const headers = { authorization: 'Basic a2V5OnNlY3JldA==', 'content-type': 'application/json' };
      const res = await fetch(`${stand.url}/widgets`, { method: 'POST', headers, body: '{"name":"w"}' });
      expect(res.status).toBe(201);
      const w = (await res.json()) as { endpoint?: string; tags?: string[] };
      expect(w.endpoint).toBe('https://wdg-abc123.widgets.example');
      expect(w.tags).toEqual([]);
    } finally {
      await stand.close();
    }
  }, 60_000);
});
