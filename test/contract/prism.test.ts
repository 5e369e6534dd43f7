// Contract test: each of the 25 operations, through the generated client, against Prism mocking the project's
// own bundled spec with request validation on (--errors): a request that breaks the spec gets a 422 and fails.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV, GROUPS } from './calls.js';
import { startMock, type MockServer } from './prism-server.js';
import { ApiError, ConfluentCloud } from '../../generated/src/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let mock: MockServer;
let cc: ConfluentCloud;

beforeAll(async () => {
  mock = await startMock({ spec: path.join(ROOT, 'generated/openapi.json') });
  cc = new ConfluentCloud({ baseUrl: mock.url, apiKey: 'key', apiSecret: 'secret', maxRetries: 0 });
}, 90_000);

afterAll(async () => {
  await mock?.stop();
});

describe.each(GROUPS)('$group', (g) => {
  it('create', async () => {
    const created = (await g.create(cc)) as { id?: string; status?: { phase?: string } };
    expect(created.id).toMatch(/\w+-\w+/);
    expect(created.status?.phase).toBeTypeOf('string');
  });
  it('get', async () => {
    const got = await cc[g.group].get(g.id, { environment: ENV });
    expect(got.id).toBeTypeOf('string');
  });
  it('list (with repeated array filters)', async () => {
    const page = await g.list(cc);
    expect(Array.isArray(page.data)).toBe(true);
  });
  it('update', async () => {
    const updated = (await g.update(cc)) as { spec?: object };
    expect(updated.spec).toBeTypeOf('object');
  });
  it('delete', async () => {
    await expect(cc[g.group].delete(g.id, { environment: ENV })).resolves.toBeUndefined();
  });
});

describe('the stand-in really validates', () => {
  it('a request missing the required environment is refused', async () => {
    // @ts-expect-error environment is required; sent anyway to prove the stand-in checks requests
    const err = await cc.networks.get('n-abcde1', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect([400, 422]).toContain((err as ApiError).status);
  });
});
