// Impact on the generated package: build the generator's model for both documents and compare the
// exported methods (resource.method and their signatures) and types (name, kind and members). The builder is
// imported statically from the generator's public entry: if it moves, the diff fails to load, loudly.
import type { JsonObject } from './json.js';
import {
  buildModel,
  type MethodModel,
  type ParamModel,
  type PropertyModel,
  type SdkModel,
  type TypeModel,
} from '../generator/index.js';

// Only the model fields the comparison reads: the generator's model grows, the impact should not care.
type ImpactParam = Pick<ParamModel, 'name' | 'required' | 'type'>;
type ImpactGroup = { type: string; required: boolean };
type ImpactParamGroup = { type: string; required: boolean; params: ImpactParam[] };
type ImpactMethod = Pick<MethodModel, 'name' | 'deprecated'> & {
  params: {
    path: ImpactParam[];
    query: ImpactParamGroup | undefined;
    header: ImpactParamGroup | undefined;
    cookie?: ImpactParamGroup | undefined;
  };
  body: ImpactGroup | undefined;
  response: { type: string };
};
type ImpactType = Pick<TypeModel, 'name' | 'kind' | 'values' | 'openEnum' | 'variants' | 'deprecated'> & {
  properties: Array<Pick<PropertyModel, 'name' | 'type' | 'required' | 'readOnly' | 'values' | 'openEnum'>>;
};
export interface ImpactModel {
  resources: Array<{ property: string; methods: ImpactMethod[] }>;
  types: ImpactType[];
  /** What the stand-in cannot serve (`GET /path (why)`); absent in a hand-made model. */
  standIn?: { unmodelled: string[] };
}

export interface Delta {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface Impact {
  methods: Delta;
  /** Model types and the parameter types (`NetworkListParams`) the methods take. */
  types: Delta;
  /** Operations the head's stand-in cannot serve (they answer 501) that the base's could or did not have. */
  standInCannotServe: string[];
}

/** Impact, or why the generator's model builder could not read one of the documents. */
export function packageImpact(base: JsonObject, head: JsonObject): Impact | string {
  let models: [SdkModel, SdkModel];
  try {
    // The model builder may annotate the document: give it copies.
    models = [buildModel(structuredClone(base)), buildModel(structuredClone(head))];
  } catch (error) {
    return `the generator's model builder failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
  return compareModels(models[0], models[1]);
}

export function compareModels(base: ImpactModel, head: ImpactModel): Impact {
  const before = new Set(base.standIn?.unmodelled ?? []);
  return {
    methods: delta(methodSignatures(base), methodSignatures(head)),
    types: delta(typeSignatures(base), typeSignatures(head)),
    standInCannotServe: (head.standIn?.unmodelled ?? []).filter((u) => !before.has(u)).sort(),
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
  const { path, query, header } = m.params;
  const args = [
    params(path),
    m.body ? `body${m.body.required ? '' : '?'}: ${m.body.type}` : '',
    query ? `query${query.required ? '' : '?'}: ${query.type}` : '',
    header ? `headers: {${params(header.params)}}` : '',
  ].filter(Boolean);
  return `(${args.join(', ')}) => ${m.response.type}${m.deprecated ? ' @deprecated' : ''}`;
}

function typeSignatures(model: ImpactModel): Map<string, string> {
  const result = new Map(model.types.map((t) => [t.name, typeSignature(t)]));
  // The parameter objects are exported types too (`NetworkListParams`), built from the operation, not a schema.
  for (const method of model.resources.flatMap((r) => r.methods)) {
    for (const group of [method.params.query, method.params.header, method.params.cookie]) {
      if (group && !result.has(group.type)) {
        const members = group.params.map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}`);
        result.set(group.type, `params / ${members.join('; ')}`);
      }
    }
  }
  return result;
}

function typeSignature(t: ImpactType): string {
  const props = t.properties.map(
    (p) =>
      `${p.readOnly ? 'readonly ' : ''}${p.name}${p.required ? '' : '?'}: ${p.type}${p.values.length ? `=${p.values.join('|')}${p.openEnum ? '|*' : ''}` : ''}`,
  );
  const variants = t.variants.map((v) => `${v.value}:${v.type}`);
  return [
    t.kind,
    props.join('; '),
    t.values.join('|'),
    t.openEnum ? 'open' : '',
    variants.join('|'),
    t.deprecated ? 'deprecated' : '',
  ].join(' / ');
}

function delta(base: Map<string, string>, head: Map<string, string>): Delta {
  const sorted = (list: string[]): string[] => list.sort();
  return {
    added: sorted([...head.keys()].filter((k) => !base.has(k))),
    removed: sorted([...base.keys()].filter((k) => !head.has(k))),
    changed: sorted([...head.keys()].filter((k) => base.has(k) && base.get(k) !== head.get(k))),
  };
}
