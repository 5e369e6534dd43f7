// Impact on the generated package: build the generator's model for both documents and compare the
// exported methods (resource.method and their signatures) and types (name, kind and members).
import type { JsonObject } from './json.js';
import type { MethodModel, ParamModel, PropertyModel, SdkModel, TypeModel } from '../generator/index.js';

// Only the model fields the comparison reads: the generator's model grows, the impact should not care.
type ImpactParam = Pick<ParamModel, 'name' | 'required' | 'type'>;
type ImpactMethod = Pick<MethodModel, 'name' | 'bodyType' | 'bodyRequired' | 'queryType' | 'queryRequired' | 'returnType' | 'deprecated'> & {
  pathParams: ImpactParam[];
  headerParams: ImpactParam[];
};
type ImpactType = Pick<TypeModel, 'name' | 'kind' | 'values' | 'openEnum' | 'variants' | 'deprecated'> & {
  properties: Array<Pick<PropertyModel, 'name' | 'type' | 'required' | 'readOnly' | 'values' | 'openEnum'>>;
};
export interface ImpactModel {
  resources: Array<{ property: string; methods: ImpactMethod[] }>;
  types: ImpactType[];
}

export interface Delta {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface Impact {
  methods: Delta;
  types: Delta;
}

export type BuildModel = (doc: object) => SdkModel;

/** The generator's model builder, when it is there; the diff works without it (no impact section). */
export async function loadBuildModel(): Promise<BuildModel | string> {
  const url = new URL('../generator/index.ts', import.meta.url);
  try {
    const mod: unknown = await import(url.href);
    if (typeof mod === 'object' && mod !== null && 'buildModel' in mod && typeof mod.buildModel === 'function') {
      const build = mod.buildModel;
      if (isBuildModel(build)) return build;
    }
    return 'generator/index.ts does not export buildModel';
  } catch (error) {
    return `generator/index.ts could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

// Only the arity can be checked at run time; the return value is typed by generator/model/types.ts.
function isBuildModel(value: unknown): value is BuildModel {
  return typeof value === 'function' && value.length <= 1;
}

/** Impact, or the reason it could not be computed. */
export async function packageImpact(base: JsonObject, head: JsonObject): Promise<Impact | string> {
  const build = await loadBuildModel();
  if (typeof build === 'string') return build;
  let models: [SdkModel, SdkModel];
  try {
    // The model builder may annotate the document: give it copies.
    models = [build(structuredClone(base)), build(structuredClone(head))];
  } catch (error) {
    return `the generator's model builder failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
  return compareModels(models[0], models[1]);
}

export function compareModels(base: ImpactModel, head: ImpactModel): Impact {
  return {
    methods: delta(methodSignatures(base), methodSignatures(head)),
    types: delta(typeSignatures(base), typeSignatures(head)),
  };
}

function methodSignatures(model: ImpactModel): Map<string, string> {
  const result = new Map<string, string>();
  for (const resource of model.resources) {
    for (const method of resource.methods) {
      result.set(`${resource.property}.${method.name}`, methodSignature(method));
    }
  }
  return result;
}

function methodSignature(m: ImpactMethod): string {
  const params = (list: ImpactParam[]): string =>
    list.map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}`).join(', ');
  const args = [
    params(m.pathParams),
    m.bodyType ? `body${m.bodyRequired ? '' : '?'}: ${m.bodyType}` : '',
    m.queryType ? `query${m.queryRequired ? '' : '?'}: ${m.queryType}` : '',
    m.headerParams.length > 0 ? `headers: {${params(m.headerParams)}}` : '',
  ].filter(Boolean);
  return `(${args.join(', ')}) => ${m.returnType}${m.deprecated ? ' @deprecated' : ''}`;
}

function typeSignatures(model: ImpactModel): Map<string, string> {
  return new Map(model.types.map((t) => [t.name, typeSignature(t)]));
}

function typeSignature(t: ImpactType): string {
  const props = t.properties.map(
    (p) => `${p.readOnly ? 'readonly ' : ''}${p.name}${p.required ? '' : '?'}: ${p.type}${p.values.length ? `=${p.values.join('|')}${p.openEnum ? '|*' : ''}` : ''}`,
  );
  const variants = t.variants.map((v) => `${v.value}:${v.type}`);
  return [t.kind, props.join('; '), t.values.join('|'), t.openEnum ? 'open' : '', variants.join('|'), t.deprecated ? 'deprecated' : ''].join(' / ');
}

function delta(base: Map<string, string>, head: Map<string, string>): Delta {
  const sorted = (list: string[]): string[] => list.sort();
  return {
    added: sorted([...head.keys()].filter((k) => !base.has(k))),
    removed: sorted([...base.keys()].filter((k) => !head.has(k))),
    changed: sorted([...head.keys()].filter((k) => base.has(k) && base.get(k) !== head.get(k))),
  };
}
