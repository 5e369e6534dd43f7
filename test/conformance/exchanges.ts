// Recorded-style exchanges: what Confluent Cloud answers where it departs from its published spec, one or more
// per departure of spec/overlays/service.yaml (named by the action's `x-departure`). Written by this project,
// in its own values; the shapes follow the recorded answers cited in spec/README.md. The bodies are typed
// with the generated types, so `make typecheck` fails too when the types stop accepting what the service sends.
import type {
  ConfluentCloud,
  Failure,
  NetworkGetResponse,
  NetworkLinkServiceGetResponse,
  NetworkList,
  PeeringGetResponse,
} from '../../generated/src/index.js';

export interface Exchange {
  /** The `x-departure` of the overlay actions this exchange needs; none for context the published spec allows. */
  departure?: string;
  says: string;
  operationId: string;
  request: { method: 'GET'; path: string; query: string };
  response: { status: number; body: unknown };
}

const ENV = 'env-c0nf01';
const API = 'https://api.confluent.cloud';
const ORG = 'crn://confluent.cloud/organization=0f0f0f0f-1111-2222-3333-444444444444';

const environment = {
  id: ENV,
  related: `${API}/org/v2/environments/${ENV}`,
  resource_name: `${ORG}/environment=${ENV}`,
};
const meta = (id: string) => ({
  self: `${API}/networking/v1/networks/${id}?environment=${ENV}`,
  resource_name: `${ORG}/environment=${ENV}/network=${id}`,
  created_at: '2025-06-02T08:15:00Z',
  updated_at: '2025-06-02T08:31:12Z',
});

/** A ready AWS network as the service describes one; `status` is overridden per exchange. */
function network(id: string) {
  return {
    api_version: 'networking/v1' as const,
    kind: 'Network' as const,
    id,
    metadata: meta(id),
    spec: {
      display_name: `conformance-${id}`,
      cloud: 'AWS',
      region: 'eu-west-1',
      connection_types: ['PEERING' as const],
      cidr: '10.40.0.0/16',
      zones: ['euw1-az1', 'euw1-az2', 'euw1-az3'],
      environment,
    },
    status: {
      phase: 'READY',
      supported_connection_types: ['PEERING' as const, 'TRANSITGATEWAY' as const],
      active_connection_types: ['PEERING' as const],
      dns_domain: `${id.slice(2)}.eu-west-1.aws.confluent.cloud`,
      cloud: { kind: 'AwsNetwork' as const, account: '210987654321', vpc: 'vpc-0c0f0a0b0d0e0f123' },
    },
  };
}

const emptyNetwork = network('n-c0nf11');
const withoutActive = network('n-c0nf12');
const { active_connection_types: _dropped, ...olderStatus } = withoutActive.status;
const withGateway = network('n-c0nf13');

const listUrl = `/networking/v1/networks?environment=${ENV}&page_size=2`;
const firstPage = {
  api_version: 'networking/v1',
  kind: 'NetworkList',
  metadata: { first: `${API}${listUrl}`, next: `${API}${listUrl}&page_token=p2`, total_size: 3 },
  data: [network('n-c0nf15'), network('n-c0nf16')],
} satisfies NetworkList;
const lastPage = {
  api_version: 'networking/v1',
  kind: 'NetworkList',
  metadata: { first: `${API}${listUrl}`, next: '', total_size: 3 },
  data: [network('n-c0nf17')],
} satisfies NetworkList;

const failedNetwork = network('n-c0nf18');
const peering = {
  api_version: 'networking/v1' as const,
  kind: 'Peering' as const,
  id: 'peer-c0nf41',
  metadata: {
    ...meta('n-c0nf11'),
    self: `${API}/networking/v1/peerings/peer-c0nf41?environment=${ENV}`,
    resource_name: `${ORG}/environment=${ENV}/network=n-c0nf11/peering=peer-c0nf41`,
  },
  spec: {
    display_name: 'conformance-peering',
    cloud: {
      kind: 'AwsPeering' as const,
      account: '210987654321',
      vpc: 'vpc-0d1e2f3a4b5c6d7e8',
      routes: ['172.31.0.0/16'],
      customer_region: 'eu-west-1',
    },
    environment,
    network: {
      id: 'n-c0nf11',
      environment: ENV,
      related: `${API}/networking/v1/networks/n-c0nf11?environment=${ENV}`,
      resource_name: `${ORG}/environment=${ENV}/network=n-c0nf11`,
    },
  },
  status: { phase: 'PENDING_ACCEPT' },
};

export const exchanges: Exchange[] = [
  {
    says: 'a new peering rests at PENDING_ACCEPT until the other cloud accepts it',
    operationId: 'getNetworkingV1Peering',
    request: { method: 'GET', path: '/networking/v1/peerings/peer-c0nf41', query: `environment=${ENV}` },
    response: { status: 200, body: peering satisfies PeeringGetResponse },
  },
  {
    says: 'a network that failed to provision says why in status.error_code and status.error_message',
    operationId: 'getNetworkingV1Network',
    request: { method: 'GET', path: '/networking/v1/networks/n-c0nf18', query: `environment=${ENV}` },
    response: {
      status: 200,
      body: {
        ...failedNetwork,
        status: {
          ...failedNetwork.status,
          phase: 'FAILED',
          active_connection_types: [],
          error_code: 'PERMISSION_DENIED',
          error_message: 'Permission was denied to create the VPC peering in account 210987654321.',
        },
      } satisfies NetworkGetResponse,
    },
  },
  {
    departure: 'gone-is-403',
    says: 'a deleted cluster reads back as 403 forbidden_access, not 404',
    operationId: 'getCmkV2Cluster',
    request: { method: 'GET', path: '/cmk/v2/clusters/lkc-c0nf31', query: `environment=${ENV}` },
    response: {
      status: 403,
      body: {
        errors: [
          {
            id: '6c0f1e2d3a4b5c6d7e8f90a1b2c3d4e5',
            status: '403',
            code: 'forbidden_access',
            detail: 'Forbidden Access',
            source: {},
          },
        ],
      } satisfies Failure,
    },
  },
  {
    departure: 'accept-networks-null',
    says: 'after an update removed every network, spec.accept.networks is null',
    operationId: 'getNetworkingV1NetworkLinkService',
    request: { method: 'GET', path: '/networking/v1/network-link-services/nls-c0nf21', query: `environment=${ENV}` },
    response: {
      status: 200,
      body: {
        api_version: 'networking/v1',
        kind: 'NetworkLinkService',
        id: 'nls-c0nf21',
        metadata: {
          ...meta('n-c0nf11'),
          self: `${API}/networking/v1/network-link-services/nls-c0nf21?environment=${ENV}`,
          resource_name: `${ORG}/environment=${ENV}/network=n-c0nf11/network-link-service=nls-c0nf21`,
        },
        spec: {
          display_name: 'conformance-link-service',
          description: 'Every network was taken off the accept list.',
          accept: { environments: ['env-c0nf02'], networks: null },
          environment,
          network: {
            id: 'n-c0nf11',
            environment: ENV,
            related: `${API}/networking/v1/networks/n-c0nf11?environment=${ENV}`,
            resource_name: `${ORG}/environment=${ENV}/network=n-c0nf11`,
          },
        },
        status: { phase: 'READY' },
      } satisfies NetworkLinkServiceGetResponse,
    },
  },
  {
    departure: 'active-connection-types-empty',
    says: 'a network with nothing attached has status.active_connection_types []',
    operationId: 'getNetworkingV1Network',
    request: { method: 'GET', path: '/networking/v1/networks/n-c0nf11', query: `environment=${ENV}` },
    response: {
      status: 200,
      body: {
        ...emptyNetwork,
        status: { ...emptyNetwork.status, active_connection_types: [] },
      } satisfies NetworkGetResponse,
    },
  },
  {
    departure: 'active-connection-types-omitted',
    says: 'an older network answer leaves status.active_connection_types out',
    operationId: 'getNetworkingV1Network',
    request: { method: 'GET', path: '/networking/v1/networks/n-c0nf12', query: `environment=${ENV}` },
    response: { status: 200, body: { ...withoutActive, status: olderStatus } satisfies NetworkGetResponse },
  },
  {
    departure: 'reference-links-empty',
    says: 'an unset reference (spec.gateway) has related and resource_name ""',
    operationId: 'getNetworkingV1Network',
    request: { method: 'GET', path: '/networking/v1/networks/n-c0nf13', query: `environment=${ENV}` },
    response: {
      status: 200,
      body: {
        ...withGateway,
        spec: { ...withGateway.spec, gateway: { id: 'gw-c0nf14', related: '', resource_name: '' } },
      } satisfies NetworkGetResponse,
    },
  },
  {
    says: 'a list page before the last links the next one',
    operationId: 'listNetworkingV1Networks',
    request: { method: 'GET', path: '/networking/v1/networks', query: `environment=${ENV}&page_size=2` },
    response: { status: 200, body: firstPage },
  },
  {
    departure: 'last-page-next-empty',
    says: 'the last page of a list has metadata.next ""',
    operationId: 'listNetworkingV1Networks',
    request: { method: 'GET', path: '/networking/v1/networks', query: `environment=${ENV}&page_size=2&page_token=p2` },
    response: { status: 200, body: lastPage },
  },
];

/** How a user reaches each answer through the generated client. */
export const calls: Record<string, (cc: ConfluentCloud, e: Exchange) => Promise<unknown>> = {
  getCmkV2Cluster: (cc, e) => cc.clusters.get(lastSegment(e), { environment: ENV }),
  getNetworkingV1NetworkLinkService: (cc, e) => cc.networkLinkServices.get(lastSegment(e), { environment: ENV }),
  getNetworkingV1Network: (cc, e) => cc.networks.get(lastSegment(e), { environment: ENV }),
  getNetworkingV1Peering: (cc, e) => cc.peerings.get(lastSegment(e), { environment: ENV }),
};

function lastSegment(e: Exchange): string {
  return e.request.path.split('/').pop()!;
}
