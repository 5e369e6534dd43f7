// The generator's intermediate model: everything templates and the diff's "package impact" need,
// resolved once while parsing (names, defaults, doc text), so no consumer re-derives it.

import type { Json } from '../openapi.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SdkModel {
  packageName: string;
  packageVersion: string;
  clientName: string;
  envPrefix: string | undefined;
  defaultBaseUrl: string;
  title: string;
  description: string | undefined;
  resources: ResourceModel[];
  /** Named exported types, sorted by name. */
  types: TypeModel[];
  security: SecurityModel[];
}

export interface ResourceModel {
  /** Client property, camelCase: `privateLinkAccesses`. */
  property: string;
  /** Class name, PascalCase: `PrivateLinkAccesses`. */
  className: string;
  /** File stem under src/resources and docs: `private-link-accesses`. */
  fileName: string;
  description: string | undefined;
  tag: string | undefined;
  methods: MethodModel[];
}

export interface MethodModel {
  /** `create`, `get`, `list`, `update`, `delete`, or a derived name. */
  name: string;
  operationId: string;
  httpMethod: HttpMethod;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  lifecycle: string | undefined;
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  /** Named type of the request body, if any. */
  bodyType: string | undefined;
  bodyRequired: boolean;
  /** Named type of the success response body, or `void`. */
  returnType: string;
  successStatus: string;
  /** Named type of the query object, if the operation has query parameters. */
  queryType: string | undefined;
  queryRequired: boolean;
  responses: ResponseModel[];
  security: string[];
  /** Set when the list response has a `data` array: the element type. */
  pageItemType: string | undefined;
  /** Set when the get response has `status.phase`: its known values. */
  phases: string[] | undefined;
  /** The phase a caller usually waits for (READY, PROVISIONED, ...), when the phases name one. */
  readyPhase: string | undefined;
  /** A TypeScript example calling this method, for the docs. */
  example: string;
}

export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  type: string;
  description: string | undefined;
  default: string | undefined;
  deprecated: boolean;
  example: Json | undefined;
}

export interface ResponseModel {
  status: string;
  description: string;
  headers: string[];
  bodyType: string | undefined;
}

export interface TypeModel {
  /** Exported name: `Network`, `NetworkCreate`. */
  name: string;
  /** Component schema it aliases (post-normalisation name). */
  schema: string;
  description: string | undefined;
  deprecated: boolean;
  kind: 'object' | 'union' | 'enum' | 'array' | 'scalar';
  properties: PropertyModel[];
  /** Enum values, for kind === 'enum'. */
  values: string[];
  openEnum: boolean;
  /** Union variants by discriminator value, for kind === 'union'. */
  variants: { value: string; type: string }[];
  discriminator: string | undefined;
}

export interface PropertyModel {
  name: string;
  type: string;
  required: boolean;
  readOnly: boolean;
  deprecated: boolean;
  description: string | undefined;
  values: string[];
  openEnum: boolean;
}

export interface SecurityModel {
  name: string;
  kind: 'basic' | 'bearer' | 'apiKey' | 'oauth2' | 'other';
  description: string | undefined;
}
