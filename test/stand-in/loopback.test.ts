// The stand-in driven through the generated public client on 127.0.0.1: phases, acceptance, pages, filters, 403 forbidden_access after delete,
// 401, 400, and every response checked against the bundled spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  GoneError,
  NotFoundError,
  ResourceFailedError,
  type ConfluentCloud,
  type NetworkCreate,
} from '../../generated/src/index.js';
import { startStandIn, type StandIn } from '../../generated/src/testing/index.js';
import { ENV, network, peering, recordingClient, responseChecker, type Exchange } from './helpers.js';

const log: Exchange[] = [];
let stand: StandIn;
let cc: ConfluentCloud;

beforeAll(async () => {
  stand = await startStandIn({
    seed: 7,
    phases: {
      provisionMs: 1500,
      deprovisionMs: 300,
      fail: (r) => (r.spec as { display_name?: string }).display_name === 'doomed',
    },
  });
  cc = recordingClient(stand.url, { log });
}, 30_000);

afterAll(async () => {
  await stand?.close();
});

describe('create and phases', () => {
  it('create fills what the server owns and starts in the first phase', async () => {
    const n = await cc.networks.create(network('first'));
    expect(n.id).toMatch(/^n-[a-z0-9]{6}$/);
    expect(n.api_version).toBe('networking/v1');
    expect(n.kind).toBe('Network');
    expect(n.status.phase).toBe('PROVISIONING');
    expect(n.metadata?.self).toBe(`${stand.url}/networking/v1/networks/${n.id}`);
    expect(n.metadata?.resource_name).toContain(`environment=${ENV}/network=${n.id}`);
    expect(n.spec.environment?.related).toMatch(new RegExp(`/${ENV}$`));
    const got = await cc.networks.get(n.id!, { environment: ENV });
    expect(got.spec.display_name).toBe('first');
  });

  it('a peering settles at PENDING_ACCEPT (the default waitFor ends there) and is READY once accepted', async () => {
    const p = await cc.peerings.create(peering('walk'));
    const settled = await cc.peerings.waitFor(p.id!, { environment: ENV }, { intervalMs: 40, timeoutMs: 10_000 });
    expect(settled.status.phase).toBe('PENDING_ACCEPT');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await cc.peerings.get(p.id!, { environment: ENV })).status.phase).toBe('PENDING_ACCEPT');
    stand.accept(p.id!);
    expect((await cc.peerings.get(p.id!, { environment: ENV })).status.phase).toBe('READY');
    expect(() => stand.accept('n-nothing')).toThrow(/no resource n-nothing waits to be accepted/);
  });

  it('with service.holdForAcceptance off, a peering walks on to READY by itself', async () => {
    const walking = await startStandIn({ phases: { pollsPerPhase: 2 }, service: { holdForAcceptance: false } });
    try {
      const client = recordingClient(walking.url, { log });
      const p = await client.peerings.create(peering('polled'));
      const phases = [p.status.phase];
      for (let i = 0; i < 5; i++) {
        phases.push((await client.peerings.get(p.id!, { environment: ENV })).status.phase);
      }
      expect(phases).toEqual(['PROVISIONING', 'PROVISIONING', 'PENDING_ACCEPT', 'PENDING_ACCEPT', 'READY', 'READY']);
    } finally {
      await walking.close();
    }
  });

  it('phases can advance by polls instead of time', async () => {
    const polled = await startStandIn({ phases: { pollsPerPhase: 2 } });
    try {
      const client = recordingClient(polled.url, { log });
      const p = await client.peerings.create(peering('polled'));
      const phases = [p.status.phase];
      for (let i = 0; i < 5; i++) {
        phases.push((await client.peerings.get(p.id!, { environment: ENV })).status.phase);
      }
      expect(phases).toEqual([
        'PROVISIONING',
        'PROVISIONING',
        'PENDING_ACCEPT',
        'PENDING_ACCEPT',
        'PENDING_ACCEPT',
        'PENDING_ACCEPT',
      ]);
    } finally {
      await polled.close();
    }
  });

  it('a resource chosen by phases.fail ends FAILED, which waitFor reports', async () => {
    const n = await cc.networks.create(network('doomed'));
    const err = await cc.networks
      .waitFor(
        n.id!,
        { environment: ENV },
        { intervalMs: 40, timeoutMs: 10_000, until: (r) => r.status.phase === 'READY' },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailedError);
  });
});

describe('lists', () => {
  it('listAll crosses three pages or more, in creation order, following absolute metadata.next links', async () => {
    const env = 'env-pages';
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await cc.networks.create(network(`page-${i}`, 'AWS', env))).id!);
    }
    const first = await cc.networks.list({ environment: env, page_size: 3 });
    expect(first.data.map((n) => n.id)).toEqual(ids.slice(0, 3));
    expect(first.metadata.total_size).toBe(7);
    expect(first.metadata.next).toMatch(new RegExp(`^${stand.url}/networking/v1/networks\\?.*page_token=`));
    expect(first.metadata.prev ?? undefined).toBeUndefined();
    const before = log.length;
    const all: string[] = [];
    for await (const n of cc.networks.listAll({ environment: env, page_size: 3 })) {
      all.push(n.id);
    }
    expect(all).toEqual(ids);
    expect(log.length - before).toBe(3);
    const second = await cc.networks.list({
      environment: env,
      page_size: 3,
      page_token: new URL(first.metadata.next!).searchParams.get('page_token')!,
    });
    expect(second.metadata.prev).toBe(first.metadata.first);
  });

  it('filters: repeated array parameters under dotted names, and environments kept apart', async () => {
    const env = 'env-filters';
    await cc.networks.create(network('aws-1', 'AWS', env));
    await cc.networks.create(network('gcp-1', 'GCP', env));
    await cc.networks.create(network('gcp-2', 'GCP', env));
    const names = async (query: Parameters<ConfluentCloud['networks']['list']>[0]) =>
      (await cc.networks.list(query)).data.map((n) => n.spec.display_name);
    expect(await names({ environment: env, 'spec.cloud': ['GCP'] })).toEqual(['gcp-1', 'gcp-2']);
    expect(
      await names({ environment: env, 'spec.cloud': ['GCP', 'AWS'], 'spec.display_name': ['aws-1', 'gcp-2'] }),
    ).toEqual(['aws-1', 'gcp-2']);
    expect(await names({ environment: env, 'spec.display_name': ['first'] })).toEqual([]);
    expect(await names({ environment: ENV, 'spec.display_name': ['first'] })).toEqual(['first']);
  });
});

describe('update and delete', () => {
  it('update changes the updatable fields only', async () => {
    const n = await cc.networks.create(network('before'));
    const updated = await cc.networks.update(n.id!, { spec: { display_name: 'after', environment: { id: ENV } } });
    expect(updated.spec.display_name).toBe('after');
    expect(updated.spec.cloud).toBe('AWS');
    expect((await cc.networks.get(n.id!, { environment: ENV })).spec.display_name).toBe('after');
  });

  it('delete goes through DEPROVISIONING, then the resource answers 403 forbidden_access, as the service does', async () => {
    const n = await cc.networks.create(network('short-lived'));
    await cc.networks.delete(n.id!, { environment: ENV });
    expect((await cc.networks.get(n.id!, { environment: ENV })).status.phase).toBe('DEPROVISIONING');
    await cc.networks.waitUntilDeleted(n.id!, { environment: ENV }, { intervalMs: 50, timeoutMs: 5_000 });
    const err = (await cc.networks.get(n.id!, { environment: ENV }).catch((e: unknown) => e)) as GoneError;
    expect(err).toBeInstanceOf(GoneError);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.status).toBe(403);
    expect(err.body).toEqual({
      errors: [
        { id: expect.any(String), status: '403', code: 'forbidden_access', detail: 'Forbidden Access', source: {} },
      ],
    });
  });

  it('with service.forbiddenWhenGone off, a deleted resource answers 404; lists end on next "" unless emptyNext is off', async () => {
    const plain = await startStandIn({
      phases: { deprovisionMs: 0 },
      service: { forbiddenWhenGone: false, emptyNext: false, errorTitles: true },
    });
    try {
      const client = recordingClient(plain.url, { log: [] });
      const n = await client.networks.create(network('plain'));
      await client.networks.delete(n.id!, { environment: ENV });
      const err = (await client.networks.get(n.id!, { environment: ENV }).catch((e: unknown) => e)) as GoneError;
      expect(err.status).toBe(404);
      expect(err.errors[0]).toMatchObject({ code: 'resource_not_found', title: 'Not Found' });
      expect((await client.networks.list({ environment: ENV })).metadata).not.toHaveProperty('next');
    } finally {
      await plain.close();
    }
    const last = await cc.networks.list({ environment: ENV, page_size: 100 });
    expect(last.metadata.next).toBe('');
  });

  it('an id from another environment is not found', async () => {
    const n = await cc.networks.create(network('elsewhere'));
    await expect(cc.networks.get(n.id!, { environment: 'env-other' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('errors as the service gives them', () => {
  it('401 with WWW-Authenticate when credentials are missing', async () => {
    const anon = recordingClient(stand.url, { log, auth: false });
    const err = await anon.networks.list({ environment: ENV }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).headers.get('www-authenticate')).toMatch(/^Basic realm=.*Bearer/);
  });

  it('400 with the Failure body on a body that breaks the spec', async () => {
    const bad = { spec: { ...network('bad').spec, zones: ['only-one'] } } as NetworkCreate;
    const err = await cc.networks.create(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).errors[0]).toMatchObject({
      status: '400',
      code: 'invalid_request',
      source: { pointer: '/spec/zones' },
    });
  });

  it('400 on a query that breaks the spec (missing required environment)', async () => {
    // @ts-expect-error environment is required; sent anyway to prove the stand-in checks requests
    const err = await cc.networks.list({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
  });
});

it('every response so far carries X-Request-Id and validates against the spec', async () => {
  expect(log.length).toBeGreaterThan(30);
  const check = await responseChecker();
  expect(log.flatMap(check)).toEqual([]);
  expect(new Set(log.map((e) => e.status))).toEqual(new Set([200, 202, 204, 400, 401, 403]));
});
