// Type-level guarantees of the generated models (vitest --typecheck). Each @ts-expect-error is a test that
// fails if the generated types stop rejecting the mistake; each sits on a line that has that one mistake and
// no other (types-one-error.test.ts checks it). readOnly is tested where a readOnly property sits beside
// writable ones, so a body type that kept it would fail.
import { describe, expectTypeOf, it } from 'vitest';
import type { Clusters, Networks } from '../../generated/src/index.js';
import type {
  Cluster,
  EnvScopedObjectReference,
  EnvScopedObjectReferenceWritable,
  Network,
  ClusterCreate,
  ClusterListItem,
  NetworkCreate,
  NetworkGetParams,
  NetworkLinkServiceCreate,
  NetworkListItem,
  PeeringCreate,
  PeeringListItem,
  PrivateLinkAccessCreate,
  NetworkListParams,
} from '../../generated/src/models.js';
// The readonly fixture's generated output (its committed snapshot): readOnly scalars, a readOnly object and
// a nested readOnly property, each beside writable ones.
import type { Item, ItemWritable, Owner, OwnerWritable } from '../generator/__snapshots__/readonly/src/models.js';

describe('create bodies', () => {
  it('a valid create body type-checks for each of the five groups', () => {
    const network: NetworkCreate = {
      spec: {
        display_name: 'prod-network',
        cloud: 'AWS',
        region: 'us-east-1',
        connection_types: ['PRIVATELINK'],
        environment: { id: 'env-00000' },
      },
    };
    const peering: PeeringCreate = {
      spec: {
        display_name: 'prod-peering',
        cloud: {
          kind: 'AwsPeering',
          account: '000000000000',
          vpc: 'vpc-00000',
          routes: ['10.0.0.0/16'],
          customer_region: 'us-east-1',
        },
        environment: { id: 'env-00000' },
        network: { id: 'n-00000' },
      },
    };
    const access: PrivateLinkAccessCreate = {
      spec: {
        display_name: 'prod-pla',
        cloud: { kind: 'AwsPrivateLinkAccess', account: '000000000000' },
        environment: { id: 'env-00000' },
        network: { id: 'n-00000' },
      },
    };
    const service: NetworkLinkServiceCreate = {
      spec: { display_name: 'prod-nls', environment: { id: 'env-00000' }, network: { id: 'n-00000' } },
    };
    const cluster: ClusterCreate = {
      spec: {
        display_name: 'prod-cluster',
        availability: 'SINGLE_ZONE',
        cloud: 'GCP',
        region: 'us-east4',
        config: { kind: 'Basic' },
        environment: { id: 'env-00000' },
      },
    };
    expectTypeOf(network.spec.cloud).toBeString();
    void [peering, access, service, cluster]; // used, so only the annotations and @ts-expect-error lines above are the checks
  });

  it('create and update methods take the bodies tested here', () => {
    expectTypeOf<Parameters<Networks['create']>[0]>().toEqualTypeOf<NetworkCreate>();
    expectTypeOf<Parameters<Clusters['create']>[0]>().toEqualTypeOf<ClusterCreate>();
  });

  it('drops a readOnly property and keeps its writable siblings (spec/)', () => {
    // Network.spec.gateway is readOnly beside the writable display_name, cloud, region, ...
    expectTypeOf<Network['spec']>().toHaveProperty('gateway');
    expectTypeOf<NetworkCreate['spec']>().not.toHaveProperty('gateway');
    expectTypeOf<NetworkCreate['spec']>().toHaveProperty('display_name');
    expectTypeOf<NetworkCreate['spec']>().toHaveProperty('region');
    // EnvScopedObjectReference.related is readOnly beside the writable id.
    expectTypeOf<EnvScopedObjectReference>().toHaveProperty('related');
    expectTypeOf<EnvScopedObjectReferenceWritable>().not.toHaveProperty('related');
    expectTypeOf<EnvScopedObjectReferenceWritable>().toHaveProperty('id');
    expectTypeOf<ClusterCreate['spec']['environment']>().toEqualTypeOf<EnvScopedObjectReferenceWritable>();
  });

  it('rejects a readOnly property sent beside writable ones (spec/)', () => {
    const network: NetworkCreate = {
      spec: {
        display_name: 'n',
        cloud: 'AWS',
        region: 'us-east-1',
        connection_types: ['PRIVATELINK'],
        environment: { id: 'env-1' },
        // @ts-expect-error gateway is readOnly: the server creates it
        gateway: null,
      },
    };
    const cluster: ClusterCreate = {
      spec: {
        display_name: 'c',
        availability: 'SINGLE_ZONE',
        cloud: 'AWS',
        region: 'us-east-1',
        config: { kind: 'Basic' },
        environment: {
          id: 'env-1',
          // @ts-expect-error environment.related is readOnly
          related: 'https://api.confluent.cloud/x',
        },
      },
    };
    void [network, cluster]; // used, so only the annotations and @ts-expect-error lines above are the checks
  });

  it('drops readOnly properties, objects and nested properties (readonly fixture)', () => {
    expectTypeOf<Item>().toHaveProperty('id');
    expectTypeOf<Item>().toHaveProperty('meta');
    expectTypeOf<ItemWritable>().not.toHaveProperty('id');
    expectTypeOf<ItemWritable>().not.toHaveProperty('meta');
    expectTypeOf<ItemWritable>().toHaveProperty('name');
    expectTypeOf<Owner>().toHaveProperty('self');
    expectTypeOf<OwnerWritable>().not.toHaveProperty('self');
    expectTypeOf<OwnerWritable>().toHaveProperty('id');
    expectTypeOf<NonNullable<ItemWritable['owner']>>().toEqualTypeOf<OwnerWritable>();
  });

  it('rejects readOnly properties sent beside writable ones (readonly fixture)', () => {
    const withId: ItemWritable = {
      name: 'a',
      // @ts-expect-error id is readOnly
      id: 'i-1',
    };
    const withMeta: ItemWritable = {
      name: 'a',
      // @ts-expect-error meta is a readOnly object
      meta: {},
    };
    const withSelf: ItemWritable = {
      name: 'a',
      owner: {
        id: 'u-1',
        // @ts-expect-error owner.self is readOnly
        self: 'https://example.com/u-1',
      },
    };
    const fine: ItemWritable = { name: 'a', owner: { id: 'u-1' } };
    void [withId, withMeta, withSelf, fine]; // used, so only the annotations and @ts-expect-error lines above are the checks
  });

  it('rejects a missing required property', () => {
    const cluster: ClusterCreate = {
      // @ts-expect-error region is required
      spec: {
        display_name: 'c',
        availability: 'SINGLE_ZONE',
        cloud: 'AWS',
        config: { kind: 'Basic' },
        environment: { id: 'env-1' },
      },
    };
    // @ts-expect-error spec is required
    const network: NetworkCreate = {};
    void [cluster, network]; // used, so only the annotations and @ts-expect-error lines above are the checks
  });

  it('rejects a wrong property type', () => {
    const cluster: ClusterCreate = {
      spec: {
        display_name: 'c',
        availability: 'SINGLE_ZONE',
        cloud: 'AWS',
        region: 'us-east-1',
        // @ts-expect-error cku is an integer, not a string
        config: { kind: 'Dedicated', cku: 'two' },
        environment: { id: 'env-1' },
      },
    };
    void cluster; // used, so only its annotation above is the check
  });

  it('does not require properties that only have a default', () => {
    // release_priority has a default (REGULAR): the property exists, and leaving it out type-checks.
    type Dedicated = Extract<ClusterCreate['spec']['config'], { kind: 'Dedicated' }>;
    expectTypeOf<Dedicated>().toHaveProperty('release_priority');
    const dedicated: Dedicated = { kind: 'Dedicated', cku: 2 };
    expectTypeOf(dedicated.cku).toBeNumber();
  });
});

describe('discriminated unions', () => {
  it('narrows cluster config on kind', () => {
    const describeConfig = (c: Cluster): number | undefined => {
      const config = c.spec?.config;
      if (config?.kind === 'Dedicated') {
        expectTypeOf(config.cku).toEqualTypeOf<number>();
        return config.cku;
      }
      if (config?.kind === 'Basic') {
        // @ts-expect-error cku: Basic has none
        return config.cku;
      }
      return undefined;
    };
    void describeConfig; // used, so only the narrowing inside it is the check
  });

  it('open enums accept known values and new ones', () => {
    const known: NetworkCreate['spec']['cloud'] = 'AWS';
    const future: NetworkCreate['spec']['cloud'] = 'ORACLE';
    expectTypeOf(known).toBeString();
    expectTypeOf(future).toBeString();
  });
});

describe('list items', () => {
  it('keep id, status.phase and their spec fields', () => {
    expectTypeOf<NetworkListItem['id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<NetworkListItem['status']>['phase']>().toMatchTypeOf<string>();
    expectTypeOf<NonNullable<NetworkListItem['spec']>['display_name']>().toMatchTypeOf<string | undefined>();
    expectTypeOf<PeeringListItem['id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<ClusterListItem['status']>['phase']>().toMatchTypeOf<string>();
    expectTypeOf<NonNullable<ClusterListItem['spec']>['region']>().toMatchTypeOf<string | undefined>();
  });
});

describe('query parameters', () => {
  it('environment is required where the API requires it', () => {
    const ok: NetworkGetParams = { environment: 'env-1' };
    // @ts-expect-error environment is required
    const missing: NetworkGetParams = {};
    const filters: NetworkListParams = { environment: 'env-1', 'spec.cloud': ['AWS', 'GCP'], page_size: 10 };
    // @ts-expect-error spec.cloud: filters are arrays
    const notArray: NetworkListParams = { environment: 'env-1', 'spec.cloud': 'AWS' };
    void [ok, missing, filters, notArray]; // used, so only the annotations and @ts-expect-error lines above are the checks
  });
});
