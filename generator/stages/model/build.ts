// Stage 4: the intermediate model. Every name, type reference and doc fact the templates print is decided here.
import { RESERVED_WORDS, kebabCase, pascalCase } from '../../helpers.js';
import type { OpenApiDocument } from '../../openapi.js';
import { exampleIdOf } from './sample.js';
import { buildMethod } from './methods.js';
import { standInModel } from './stand-in.js';
import { assignOperationNames } from './naming.js';
import { buildTypes } from './schema-types.js';
import { collectOperations, successResponses, type OperationSource } from './sources.js';
import { NameRegistry, assignTypeNames } from './type-names.js';
import type { AliasModel, MethodModel, ResourceModel, SdkModel, SecurityModel } from './types.js';

export interface ModelOptions {
  /** Names the package exports besides the model's (the core's exports): no generated type may take one. */
  reservedNames: Iterable<string>;
}

const DEFAULT_BASE_URL = 'https://api.example.com';
/** Exported by every package's index.ts beside the model's types, or used by generated code: no type may take one. */
const PACKAGE_NAMES = ['paths', 'components', 'operations', 'webhooks', '$defs'];
const LANGUAGE_NAMES =
  'string number boolean bigint symbol object any unknown never void undefined null Promise AsyncIterable Blob ArrayBuffer ArrayBufferView ReadableStream Uint8Array NonNullable Record'.split(
    ' ',
  );
/** Alias names end with one of these; a resource class that would too gets `Resource` appended, so they never meet. */
const ALIAS_SUFFIXES = /(Params|Headers|Cookies|Body|Response|Item)$/;

/** Build from a normalised document (see stages/normalize). */
export function buildModel(doc: OpenApiDocument, options: ModelOptions): SdkModel {
  const info = doc.info ?? {};
  const sdk = info['x-sdk'] ?? {};
  const title = typeof info.title === 'string' && info.title.trim() ? info.title : 'API';
  const packageName = sdk.package ?? (kebabCase(title) || 'api-client');
  const wantedClient = sdk.client ?? (pascalCase(title) || 'Client');
  // The client class is exported beside the core's names; `Api Error` must not become the core's ApiError.
  const clientName =
    [...options.reservedNames, ...LANGUAGE_NAMES].includes(wantedClient) || !/^[A-Za-z_$]/.test(wantedClient)
      ? `${wantedClient.replace(/^_/, '')}Client`
      : wantedClient;
  const reserved = new Set([
    ...options.reservedNames,
    ...PACKAGE_NAMES,
    ...LANGUAGE_NAMES,
    ...RESERVED_WORDS,
    clientName,
  ]);
  const typeNames = assignTypeNames(Object.keys(doc.components?.schemas ?? {}), reserved);

  const sources = collectOperations(doc);
  const { names, notes } = assignOperationNames(sources);
  const registry = new NameRegistry([...reserved, ...typeNames.values()]);
  const resourceOrder: string[] = [];
  for (const n of names) {
    if (!resourceOrder.includes(n.resource)) {
      resourceOrder.push(n.resource);
    }
  }
  const classNames = new Map(
    resourceOrder.map((property) => {
      const wanted = pascalCase(property) || 'Default';
      const name = registry.has(wanted) || ALIAS_SUFFIXES.test(wanted) ? `${wanted}Resource` : wanted;
      return [property, registry.claim(name, `the resource class of ${property}`)];
    }),
  );

  // An id from a get's or create's response example names the resource in every example of its methods.
  const ids = new Map<string, string>();
  sources.forEach((source, i) => {
    const { resource, method } = names[i]!;
    const id = method === 'get' || method === 'create' ? responseExampleId(doc, source) : undefined;
    if (id && !ids.has(resource)) {
      ids.set(resource, id);
    }
  });
  const aliases: AliasModel[] = [];
  const methods = sources.map((source, i) => {
    const { resource } = names[i]!;
    const method = buildMethod({
      doc,
      source,
      names: names[i]!,
      typeNames,
      registry,
      aliases,
      resourceId: ids.get(resource),
    });
    return { resource, tag: source.op.tags?.[0], method };
  });

  const tagDescriptions = new Map((Array.isArray(doc.tags) ? doc.tags : []).map((t) => [t.name, t.description]));
  const resources: ResourceModel[] = resourceOrder.map((property) => {
    const list = methods.filter((m) => m.resource === property);
    const tag = list.find((m) => typeof m.tag === 'string')?.tag;
    return {
      property,
      className: classNames.get(property)!,
      fileName: kebabCase(property) || 'default',
      description: tag ? tagDescriptions.get(tag) : undefined,
      tag,
      methods: list.map((m) => m.method).sort((a, b) => methodOrder(a) - methodOrder(b) || (a.name < b.name ? -1 : 1)),
    };
  });
  uniqueFileNames(resources);

  const sec = security(doc);
  return {
    packageName,
    packageVersion: sdk.version ?? packageVersion(info.version),
    clientName,
    envPrefix: sdk.envPrefix,
    defaultBaseUrl: typeof doc.servers?.[0]?.url === 'string' ? doc.servers[0].url : DEFAULT_BASE_URL,
    title,
    description: typeof info.description === 'string' ? info.description : undefined,
    resources,
    types: buildTypes(doc, typeNames),
    aliases: aliases.sort((a, b) => (a.name < b.name ? -1 : 1)),
    security: sec,
    notes: [...notes, ...registry.notes],
    standIn: standInFacts({ resources, security: sec }, doc),
  };
}

function responseExampleId(doc: OpenApiDocument, source: OperationSource): string | undefined {
  const media = successResponses(source)[0]?.preferred;
  return media?.kind === 'json' ? exampleIdOf(doc, media.schema) : undefined;
}

/** Without `x-sdk.version`, the API's own version when it is semver (a package version must be), else 0.1.0. */
function packageVersion(apiVersion: unknown): string {
  return typeof apiVersion === 'string' && /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(apiVersion) ? apiVersion : '0.1.0';
}

const ORDER = ['create', 'get', 'list', 'update', 'delete'];
function methodOrder(m: MethodModel): number {
  const i = ORDER.indexOf(m.name);
  return i === -1 ? ORDER.length : i;
}

/** Two resources whose names differ only in case would share a file on case-insensitive disks. */
function uniqueFileNames(resources: ResourceModel[]): void {
  const seen = new Set<string>();
  for (const r of resources) {
    let name = r.fileName;
    for (let n = 2; seen.has(name.toLowerCase()); n++) {
      name = `${r.fileName}-${n}`;
    }
    seen.add(name.toLowerCase());
    r.fileName = name;
  }
}

function security(doc: OpenApiDocument): SecurityModel[] {
  return Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => ({
    name,
    kind:
      s.type === 'http' && s.scheme === 'basic'
        ? 'basic'
        : s.type === 'http' && s.scheme === 'bearer'
          ? 'bearer'
          : s.type === 'oauth2'
            ? 'oauth2'
            : s.type === 'apiKey'
              ? 'apiKey'
              : 'other',
    description: s.description,
    apiKey:
      s.type === 'apiKey' && typeof s.name === 'string' && (s.in === 'header' || s.in === 'query' || s.in === 'cookie')
        ? { in: s.in, name: s.name }
        : undefined,
  }));
}

/** Generation never fails because of the stand-in: it then serves nothing and says why when it starts. */
function standInFacts(model: Pick<SdkModel, 'resources' | 'security'>, doc: OpenApiDocument): SdkModel['standIn'] {
  try {
    return standInModel(model, doc);
  } catch (err) {
    return {
      collections: [],
      unmodelled: [`every operation (the stand-in model could not be built: ${(err as Error).message})`],
      challenges: ['Basic realm="api"'],
    };
  }
}
