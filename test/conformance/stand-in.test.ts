// The stand-in serves the package's openapi.json, so it follows the overlay too: an update that removes every
// network from a network link service's accept list (`networks: null`, departure `accept-networks-null`) is
// taken, and the null comes back as the service sends it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConfluentCloud } from '../../generated/src/index.js';
import { startStandIn, type StandIn } from '../../generated/src/testing/index.js';

const ENV = 'env-c0nf01';
let stand: StandIn;
let cc: ConfluentCloud;

beforeAll(async () => {
  stand = await startStandIn({ seed: 19, phases: { provisionMs: 0 } });
  cc = new ConfluentCloud({ baseUrl: stand.url, apiKey: 'key', apiSecret: 'secret', maxRetries: 0 });
}, 30_000);

afterAll(async () => {
  await stand?.close();
});

it('takes and answers spec.accept.networks: null', async () => {
  const created = await cc.networkLinkServices.create({
    spec: {
      display_name: 'conformance-link-service',
      accept: { environments: ['env-c0nf02'], networks: ['n-c0nf11'] },
      environment: { id: ENV },
      network: { id: 'n-c0nf11', environment: ENV },
    },
  });
  const update = { spec: { environment: { id: ENV }, accept: { environments: ['env-c0nf02'], networks: null } } };
  const updated = await cc.networkLinkServices.update(created.id!, update);
  expect(updated.spec.accept?.networks).toBeNull();
  const read = await cc.networkLinkServices.get(created.id!, { environment: ENV });
  expect(read.spec.accept).toEqual({ environments: ['env-c0nf02'], networks: null });
});
