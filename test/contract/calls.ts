// One realistic request of each kind for every resource group: used by the demo (make) and the
// contract test, so both exercise exactly the same calls against the Prism stand-in.
import type { ConfluentCloud } from '../../generated/src/index.js';

export const ENV = 'env-00000';

type Call = (cc: ConfluentCloud) => Promise<unknown>;

export interface GroupCalls {
  group: keyof Pick<
    ConfluentCloud,
    'networks' | 'peerings' | 'privateLinkAccesses' | 'networkLinkServices' | 'clusters'
  >;
  id: string;
  create: Call;
  /** A filtered list: array filters go out as repeated, dotted query parameters. */
  list: (cc: ConfluentCloud) => Promise<{ data: unknown[]; metadata?: { next?: string | null } }>;
  update: Call;
}

export const GROUPS: GroupCalls[] = [
  {
    group: 'networks',
    list: (cc) =>
      cc.networks.list({ environment: ENV, 'spec.cloud': ['AWS', 'GCP'], 'status.phase': ['READY'], page_size: 10 }),
    id: 'n-abcde1',
    create: (cc) =>
      cc.networks.create({
        spec: {
          display_name: 'prod-aws-us-east1',
          cloud: 'AWS',
          region: 'us-east-1',
          connection_types: ['PRIVATELINK'],
          zones: ['use1-az1', 'use1-az2', 'use1-az4'],
          environment: { id: ENV },
        },
      }),
    update: (cc) =>
      cc.networks.update('n-abcde1', { spec: { display_name: 'prod-aws-us-east1-renamed', environment: { id: ENV } } }),
  },
  {
    group: 'peerings',
    list: (cc) =>
      cc.peerings.list({ environment: ENV, 'spec.display_name': ['prod-peering', 'dr-peering'], page_size: 10 }),
    id: 'peer-00000',
    create: (cc) =>
      cc.peerings.create({
        spec: {
          display_name: 'prod-peering',
          cloud: {
            kind: 'AwsPeering',
            account: '000000000000',
            vpc: 'vpc-00000000000000000',
            routes: ['10.108.16.0/21'],
            customer_region: 'us-east-1',
          },
          environment: { id: ENV },
          network: { id: 'n-abcde1' },
        },
      }),
    update: (cc) =>
      cc.peerings.update('peer-00000', { spec: { display_name: 'prod-peering-renamed', environment: { id: ENV } } }),
  },
  {
    group: 'privateLinkAccesses',
    list: (cc) => cc.privateLinkAccesses.list({ environment: ENV, 'spec.network': ['n-abcde1'], page_size: 10 }),
    id: 'pla-00000',
    create: (cc) =>
      cc.privateLinkAccesses.create({
        spec: {
          display_name: 'prod-pla',
          cloud: { kind: 'AwsPrivateLinkAccess', account: '000000000000' },
          environment: { id: ENV },
          network: { id: 'n-abcde1' },
        },
      }),
    update: (cc) =>
      cc.privateLinkAccesses.update('pla-00000', {
        spec: { display_name: 'prod-pla-renamed', environment: { id: ENV } },
      }),
  },
  {
    group: 'networkLinkServices',
    list: (cc) =>
      cc.networkLinkServices.list({ environment: ENV, 'status.phase': ['READY', 'PROVISIONING'], page_size: 10 }),
    id: 'nls-00000',
    create: (cc) =>
      cc.networkLinkServices.create({
        spec: {
          display_name: 'prod-nls',
          description: 'Shared services',
          accept: { environments: ['env-11111'], networks: ['n-22222'] },
          environment: { id: ENV },
          network: { id: 'n-abcde1' },
        },
      }),
    update: (cc) =>
      cc.networkLinkServices.update('nls-00000', {
        spec: { display_name: 'prod-nls-renamed', environment: { id: ENV } },
      }),
  },
  {
    group: 'clusters',
    list: (cc) => cc.clusters.list({ environment: ENV, 'spec.network': ['n-abcde1', 'n-fghij2'], page_size: 10 }),
    id: 'lkc-00000',
    create: (cc) =>
      cc.clusters.create({
        spec: {
          display_name: 'orders',
          availability: 'SINGLE_ZONE',
          cloud: 'GCP',
          region: 'us-east4',
          config: { kind: 'Basic' },
          environment: { id: ENV },
        },
      }),
    update: (cc) =>
      cc.clusters.update('lkc-00000', { spec: { display_name: 'orders-renamed', environment: { id: ENV } } }),
  },
];
