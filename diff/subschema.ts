// Whether a schema accepts fewer values, more, or some of each than before: the comparison behind the 2020-12
// keyword rules (a `then` branch, a `contains` schema, a `propertyNames` schema, ...). Conservative: a change it
// cannot order is `changed`, which a request rule treats like a tightening.
import { constraintChanges } from './constraints.js';
import { canonical, isObject, type Json, type JsonObject } from './json.js';
import type { Readers } from './rule.js';
import { KEYWORD_FAMILIES, type KeywordFamily, type KeywordKey, type SchemaReader, type SchemaView } from './schema.js';

export type Effect = 'same' | 'tightened' | 'loosened' | 'changed';

const MAX_DEPTH = 12;
/** Keywords that never change what a schema accepts. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  '$comment',
  'deprecated',
  'default',
  'readOnly',
  'writeOnly',
  'externalDocs',
  'xml',
]);

/** Keywords whose value maps names to schemas. */
const MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

function combine(effects: readonly Effect[]): Effect {
  const set = new Set(effects.filter((e) => e !== 'same'));
  if (set.size === 0) {
    return 'same';
  }
  if (set.size > 1 || set.has('changed')) {
    return 'changed';
  }
  return [...set][0] ?? 'same';
}

/** Two sets of allowed values (types, enum values): fewer is tighter. */
function setEffect(base: readonly string[], head: readonly string[]): Effect {
  const b = new Set(base);
  const h = new Set(head);
  const lost = [...b].some((v) => !h.has(v));
  const gained = [...h].some((v) => !b.has(v));
  return lost && gained ? 'changed' : lost ? 'tightened' : gained ? 'loosened' : 'same';
}

/**
 * Compares two subschemas of a keyword; `undefined` (absent) and `true` accept everything, `false` nothing.
 */
export function compareSubschemas(readers: Readers, base: Json | undefined, head: Json | undefined, depth = 0): Effect {
  const b = acceptsAll(base) ? undefined : base;
  const h = acceptsAll(head) ? undefined : head;
  if (b === undefined && h === undefined) {
    return 'same';
  }
  if (b === false || h === false) {
    return b === h ? 'same' : b === false ? 'loosened' : 'tightened';
  }
  if (b === undefined) {
    return 'tightened';
  }
  if (h === undefined) {
    return 'loosened';
  }
  const same = shape(readers.base, b) === shape(readers.head, h);
  if (same) {
    return 'same';
  }
  if (depth >= MAX_DEPTH) {
    return 'changed';
  }
  const effect = compareViews(readers, readers.base.view(b), readers.head.view(h), depth);
  // Something differs that the structural comparison does not model: it may refuse values.
  return effect === 'same' ? 'changed' : effect;
}

/** The same schema however written ($ref or inline, allOf split or merged), as far as the views model it. */
export function equivalent(readers: Readers, base: JsonObject, head: JsonObject): boolean {
  if (shape(readers.base, base) === shape(readers.head, head)) {
    return true;
  }
  return compareViews(readers, readers.base.view(base), readers.head.view(head), 0) === 'same';
}

function compareViews(readers: Readers, b: SchemaView, h: SchemaView, depth: number): Effect {
  const effects: Effect[] = [];
  // No type at all admits every type.
  const anyType = (v: SchemaView): string[] => (v.types.length === 0 ? ['*'] : v.types);
  effects.push(b.types.length === h.types.length && b.types.length === 0 ? 'same' : typeEffect(anyType(b), anyType(h)));
  if (b.nullable !== h.nullable) {
    effects.push(b.nullable ? 'tightened' : 'loosened');
  }
  if (b.enumValues || h.enumValues) {
    effects.push(!b.enumValues ? 'tightened' : !h.enumValues ? 'loosened' : setEffect(b.enumValues, h.enumValues));
  }
  for (const c of constraintChanges(b, h)) {
    effects.push(c.tightened ? 'tightened' : 'loosened');
  }
  // More required names accept fewer objects: the set effect, reversed.
  effects.push(reverse(setEffect(b.required, h.required)));
  for (const name of new Set([...b.properties.keys(), ...h.properties.keys()])) {
    effects.push(compareSubschemas(readers, b.properties.get(name)?.schema, h.properties.get(name)?.schema, depth + 1));
  }
  effects.push(compareSubschemas(readers, b.items, h.items, depth + 1));
  effects.push(compareSubschemas(readers, b.additional, h.additional, depth + 1));
  for (const family of Object.keys(KEYWORD_FAMILIES) as KeywordFamily[]) {
    const changes = familyChanges({ family, readers, base: b, head: h, depth: depth + 1 });
    for (const change of changes) {
      effects.push(change.effect);
    }
  }
  return combine(effects);
}

function typeEffect(base: string[], head: string[]): Effect {
  if (base.includes('*')) {
    return head.includes('*') ? 'same' : 'tightened';
  }
  return head.includes('*') ? 'loosened' : setEffect(base, head);
}

function reverse(effect: Effect): Effect {
  return effect === 'tightened' ? 'loosened' : effect === 'loosened' ? 'tightened' : effect;
}

function acceptsAll(schema: Json | undefined): boolean {
  return schema === undefined || schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

/** Canonical text of what a schema accepts: `$ref`s inlined (a cycle by its ref), annotations dropped. */
function shape(
  reader: SchemaReader,
  node: Json | undefined,
  seen: ReadonlySet<JsonObject> = new Set(),
  map = false,
): string {
  if (Array.isArray(node)) {
    return `[${node.map((n) => shape(reader, n, seen)).join(',')}]`;
  }
  if (!isObject(node)) {
    return canonical(node);
  }
  const resolved = reader.deref(node);
  if (seen.has(resolved)) {
    return `#${String(node.$ref ?? 'cycle')}`;
  }
  const inner = new Set(seen).add(resolved);
  // In a map of schemas (`properties`, ...) the keys are names, never annotations.
  const keys = Object.keys(resolved)
    .filter((k) => k !== '$ref' && (map || (!ANNOTATIONS.has(k) && !k.startsWith('x-'))))
    .sort();
  const entries = keys.map((k) => `${JSON.stringify(k)}:${shape(reader, resolved[k], inner, !map && MAPS.has(k))}`);
  return `{${entries.join(',')}}`;
}

export interface KeywordChange {
  keyword: string;
  effect: Exclude<Effect, 'same'>;
  /** Short forms for the message: numbers and strings as written, schemas as `schema`. */
  from: string;
  to: string;
}

export interface FamilyInput {
  family: KeywordFamily;
  readers: Readers;
  base: SchemaView;
  head: SchemaView;
  depth?: number;
}

/** The changes of one keyword family between two views, one entry per keyword that changed. */
export function familyChanges({ family, readers, base, head, depth = 0 }: FamilyInput): KeywordChange[] {
  const kb = base.keywords;
  const kh = head.keywords;
  // Most schemas use none of these keywords: leave before building anything.
  if (!uses(KEYWORD_FAMILIES[family], kb, kh)) {
    return [];
  }
  const out: KeywordChange[] = [];
  const add = (keyword: string, effect: Effect, from: Json | undefined, to: Json | undefined): void => {
    if (effect !== 'same') {
      out.push({ keyword, effect, from: short(from), to: short(to) });
    }
  };
  const sub = (keyword: keyof typeof kb): void =>
    add(keyword, compareSubschemas(readers, kb[keyword], kh[keyword], depth), kb[keyword], kh[keyword]);
  if (family === 'dependent') {
    const [from, to] = [kb.dependentRequired, kh.dependentRequired];
    add('dependentRequired', dependentRequired(from, to), from, to);
    const [bs, hs] = [objectOf(kb.dependentSchemas), objectOf(kh.dependentSchemas)];
    const names = [...new Set([...Object.keys(bs), ...Object.keys(hs)])];
    const effects = names.map((k) => compareSubschemas(readers, bs[k], hs[k], depth));
    add('dependentSchemas', combine(effects), kb.dependentSchemas, kh.dependentSchemas);
  } else if (family === 'conditional') {
    // Without an `if`, `then` and `else` assert nothing.
    const [bIf, hIf] = [kb.if, kh.if];
    if (bIf === undefined && hIf === undefined) {
      return out;
    }
    if (bIf !== undefined && hIf !== undefined && shape(readers.base, bIf) !== shape(readers.head, hIf)) {
      add('if', 'changed', bIf, hIf);
      return out;
    }
    const branch = (v: Json | undefined, cond: Json | undefined): Json | undefined =>
      cond === undefined ? undefined : v;
    for (const key of ['then', 'else'] as const) {
      const effect = compareSubschemas(readers, branch(kb[key], bIf), branch(kh[key], hIf), depth);
      add(key, effect, branch(kb[key], bIf), branch(kh[key], hIf));
    }
  } else if (family === 'contains') {
    sub('contains');
    // minContains defaults to 1 and both bounds only count beside `contains`.
    const min = (k: typeof kb): number | undefined =>
      k.contains === undefined ? undefined : typeof k.minContains === 'number' ? k.minContains : 1;
    const max = (k: typeof kb): number | undefined =>
      k.contains === undefined || typeof k.maxContains !== 'number' ? undefined : k.maxContains;
    if (kb.contains !== undefined && kh.contains !== undefined) {
      add('minContains', order(min(kb), min(kh), 'lower'), kb.minContains, kh.minContains);
      add('maxContains', order(max(kb), max(kh), 'upper'), kb.maxContains, kh.maxContains);
    }
  } else if (family === 'unevaluated') {
    sub('propertyNames');
    sub('unevaluatedProperties');
    sub('unevaluatedItems');
  } else {
    sub('contentSchema');
    for (const key of ['contentMediaType', 'contentEncoding'] as const) {
      const [from, to] = [kb[key], kh[key]];
      if (canonical(from) === canonical(to)) {
        continue;
      }
      // A string that must now be (say) base64 refuses what was sent before; dropping it accepts more.
      add(key, from === undefined ? 'tightened' : to === undefined ? 'loosened' : 'changed', from, to);
    }
  }
  return out;
}

function uses(keys: readonly KeywordKey[], base: SchemaView['keywords'], head: SchemaView['keywords']): boolean {
  for (const key of keys) {
    if (base[key] !== undefined || head[key] !== undefined) {
      return true;
    }
  }
  return false;
}

/** Each `name → [names]` pair is an obligation: new pairs tighten, dropped ones loosen. */
function dependentRequired(base: Json | undefined, head: Json | undefined): Effect {
  const pairs = (value: Json | undefined): string[] =>
    Object.entries(objectOf(value)).flatMap(([k, list]) =>
      Array.isArray(list) ? list.map((v) => `${k}→${String(v)}`) : [],
    );
  return reverse(setEffect(pairs(base), pairs(head)));
}

function order(from: number | undefined, to: number | undefined, kind: 'lower' | 'upper'): Effect {
  if (from === to) {
    return 'same';
  }
  if (from === undefined) {
    return 'tightened';
  }
  if (to === undefined) {
    return 'loosened';
  }
  return (kind === 'upper' ? to < from : to > from) ? 'tightened' : 'loosened';
}

function objectOf(value: Json | undefined): JsonObject {
  return isObject(value) ? value : {};
}

function short(value: Json | undefined): string {
  if (value === undefined) {
    return '(none)';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') {
    return value;
  }
  return canonical(value).length <= 60 ? canonical(value) : 'a schema';
}
