// Type-level guarantees of the generated models (vitest --typecheck). Each @ts-expect-error is a test that
// fails if the generated types stop rejecting the mistake.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Cluster,
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
        cloud: { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-00000', routes: ['10.0.0.0/16'], customer_region: 'us-east-1' },
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
    expectTypeOf([network, peering, access, service, cluster]).not.toBeNever();
  });

  it('rejects readOnly fields in a create body', () => {
    // @ts-expect-error id is readOnly: the server assigns it
    const a: NetworkCreate = { id: 'n-1', spec: { environment: { id: 'env-1' } } };
    const b: ClusterCreate = {
      // @ts-expect-error status is readOnly
      status: { phase: 'PROVISIONED' },
      spec: { display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Basic' }, environment: { id: 'env-1' } },
    };
    const c: ClusterCreate = {
      spec: {
        display_name: 'c',
        availability: 'SINGLE_ZONE',
        cloud: 'AWS',
        region: 'us-east-1',
        config: { kind: 'Basic' },
        // @ts-expect-error environment.related is readOnly
        environment: { id: 'env-1', related: 'https://api.confluent.cloud/x' },
      },
    };
    expectTypeOf([a, b, c]).not.toBeNever();
  });

  it('rejects a missing required property', () => {
    const cluster: ClusterCreate = {
      // @ts-expect-error region is required
      spec: { display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', config: { kind: 'Basic' }, environment: { id: 'env-1' } },
    };
    // @ts-expect-error spec is required
    const network: NetworkCreate = {};
    expectTypeOf([cluster, network]).not.toBeNever();
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
    expectTypeOf(cluster).not.toBeNever();
  });

  it('does not require properties that only have a default', () => {
    const dedicated: ClusterCreate['spec']['config'] = { kind: 'Dedicated', cku: 2 };
    expectTypeOf(dedicated).not.toBeNever();
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
        // @ts-expect-error Basic has no cku
        return config.cku;
      }
      return undefined;
    };
    expectTypeOf(describeConfig).toBeFunction();
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
    // @ts-expect-error filters are arrays
    const notArray: NetworkListParams = { environment: 'env-1', 'spec.cloud': 'AWS' };
    expectTypeOf([ok, missing, filters, notArray]).not.toBeNever();
  });
});
