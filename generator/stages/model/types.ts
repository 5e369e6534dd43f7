// The generator's intermediate model (IR). Every fact the later stages print is decided here, once:
// $refs resolved, path-level parameters merged, media types classified, names assigned, signatures ordered.
// Render, the docs, the API diff's impact table and the stand-in all read these fields and nothing else.

import type { MediaKind, ParseAs } from '../../media.js';
import type { Json } from '../../openapi.js';
import type { StandInModel } from '../../../stand-in/types.js';

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
  /** Component schema name → exported type name. */
  typeNames: Map<string, string>;
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
  /** JSON pointer of the operation in the bundled spec. */
  pointer: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  lifecycle: string | undefined;
  /** In the order the path template names them. */
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  cookieParams: ParamModel[];
  /** The method's arguments before `options`, in signature order (required ones first). */
  args: ArgModel[];
  body: BodyModel | undefined;
  /** Named type of the request body, if any. */
  bodyType: string | undefined;
  bodyRequired: boolean;
  /** Named type of the query object, if the operation has query parameters. */
  queryType: string | undefined;
  queryRequired: boolean;
  headerType: string | undefined;
  headerRequired: boolean;
  cookieType: string | undefined;
  cookieRequired: boolean;
  /** What the promise resolves to: a named type, a union of them, `Blob`, `string` or `void`. */
  returnType: string;
  /** How the runtime reads a 2xx body. */
  parseAs: ParseAs;
  successStatus: string;
  responses: ResponseModel[];
  security: string[];
  /** Set when the list response has a `data` array and a `page_token` query: the element type. */
  pageItemType: string | undefined;
  /** The all-pages iterator beside a paged method: `listAll` for `list`, else `<name>All`. */
  iterator: string | undefined;
  /** The poller beside a GET by id with phases: `waitFor` for `get`, else `waitFor<Name>`. */
  waiter: string | undefined;
  /** Set when a GET by id returns `status.phase`: its known values. */
  phases: string[] | undefined;
  /** The phase a caller usually waits for (READY, PROVISIONED, ...), when the phases name one. */
  readyPhase: string | undefined;
  /** A TypeScript example calling this method, for the docs. */
  example: string;
  /** The call alone (`client.networks.get('n-123', { environment: 'env-123' })`), for prose examples. */
  call: string;
  /** Literals the examples pass: one per path parameter, and the query object with the required parameters. */
  exampleArgs: { path: string[]; query: string | undefined };
}

export type ArgKind = 'path' | 'body' | 'query' | 'header' | 'cookie';

export interface ArgModel {
  /** Local identifier in the signature: `id`, `body`, `query`, `headers`, `cookies`. */
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
  /** Every media type the operation accepts, default first. */
  mediaTypes: { mediaType: string; kind: MediaKind }[];
}

export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Human-readable type for docs (`string[] (AWS, GCP)`). */
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
}
