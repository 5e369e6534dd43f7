// Schema views: a $ref-resolved, allOf-merged summary of one schema, computed once per schema object.
// Rules compare views, so `$ref` vs inline, component names and keyword order never show up as changes.
import { asArray, asObject, asString, display, isObject, type Json, type JsonObject } from './json.js';

export interface PropertyView {
  name: string;
  /** The property's schema as written (may be a `$ref`); view it with `SchemaReader.view`. */
  schema: JsonObject;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
}

export interface VariantSet {
  /** Discriminator property; variants are keyed by its value. Without one, by a shape signature. */
  discriminator: string | undefined;
  entries: Map<string, JsonObject>;
}

export interface SchemaView {
  /** Identity of the resolved schema, for the recursion guard. */
  node: JsonObject;
  /** Declared types without `null`, sorted; empty when unconstrained. */
  types: string[];
  nullable: boolean;
  /** `string`, `object`, `array`, `union`, `any`, or `a | b` for type arrays. */
  label: string;
  properties: Map<string, PropertyView>;
  items: JsonObject | undefined;
  additional: JsonObject | undefined;
  /** Enum values as display strings; undefined when the schema is not an enum. */
  enumValues: string[] | undefined;
  /** `x-extensible-enum`: clients must accept values they do not know. */
  openEnum: boolean;
  variants: VariantSet | undefined;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  description: string | undefined;
  hasDefault: boolean;
  default: Json | undefined;
  /** Validation keywords that limit what is accepted (maximum, maxLength, pattern, format, ...), as written. */
  constraints: Partial<Record<ConstraintKey, Json>>;
  /** JSON Schema 2020-12 assertion keywords (dependentRequired, if/then/else, contains, ...), as written. */
  keywords: Partial<Record<KeywordKey, Json>>;
  /** `prefixItems`: a tuple's positions (the generated type is a tuple). */
  prefixItems: JsonObject[] | undefined;
  /** `patternProperties`: pattern → value schema (the generated type has an index signature). */
  patternProperties: Map<string, JsonObject> | undefined;
  /** Every name in `required` (allOf merged), declared as a property or not, sorted. */
  required: string[];
  /** The discriminator property of this schema's own union, when it declares one. */
  discriminator: string | undefined;
}

/** 2020-12 keywords compared as constraints, by family (one rule each). */
export const KEYWORD_FAMILIES = {
  dependent: ['dependentRequired', 'dependentSchemas'],
  conditional: ['if', 'then', 'else'],
  contains: ['contains', 'minContains', 'maxContains'],
  unevaluated: ['propertyNames', 'unevaluatedProperties', 'unevaluatedItems'],
  content: ['contentSchema', 'contentMediaType', 'contentEncoding'],
} as const;
export type KeywordFamily = keyof typeof KEYWORD_FAMILIES;
export type KeywordKey = (typeof KEYWORD_FAMILIES)[KeywordFamily][number];
const KEYWORD_KEYS: readonly KeywordKey[] = Object.values(KEYWORD_FAMILIES).flat();

const CONSTRAINT_KEYS = [
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'pattern',
  'format',
] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

/** Everything collected from a schema and its allOf members before it is frozen into a view. */
interface Parts {
  typeSets: string[][];
  nullable: boolean;
  properties: Map<string, JsonObject[]>;
  required: Set<string>;
  items?: JsonObject;
  additional?: JsonObject;
  enumValues?: string[];
  openEnum: boolean;
  union?: { list: JsonObject[]; discriminator?: JsonObject };
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  description?: string;
  default?: { value: Json | undefined };
  constraints: Partial<Record<ConstraintKey, Json>>;
  keywords: Partial<Record<KeywordKey, Json>>;
  prefixItems?: JsonObject[];
  patternProperties?: Map<string, JsonObject>;
}

const EMPTY: JsonObject = {};

export class SchemaReader {
  private readonly views = new WeakMap<JsonObject, SchemaView>();
  private readonly derefs = new WeakMap<JsonObject, JsonObject>();
  private readonly building = new Set<JsonObject>();

  constructor(readonly doc: JsonObject) {}

  /** Follow local `$ref`s (siblings of a `$ref` override the target). Unresolvable refs read as `{}`. */
  deref(node: unknown): JsonObject {
    const start = asObject(node);
    if (!start) {
      return EMPTY;
    }
    if (typeof start.$ref !== 'string') {
      return start;
    }
    const cached = this.derefs.get(start);
    if (cached) {
      return cached;
    }
    let current: JsonObject = start;
    const seen = new Set<JsonObject>();
    const siblings: JsonObject = {};
    while (typeof current.$ref === 'string' && !seen.has(current)) {
      seen.add(current);
      for (const [k, v] of Object.entries(current)) {
        if (k !== '$ref' && !(k in siblings)) {
          siblings[k] = v;
        }
      }
      current = this.pointer(current.$ref) ?? EMPTY;
    }
    const resolved = Object.keys(siblings).length > 0 ? { ...current, ...siblings } : current;
    this.derefs.set(start, resolved);
    return resolved;
  }

  pointer(ref: string): JsonObject | undefined {
    if (!ref.startsWith('#')) {
      return undefined;
    }
    let node: unknown = this.doc;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    }
    return asObject(node);
  }

  view(schema: unknown): SchemaView {
    const node = this.deref(schema);
    const cached = this.views.get(node);
    if (cached) {
      return cached;
    }
    const parts = emptyParts();
    // A schema reached again while it is being built (pathological union cycles) reads as unconstrained.
    if (this.building.has(node)) {
      return this.freeze(node, emptyParts());
    }
    this.building.add(node);
    this.collect({ schema: node, parts, seen: new Set(), own: true });
    const view = this.freeze(node, parts);
    this.building.delete(node);
    this.views.set(node, view);
    return view;
  }

  /** readOnly/writeOnly through `$ref` and allOf, without building a full view (properties may recurse). */
  flags(schema: unknown, seen = new Set<JsonObject>()): { readOnly: boolean; writeOnly: boolean } {
    const s = this.deref(schema);
    if (seen.has(s)) {
      return { readOnly: false, writeOnly: false };
    }
    seen.add(s);
    let readOnly = s.readOnly === true;
    let writeOnly = s.writeOnly === true;
    for (const member of asArray(s.allOf)) {
      const f = this.flags(member, seen);
      readOnly ||= f.readOnly;
      writeOnly ||= f.writeOnly;
    }
    return { readOnly, writeOnly };
  }

  /** Type text for parameters, where item types matter at the top: `array<string>`. */
  deepLabel(schema: unknown, depth = 0): string {
    const view = this.view(schema);
    const base =
      view.label === 'array' && view.items && depth < 4
        ? `array<${this.deepLabel(view.items, depth + 1)}>`
        : view.label;
    return view.nullable ? `${base} | null` : base;
  }

  private collect(input: { schema: unknown; parts: Parts; seen: Set<JsonObject>; own: boolean }): void {
    const { parts, seen, own } = input;
    const s = this.deref(input.schema);
    if (seen.has(s)) {
      return;
    }
    seen.add(s);

    const type = s.type;
    if (typeof type === 'string' || Array.isArray(type)) {
      const list = asArray(type).length > 0 ? asArray(type) : [type];
      const names = list.filter((t): t is string => typeof t === 'string');
      if (names.includes('null')) {
        parts.nullable = true;
      }
      const nonNull = names.filter((t) => t !== 'null');
      if (nonNull.length > 0) {
        parts.typeSets.push(nonNull);
      }
    }
    if (s.nullable === true) {
      parts.nullable = true;
    }
    if (s.readOnly === true) {
      parts.readOnly = true;
    }
    if (s.writeOnly === true) {
      parts.writeOnly = true;
    }
    if (s.deprecated === true) {
      parts.deprecated = true;
    }
    if (parts.description === undefined && typeof s.description === 'string') {
      parts.description = s.description;
    }
    if (parts.default === undefined && 'default' in s) {
      parts.default = { value: s.default };
    }
    for (const key of CONSTRAINT_KEYS) {
      const value = s[key];
      if (value !== undefined && parts.constraints[key] === undefined) {
        parts.constraints[key] = value;
      }
    }
    collectKeywords(s, parts);
    if (!parts.prefixItems && Array.isArray(s.prefixItems)) {
      parts.prefixItems = s.prefixItems.filter(isObject);
    }
    const patterns = asObject(s.patternProperties);
    if (!parts.patternProperties && patterns) {
      const entries = Object.entries(patterns).filter((e): e is [string, JsonObject] => isObject(e[1]));
      parts.patternProperties = new Map(entries);
    }

    const props = asObject(s.properties);
    if (props) {
      for (const [name, prop] of Object.entries(props)) {
        const list = parts.properties.get(name) ?? [];
        if (isObject(prop)) {
          list.push(prop);
        }
        parts.properties.set(name, list);
      }
    }
    for (const name of asArray(s.required)) {
      if (typeof name === 'string') {
        parts.required.add(name);
      }
    }
    if (!parts.items && isObject(s.items)) {
      parts.items = s.items;
    }
    if (!parts.additional && isObject(s.additionalProperties)) {
      parts.additional = s.additionalProperties;
    }

    this.collectEnum(s, parts);

    for (const member of asArray(s.allOf)) {
      this.collect({ schema: member, parts, seen, own: false });
    }
    this.collectUnion({ schema: s, parts, seen, own });
  }

  private collectEnum(s: JsonObject, parts: Parts): void {
    if (parts.enumValues) {
      return;
    }
    const extensible = s['x-extensible-enum'];
    let values: unknown[] | undefined;
    if (Array.isArray(extensible)) {
      values = extensible;
      parts.openEnum = true;
    } else if (Array.isArray(s.enum)) {
      values = s.enum;
      parts.openEnum = extensible === true;
    } else if ('const' in s) {
      values = [s.const];
    }
    if (!values) {
      return;
    }
    if (values.includes(null)) {
      parts.nullable = true;
    }
    parts.enumValues = values.filter((v) => v !== null).map(display);
  }

  private collectUnion(input: { schema: JsonObject; parts: Parts; seen: Set<JsonObject>; own: boolean }): void {
    const { schema: s, parts, seen, own } = input;
    if (parts.union) {
      return;
    }
    const raw = [...asArray(s.oneOf), ...asArray(s.anyOf)].filter(isObject);
    // An inherited discriminator (allOf parent) would list the child itself as a variant: only own counts.
    const discriminator = own ? asObject(s.discriminator) : undefined;
    const list = raw.filter((v) => {
      const target = this.deref(v);
      const isNull =
        target.type === 'null' || (Array.isArray(target.enum) && target.enum.length === 1 && target.enum[0] === null);
      if (isNull) {
        parts.nullable = true;
      }
      return !isNull;
    });
    if (list.length === 0 && discriminator && raw.length === 0) {
      const mapping = asObject(discriminator.mapping) ?? {};
      const targets = Object.values(mapping).filter((r): r is string => typeof r === 'string');
      if (targets.length > 0) {
        parts.union = { list: targets.map((r) => ({ $ref: r })), discriminator };
      }
      return;
    }
    if (list.length === 1 && !discriminator) {
      // `oneOf: [X, {type: null}]` is the 3.1 spelling of a nullable X.
      this.collect({ schema: list[0], parts, seen, own: false });
      return;
    }
    if (list.length > 0) {
      parts.union = { list, discriminator };
    }
  }

  private freeze(node: JsonObject, parts: Parts): SchemaView {
    const types = intersect(parts.typeSets);
    const properties = new Map<string, PropertyView>();
    for (const [name, list] of [...parts.properties.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const schema: JsonObject = list.length === 1 && list[0] ? list[0] : { allOf: list };
      properties.set(name, { name, schema, required: parts.required.has(name), ...this.flags(schema) });
    }
    const variants = parts.union ? this.variantSet(parts.union) : undefined;
    let label: string;
    if (types.length > 0) {
      label = types.join(' | ');
    } else if (variants) {
      label = 'union';
    } else if (properties.size > 0 || parts.additional) {
      label = 'object';
    } else if (parts.items) {
      label = 'array';
    } else if (parts.enumValues) {
      label = 'string';
    } else {
      label = 'any';
    }
    return {
      node,
      types,
      nullable: parts.nullable,
      label,
      properties,
      items: parts.items,
      additional: parts.additional,
      enumValues: parts.enumValues,
      constraints: parts.constraints,
      keywords: parts.keywords,
      required: [...parts.required].sort(),
      prefixItems: parts.prefixItems,
      patternProperties: parts.patternProperties,
      discriminator: parts.union?.discriminator ? asString(parts.union.discriminator.propertyName) : undefined,
      openEnum: parts.openEnum,
      variants,
      readOnly: parts.readOnly,
      writeOnly: parts.writeOnly,
      deprecated: parts.deprecated,
      description: parts.description,
      hasDefault: parts.default !== undefined,
      default: parts.default?.value,
    };
  }

  private variantSet(union: { list: JsonObject[]; discriminator?: JsonObject }): VariantSet {
    const propertyName = union.discriminator ? asString(union.discriminator.propertyName) : undefined;
    const byRef = new Map<string, string>();
    for (const [value, ref] of Object.entries(asObject(union.discriminator?.mapping) ?? {})) {
      if (typeof ref === 'string' && !byRef.has(ref)) {
        byRef.set(ref, value);
      }
    }
    const entries = new Map<string, JsonObject>();
    union.list.forEach((variant, index) => {
      let key = propertyName ? this.discriminatorValue({ variant, propertyName, byRef }) : this.signature(variant);
      key ??= `#${index}`;
      let unique = key;
      for (let n = 2; entries.has(unique); n++) {
        unique = `${key}#${n}`;
      }
      entries.set(unique, variant);
    });
    return { discriminator: propertyName, entries };
  }

  private discriminatorValue(input: {
    variant: JsonObject;
    propertyName: string;
    byRef: Map<string, string>;
  }): string | undefined {
    const ref = asString(input.variant.$ref);
    const mapped = ref ? input.byRef.get(ref) : undefined;
    if (mapped) {
      return mapped;
    }
    const prop = this.view(input.variant).properties.get(input.propertyName);
    const values = prop ? this.view(prop.schema).enumValues : undefined;
    if (values && values.length === 1) {
      return values[0];
    }
    // Implicit mapping: the component name is the value on the wire.
    return ref ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
  }

  private signature(variant: JsonObject): string {
    const view = this.view(variant);
    const props = [...view.properties.keys()].join(',');
    const values = view.enumValues ? `=${view.enumValues.join('|')}` : '';
    return props ? `${view.label}{${props}}` : `${view.label}${values}`;
  }
}

/** First writer wins, as for constraints; if/then/else travel together, from the schema that has the `if`. */
function collectKeywords(s: JsonObject, parts: Parts): void {
  for (const key of KEYWORD_KEYS) {
    if (key === 'if' || key === 'then' || key === 'else') {
      continue;
    }
    const value = s[key];
    if (value !== undefined && parts.keywords[key] === undefined) {
      parts.keywords[key] = value;
    }
  }
  if (s.if !== undefined && parts.keywords.if === undefined) {
    parts.keywords.if = s.if;
    if (s.then !== undefined) {
      parts.keywords.then = s.then;
    }
    if (s.else !== undefined) {
      parts.keywords.else = s.else;
    }
  }
}

function emptyParts(): Parts {
  return {
    typeSets: [],
    nullable: false,
    properties: new Map(),
    required: new Set(),
    openEnum: false,
    constraints: {},
    keywords: {},
    readOnly: false,
    writeOnly: false,
    deprecated: false,
  };
}

function intersect(sets: string[][]): string[] {
  const [first, ...rest] = sets;
  if (!first) {
    return [];
  }
  let result = new Set(first);
  for (const set of rest) {
    // integer is a subset of number: their intersection is integer.
    const next = new Set<string>();
    for (const t of result) {
      if (set.includes(t)) {
        next.add(t);
      } else if (t === 'integer' && set.includes('number')) {
        next.add('integer');
      } else if (t === 'number' && set.includes('integer')) {
        next.add('integer');
      }
    }
    if (next.size > 0) {
      result = next;
    }
  }
  return [...result].sort();
}
