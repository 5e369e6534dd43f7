// Stage 4: the intermediate model. Every name, type reference and doc fact the templates print is decided here.
import { kebabCase, pascalCase } from '../helpers.js';
import type { OpenApiDocument } from '../openapi.js';
import { buildMethods, type RawMethod } from './operations.js';
import { buildTypes } from './schema-types.js';
import { exampleId, methodExample } from './examples.js';
import { assignTypeNames } from './type-names.js';
import type { ResourceModel, SdkModel, SecurityModel } from './types.js';

export interface BuiltModel extends Omit<SdkModel, 'resources'> {
  resources: (Omit<ResourceModel, 'methods'> & { methods: RawMethod[] })[];
  /** Aliases for inline bodies, query objects and responses, sorted by name. */
  aliases: RawMethod['aliases'];
  /** Component schema name → exported name. */
  typeNames: Map<string, string>;
}

const DEFAULT_BASE_URL = 'https://api.example.com';

/** Build from a normalised document (see stages/normalize). */
export function buildModelFromNormalized(doc: OpenApiDocument): BuiltModel {
  const typeNames = assignTypeNames(Object.keys(doc.components?.schemas ?? {}));
  const info = doc.info ?? {};
  const sdk = info['x-sdk'] ?? {};
  const title = info.title ?? 'API';
  const methods = buildMethods(doc, typeNames);
  const packageName = sdk.package ?? kebabCase(title);
  const clientName = sdk.client ?? pascalCase(title);
  const ids = new Map<string, string>();
  for (const m of methods) {
    const id = m.name === 'get' || m.name === 'create' ? exampleId(doc, m) : undefined;
    if (id && !ids.has(m.resource)) ids.set(m.resource, id);
  }
  for (const m of methods) {
    const id = ids.get(m.resource);
    const last = m.pathParams[m.pathParams.length - 1];
    if (id && last && last.example === undefined) last.example = id;
    m.example = methodExample(m, { doc, packageName, clientName, resource: m.resource });
  }
  const tagDescriptions = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));

  const typeNameSet = new Set([...typeNames.values(), ...methods.flatMap((m) => m.aliases.map((a) => a.name))]);
  const byResource = new Map<string, RawMethod[]>();
  for (const m of methods) byResource.set(m.resource, [...(byResource.get(m.resource) ?? []), m]);
  const resources = [...byResource.entries()].map(([property, list]) => {
    const tag = list.find((m) => m.tag)?.tag;
    return {
      property,
      // A resource class may not shadow an exported type of the same name (`Legacy` the type vs the resource).
      className: typeNameSet.has(pascalCase(property)) ? `${pascalCase(property)}Resource` : pascalCase(property),
      fileName: kebabCase(property),
      description: tag ? tagDescriptions.get(tag) : undefined,
      tag,
      methods: list.sort((a, b) => METHOD_ORDER(a.name) - METHOD_ORDER(b.name) || (a.name < b.name ? -1 : 1)),
    };
  });

  const aliases = methods.flatMap((m) => m.aliases).sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    packageName,
    packageVersion: sdk.version ?? '0.0.0',
    clientName,
    envPrefix: sdk.envPrefix,
    defaultBaseUrl: doc.servers?.[0]?.url ?? DEFAULT_BASE_URL,
    title,
    description: info.description,
    resources,
    types: buildTypes(doc, typeNames),
    security: security(doc),
    aliases,
    typeNames,
  };
}

const ORDER = ['create', 'get', 'list', 'update', 'delete'];
function METHOD_ORDER(name: string): number {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
}

function security(doc: OpenApiDocument): SecurityModel[] {
  return Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => ({
    name,
    kind: s.type === 'http' && s.scheme === 'basic' ? 'basic' : s.type === 'http' && s.scheme === 'bearer' ? 'bearer' : s.type === 'oauth2' ? 'oauth2' : s.type === 'apiKey' ? 'apiKey' : 'other',
    description: s.description,
  }));
}

