// What the demo creates in each of the five groups: a valid create body for a given display name, and the update.
// (test/contract/calls.ts keeps the fixed calls the Prism contract test makes.)
import type { ConfluentCloud } from '../generated/src/index.js';

export const ENV = 'env-00000';

type Created = { id?: string; spec: { display_name?: string }; status: { phase: string } };

export interface DemoGroup {
  group: 'networks' | 'peerings' | 'privateLinkAccesses' | 'networkLinkServices' | 'clusters';
  /** Creates one, named `name`; `network` is the id of the network the demo created first. */
  create: (cc: ConfluentCloud, name: string, network: string) => Promise<Created>;
  ready: string;
}

const env = { id: ENV };

export const DEMO_GROUPS: DemoGroup[] = [
  {
    group: 'networks',
    ready: 'READY',
    create: (cc, name) =>
      cc.networks.create({
        spec: {
          display_name: name,
          cloud: 'AWS',
          region: 'us-east-1',
          connection_types: ['PRIVATELINK'],
          zones: ['use1-az1', 'use1-az2', 'use1-az4'],
          environment: env,
        },
      }),
  },
  {
    group: 'peerings',
    ready: 'READY',
    create: (cc, name, network) =>
      cc.peerings.create({
        spec: {
          display_name: name,
          cloud: {
            kind: 'AwsPeering',
            account: '000000000000',
            vpc: 'vpc-00000000000000000',
            routes: ['10.108.16.0/21'],
            customer_region: 'us-east-1',
          },
          environment: env,
          network: { id: network },
        },
      }),
  },
  {
    group: 'privateLinkAccesses',
    ready: 'READY',
    create: (cc, name, network) =>
      cc.privateLinkAccesses.create({
        spec: {
          display_name: name,
          cloud: { kind: 'AwsPrivateLinkAccess', account: '000000000000' },
          environment: env,
          network: { id: network },
        },
      }),
  },
  {
    group: 'networkLinkServices',
    ready: 'READY',
    create: (cc, name, network) =>
      cc.networkLinkServices.create({
        spec: {
          display_name: name,
          description: 'Shared services',
          accept: { environments: ['env-11111'] },
          environment: env,
          network: { id: network },
        },
      }),
  },
  {
    group: 'clusters',
    ready: 'PROVISIONED',
    create: (cc, name) =>
      cc.clusters.create({
        spec: {
          display_name: name,
          availability: 'SINGLE_ZONE',
          cloud: 'GCP',
          region: 'us-east4',
          config: { kind: 'Basic' },
          environment: env,
        },
      }),
  },
];
