// The generator's intermediate model (IR). Every fact the later stages print is decided here, once:
// $refs resolved, path-level parameters merged, media types classified, names assigned, signatures ordered.
// Render, the docs, the API diff's impact table and the stand-in all read these fields and nothing else.

import type { MediaKind, ParseAs } from '../../media.js';
import type { Json, SchemaObject } from '../../openapi.js';
import type { StandInModel } from '../../../stand-in/types.js';
import type { LifecycleModel } from './lifecycle.js';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export interface SdkModel {
  packageName: string;
  packageVersion: string;
  clientName: string;
  envPrefix: string | undefined;
  defaultBaseUrl: string;
  title: string;
  description: string | undefined;
  resources: ResourceModel[];
  /** Named exported types for component schemas, sorted by name. */
  types: TypeModel[];
  /** Named exported types for inline bodies, parameter groups and responses, sorted by name. */
  aliases: AliasModel[];
  security: SecurityModel[];
  /** One line per name the generator had to disambiguate, saying why. */
  notes: string[];
  /** What the package's local stand-in (src/testing) serves: collections, ids, phases, paging. */
  standIn: StandInModel;
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
  /** Client method name: `list`, `listForOrg`, ... */
  name: string;
  /** The spec's operationId, or one made from method and path when it has none. */
  operationId: string;
  httpMethod: HttpMethod;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  lifecycle: string | undefined;
  /** Parameters by location, as the wire carries them. */
  params: ParamsModel;
  /** The method's arguments before `options`, in signature order (see `signature.ts`). */
  args: ArgModel[];
  body: BodyModel | undefined;
  response: SuccessModel;
  responses: ResponseModel[];
  /** Effective security: each alternative is the scheme names that must all be sent (empty: anonymous). */
  security: string[][];
  /** Set when the method pages (see `paging.ts`). */
  paging: PagingModel | undefined;
  /** Set on a GET by id whose resource has `status.phase`: the poller beside it. */
  waiter: WaiterModel | undefined;
  /** Named model types the method's signatures use (arguments, result, page items), sorted. */
  referencedTypes: string[];
}

export interface ParamsModel {
  /** In the order the path template names them. */
  path: ParamModel[];
  query: ParamGroupModel | undefined;
  header: ParamGroupModel | undefined;
  cookie: ParamGroupModel | undefined;
}

/** The query, header or cookie parameters of an operation: one named object type. */
export interface ParamGroupModel {
  /** Exported type name of the object (`NetworkListParams`). */
  type: string;
  /** Some parameter in it is required, so the argument is too. */
  required: boolean;
  params: ParamModel[];
}

export type ArgKind = 'path' | 'body' | 'query' | 'header' | 'cookie' | 'wait';

export interface ArgModel {
  /** Local identifier in the signature: `id`, `body`, `query`, `headers`, `cookies`, `wait`. */
  name: string;
  kind: ArgKind;
  /** TypeScript type text. */
  type: string;
  optional: boolean;
  /** For path arguments: the parameter's name in the template (may differ from the identifier). */
  wireName?: string;
}

export interface BodyModel {
  required: boolean;
  /** TypeScript type of the body for the default media type (or the union, when several differ). */
  type: string;
  /** The media type sent unless the caller picks another (`options.contentType`). */
  mediaType: string;
  kind: MediaKind;
  /** Every media type the operation accepts, default first, each with its resolved schema. */
  media: MediaModel[];
  /** A value the body's type accepts (the spec's examples, else the smallest valid one), for the docs. */
  example: Json | undefined;
}

export interface MediaModel {
  mediaType: string;
  kind: MediaKind;
  /** The schema as the document gives it (a `$ref` into components stays a `$ref`). */
  schema: SchemaObject | undefined;
}

/** What a successful call resolves to. */
export interface SuccessModel {
  /** A named type, a union of them, `Blob`, `string` or `void`. */
  type: string;
  /** How the runtime reads a 2xx body. */
  parseAs: ParseAs;
  /** The first 2xx status (or `default`), empty when the spec declares none. */
  status: string;
  /** The JSON schema of that response's body, when it is JSON. */
  schema: SchemaObject | undefined;
}

export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Human-readable type for docs (`string[] (AWS, GCP)`). */
  type: string;
  /** The resolved schema (from `schema`, or from `content` for a parameter that uses it). */
  schema: SchemaObject;
  description: string | undefined;
  default: string | undefined;
  deprecated: boolean;
  /** A value for examples: the spec's example, the resource's example id for the last path parameter, or a made-up one. */
  example: Json | undefined;
}

/**
 * How a list pages, decided once here: the runtime follows `next` (a URL) by taking its `tokenParam`, and the
 * stand-in serves pages the same way.
 */
export interface PagingModel {
  /** The all-pages iterator beside the method: `listAll` for `list`, else `<name>All`. */
  iterator: string;
  /** Its arguments: every input the paged method takes, in signature order. */
  args: ArgModel[];
  /** Element type of the items array. */
  itemType: string;
  /** Query parameter carrying the page token (`page_token`). */
  tokenParam: string;
  /** Property of the list body holding the items (`data`). */
  itemsField: string;
  /** Where the list body gives the next page's URL (`metadata.next`). */
  nextPath: string[];
  /** Query parameter for the page size, with its default and maximum when the spec gives them. */
  size: { param: string; default: number | undefined; maximum: number | undefined } | undefined;
}

export interface WaiterModel {
  /** `waitFor` for `get`, else `waitFor<Name>`. */
  name: string;
  /** `waitUntilDeleted` for `get`, else `waitUntilDeleted<Name>` (as the AWS SDK's waiters are named). */
  deletedName: string;
  /** Its arguments: the get's, and the optional `wait` last, in signature order. */
  args: ArgModel[];
  /** The same for the wait until deleted (its `wait` takes no `until`). */
  deletedArgs: ArgModel[];
  /** The resource's lifecycle; the generated code passes it to the runtime's waits. */
  lifecycle: LifecycleModel;
  /** Every phase the lifecycle names, for the docs. */
  phases: string[];
}

export interface ResponseModel {
  status: string;
  description: string;
  headers: string[];
  /** Human-readable body type, when the response has a body. */
  bodyType: string | undefined;
  mediaType: string | undefined;
  kind: MediaKind | undefined;
}

export interface AliasModel {
  name: string;
  /** TypeScript type expression over `paths` / `components`. */
  type: string;
  description: string;
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
  /** For an `apiKey` scheme: where the key goes and under which name. */
  apiKey: { in: 'header' | 'query' | 'cookie'; name: string } | undefined;
}
