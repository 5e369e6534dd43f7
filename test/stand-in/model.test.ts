// The stand-in's facts come from the generator's model: right for spec/, and never a reason for generation to fail
// on another document. What it cannot model is listed when it starts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, generate } from '../../generator/index.js';
import type { StandInModel } from '../../stand-in/types.js';
import { serve } from '../../generated/src/testing/server.js';
import { ROOT } from './helpers.js';
import { SEED_OPERATIONS } from '../spec/seed-operations.js';

const bundled = JSON.parse(readFileSync(path.join(ROOT, 'generated/openapi.json'), 'utf8'));
const FIXTURES = path.join(ROOT, 'test/fixtures/generator');
// Confluent's reference specs, beside the checkout (../shared) or beside a worktree's parent (../../shared).
const REFERENCE = [path.resolve(ROOT, '../shared/reference'), path.resolve(ROOT, '../../shared/reference')].find((d) =>
  existsSync(d),
);

function modelOf(files: Map<string, string>): StandInModel {
  const text = files.get('src/testing/model.ts')!;
  return JSON.parse(text.slice(text.indexOf('= ') + 2).replace(/;\s*$/, '')) as StandInModel;
}

describe('for spec/', () => {
  const model = buildModel(bundled).standIn;
  const byName = new Map(model.collections.map((c) => [c.name, c]));

  // Tolerant of an operation added to the spec: the seeds' five collections must be there, and every seed
  // operation served; a new operation the stand-in cannot serve is listed in `unmodelled` (and answers 501).
  it('finds the five collections and serves every seed operation', () => {
    expect([...byName.keys()]).toEqual([
      'networks',
      'peerings',
      'privateLinkAccesses',
      'networkLinkServices',
      'clusters',
    ]);
    const seeds = SEED_OPERATIONS.map((s) => `${s.method} ${s.path}`);
    expect(model.unmodelled.filter((u) => seeds.some((s) => u.startsWith(`${s} (`)))).toEqual([]);
  });

  it('takes id prefixes from the examples, phases from the lifecycle model, constants from the schemas', () => {
    expect(model.collections.map((c) => c.idPrefix)).toEqual(['n-', 'peer-', 'pla-', 'nls-', 'lkc-']);
    expect(byName.get('peerings')!.phases).toEqual({
      provisioning: ['PROVISIONING', 'PENDING_ACCEPT', 'READY'],
      failed: 'FAILED',
      errorMessage: ['status', 'error_message'],
      deprovisioning: 'DEPROVISIONING',
      awaiting: 'PENDING_ACCEPT',
    });
    expect(byName.get('peerings')!.eventFields).toEqual({
      failure: [
        ['status', 'error_code'],
        ['status', 'error_message'],
      ],
      deletion: [['metadata', 'deleted_at']],
    });
    // Creates answer as the spec declares (202 Accepted here), not the stand-in's default 201.
    expect(model.collections.map((c) => c.statuses)).toEqual(Array(5).fill({ create: 202, update: 200, remove: 204 }));
    expect(byName.get('peerings')!.goneAnswer).toEqual({ status: 403, code: 'forbidden_access' });
    expect(byName.get('clusters')!.phases).toEqual({ provisioning: ['PROVISIONING', 'PROVISIONED'], failed: 'FAILED' });
    expect(byName.get('clusters')).toMatchObject({
      apiVersion: 'cmk/v2',
      kind: 'Cluster',
      listKind: 'ClusterList',
      crnKey: 'cluster',
    });
  });

  it('reads environment scoping, list filters, paging and what an update may change', () => {
    const networks = byName.get('networks')!;
    expect(networks.environment).toEqual({ query: 'environment', bodyPath: ['spec', 'environment', 'id'] });
    expect(networks.filters.map((f) => f.param)).toContain('spec.cloud');
    expect(networks.page).toEqual({ sizeParam: 'page_size', tokenParam: 'page_token', defaultSize: 10, maxSize: 1000 });
    expect(networks.updatable).toEqual([['spec', 'display_name']]);
    expect(networks.serverOwned).toEqual(['id', 'api_version', 'kind', 'metadata', 'status']);
  });

  it('gives each collection its item schema (the success response of its get), so the server reads no paths', () => {
    const methods = buildModel(bundled).resources.flatMap((r) => r.methods);
    for (const c of model.collections) {
      const get = methods.find((m) => m.httpMethod === 'GET' && m.path === c.itemPath)!;
      expect(c.itemSchema, c.name).toEqual(get.response.schema);
      expect(c.itemSchema, c.name).toBeDefined();
    }
    const server = readFileSync(path.join(ROOT, 'stand-in/server.ts'), 'utf8');
    expect(server).not.toMatch(/doc\.paths|\.paths\[/);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(JSON.parse(JSON.stringify(model)));
    expect(
      modelOf(
        new Map([['src/testing/model.ts', readFileSync(path.join(ROOT, 'generated/src/testing/model.ts'), 'utf8')]]),
      ).collections,
    ).toHaveLength(5);
  });
});

describe('other documents', () => {
  const fixtures = readdirSync(FIXTURES)
    .sort()
    .map((f) => {
      const dir = path.join(FIXTURES, f);
      return path.join(dir, readdirSync(dir).find((n) => /^openapi\.(ya?ml|json)$/.test(n))!);
    });
  const reference = readdirSync(REFERENCE ?? FIXTURES, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(REFERENCE!, e.name));

  it.each([...fixtures, ...reference])(
    'generation never fails because of the stand-in: %s',
    async (spec) => {
      const model = modelOf(await generate({ spec, cwd: ROOT }));
      expect(Array.isArray(model.collections)).toBe(true);
      expect(Array.isArray(model.unmodelled)).toBe(true);
    },
    60_000,
  );

  it.skipIf(!REFERENCE)(
    "Confluent's reference networking spec: seven collections, peerings through PENDING_ACCEPT",
    async () => {
      const model = modelOf(await generate({ spec: path.join(REFERENCE!, 'networking-v1.openapi.yaml'), cwd: ROOT }));
      expect(model.collections.length).toBe(7);
      expect(model.collections.find((c) => c.name === 'peerings')?.phases?.provisioning).toEqual([
        'PROVISIONING',
        'PENDING_ACCEPT',
        'READY',
      ]);
    },
    60_000,
  );

  it('a spec without collections: empty model, its operations listed when the stand-in starts', async () => {
    const spec = fixtures.find((f) => f.includes('/open-enum/'))!;
    const files = await generate({ spec, cwd: ROOT });
    const model = modelOf(files);
    expect(model.collections).toEqual([]);
    expect(model.unmodelled).toEqual(['GET /regions (no collection: no GET /regions/{id} to read an item back)']);
    const lines: string[] = [];
    const stand = await serve(model, JSON.parse(files.get('openapi.json')!), { log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toContain('GET /regions (no collection');
      const res = await fetch(`${stand.url}/regions`, { headers: { authorization: 'Basic a2V5OnNlY3JldA==' } });
      expect(res.status).toBe(501);
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('not_modelled');
    } finally {
      await stand.close();
    }
  }, 60_000);
});
