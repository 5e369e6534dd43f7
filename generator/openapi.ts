// The slice of OpenAPI 3.0/3.1 the generator reads. Loose on purpose: validation happens in its own stage.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  title?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  enum?: Json[];
  'x-extensible-enum'?: Json[];
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  nullable?: boolean;
  default?: Json;
  example?: Json;
  additionalProperties?: boolean | SchemaObject;
  [key: string]: unknown;
}

export interface ParameterObject {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: SchemaObject;
  style?: string;
  explode?: boolean;
  example?: Json;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: Json;
  examples?: Record<string, { value?: Json; $ref?: string }>;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  headers?: Record<string, { $ref?: string; description?: string; schema?: SchemaObject }>;
  content?: Record<string, MediaTypeObject>;
}

export interface RequestBodyObject {
  $ref?: string;
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  'x-sdk-resource'?: string;
  'x-sdk-method'?: string;
  'x-lifecycle-stage'?: string;
  [key: string]: unknown;
}

export type PathItemObject = Partial<Record<LowerMethod, OperationObject>> & {
  parameters?: ParameterObject[];
  $ref?: string;
};

export type LowerMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'options' | 'head' | 'trace';
export const METHODS: LowerMethod[] = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

export interface OpenApiDocument {
  openapi?: string;
  swagger?: string;
  info?: { title?: string; version?: string; description?: string; 'x-sdk'?: SdkExtension; [key: string]: unknown };
  servers?: { url: string }[];
  paths?: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    headers?: Record<string, unknown>;
    securitySchemes?: Record<string, { type?: string; scheme?: string; description?: string; [key: string]: unknown }>;
    [key: string]: unknown;
  };
  security?: Record<string, string[]>[];
  tags?: { name: string; description?: string }[];
  [key: string]: unknown;
}

export interface SdkExtension {
  package?: string;
  version?: string;
  client?: string;
  envPrefix?: string;
  /** Overlay files applied after bundling, relative to the root spec file (generator/stages/overlay/). */
  overlays?: unknown;
}

/** Escape one JSON-pointer token. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...tokens: string[]): string {
  return `#/${tokens.map(pointerToken).join('/')}`;
}

/**
 * The tokens of a local `#/...` ref. A pointer in a URI fragment is percent-decoded before it is split (RFC 6901
 * §6): `~1chargers~1%7Bid%7D` is `/chargers/{id}`. A `%` that starts no valid escape is kept as written.
 */
export function refTokens(ref: string): string[] | undefined {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  let body = ref.slice(2);
  if (body.includes('%')) {
    try {
      body = decodeURIComponent(body);
    } catch {
      // not a URI fragment after all: read the pointer as written
    }
  }
  return body.split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The ref spelled with the fewest escapes (`#/paths/~1a~1{id}`): the one form later stages and tools read. A `%`
 * in a name stays encoded (`%25`), as Redocly inside openapi-typescript percent-decodes every pointer again.
 */
export function canonicalRef(ref: string): string {
  const tokens = ref.includes('%') ? refTokens(ref) : undefined;
  return tokens ? pointer(...tokens).replace(/%/g, '%25') : ref;
}

function walkTokens(doc: OpenApiDocument, tokens: string[]): unknown {
  let cur: unknown = doc;
  for (const token of tokens) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, token)) {
      return undefined;
    }
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}

/** Resolve a local `#/...` ref inside the bundled document (percent-decoded; as written when only that resolves). */
export function resolveLocal<T>(doc: OpenApiDocument, ref: string): T | undefined {
  const tokens = refTokens(ref);
  if (!tokens) {
    return undefined;
  }
  const found = walkTokens(doc, tokens);
  if (found === undefined && ref.includes('%')) {
    return walkTokens(
      doc,
      ref
        .slice(2)
        .split('/')
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~')),
    ) as T | undefined;
  }
  return found as T | undefined;
}

/** Follow `$ref` chains to the object itself. */
export function deref<T extends { $ref?: string }>(doc: OpenApiDocument, node: T | undefined): T | undefined {
  let cur = node;
  for (let hops = 0; cur?.$ref && hops < 32; hops++) {
    cur = resolveLocal<T>(doc, cur.$ref);
  }
  return cur;
}

/** Where property `name` is declared in `schema`, following $refs and allOf members (first match wins). */
export function findProperty(
  doc: OpenApiDocument,
  schema: SchemaObject | undefined,
  name: string,
): SchemaObject | undefined {
  const walk = (node: SchemaObject | undefined, depth: number): SchemaObject | undefined => {
    const n = deref(doc, node);
    if (!n || depth > 16) {
      return undefined;
    }
    if (n.properties?.[name]) {
      return n.properties[name];
    }
    for (const m of n.allOf ?? []) {
      const found = walk(m, depth + 1);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  return walk(schema, 0);
}

export function schemaName(ref: string): string | undefined {
  const tokens = refTokens(ref);
  return tokens?.length === 3 && tokens[0] === 'components' && tokens[1] === 'schemas' ? tokens[2] : undefined;
}

/** A property is read-only when it says so, or its $ref target or any allOf member does. */
export function isReadOnly(p: SchemaObject, doc: OpenApiDocument): boolean {
  if (p.readOnly) {
    return true;
  }
  if (deref(doc, p)?.readOnly) {
    return true;
  }
  return !!p.allOf?.length && p.allOf.some((m) => deref(doc, m)?.readOnly === true);
}
