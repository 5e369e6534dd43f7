/// <reference types="node" />
// Fills what a response carries but the caller never sent: each missing required property, and (as the service
// does) each missing readOnly one, gets a sample from its schema, taken by openapi-sampler from the spec's own
// examples. A property whose schema says `x-service-empty` (the service's `[]`, `null` or `""` for "nothing") gets
// that value instead: inside an object the stand-in made up, when it is missing from anything but a set reference,
// or when the caller sent it empty.
import { sample } from 'openapi-sampler';
import { resolveRef, type Json, type JsonObject, type Node as Schema } from './json.js';

export type Doc = { [key: string]: unknown };

export interface FillOptions {
  /** Fill missing readOnly properties too, not only required ones (the service fills what it owns). */
  readOnly: boolean;
  /** Answer `x-service-empty` values (the service's null, [] and "") instead of samples. */
  serviceEmpty: boolean;
  /** Property paths left alone (a failure's message while the resource has not failed). */
  skip: readonly (readonly string[])[];
}

const PLAIN: FillOptions = { readOnly: false, serviceEmpty: false, skip: [] };
const EMPTY = 'x-service-empty';

interface Walk {
  doc: Doc;
  options: FillOptions;
  path: string[];
  depth: number;
  /** Inside a value the stand-in sampled: it names nothing real, so `x-service-empty` properties are empty. */
  madeUp: boolean;
}

export function complete(value: Json, schema: Schema | undefined, doc: Doc, options: FillOptions = PLAIN): Json {
  return fill(value, schema, { doc, options, path: [], depth: 0, madeUp: false });
}

function fill(value: Json, schema: Schema | undefined, walk: Walk): Json {
  const { doc, options, path, depth } = walk;
  const s = resolveRef(schema, doc);
  if (!s || depth > 24 || value === null || typeof value !== 'object') {
    return value;
  }
  const deeper = (v: Json, sub: Schema | undefined, key?: string, madeUp = walk.madeUp): Json =>
    fill(v, sub, { ...walk, path: key === undefined ? path : [...path, key], depth: depth + 1, madeUp });
  if (Array.isArray(value)) {
    const items = resolveRef(s.items as Schema | undefined, doc);
    return items ? value.map((v) => deeper(v, items)) : value;
  }
  const variant = pickVariant(value, s);
  if (variant) {
    value = deeper(value, variant);
  }
  for (const part of (s.allOf as Schema[] | undefined) ?? []) {
    value = deeper(value, part);
  }
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const out: JsonObject = { ...(value as JsonObject) };
  const sampledHere = new Set<string>();
  for (const [name, property] of Object.entries(properties)) {
    if (options.skip.some((p) => same(p, [...path, name]))) {
      if (walk.madeUp) {
        delete out[name];
      }
      continue;
    }
    const p = resolveRef(property, doc);
    const empty = options.serviceEmpty && p && EMPTY in p ? (p[EMPTY] as Json) : undefined;
    if (out[name] === undefined) {
      const owned = options.readOnly && (s.readOnly === true || p?.readOnly === true);
      if (!required.has(name) && !owned) {
        continue;
      }
      if (empty !== undefined && (walk.madeUp || !isReference(out, path))) {
        out[name] = structuredClone(empty);
      } else {
        out[name] = sampled(name, property, { owner: out, doc, example: s.example });
        sampledHere.add(name);
      }
    } else if (empty !== undefined && (walk.madeUp || isEmpty(out[name]))) {
      out[name] = structuredClone(empty);
    }
  }
  for (const [name, v] of Object.entries(out)) {
    if (properties[name]) {
      out[name] = deeper(v, properties[name], name, walk.madeUp || sampledHere.has(name));
    }
  }
  return out;
}

/** A nested object the caller gave an id is a set reference: its missing fields get real values, not empty ones. */
const isReference = (owner: JsonObject, path: readonly string[]): boolean =>
  path.length > 0 && typeof owner.id === 'string' && owner.id !== '';
const isEmpty = (v: Json | undefined): boolean => v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((k, i) => k === b[i]);

interface SampleContext {
  owner: JsonObject;
  doc: Doc;
  /** The enclosing schema's example, whose value for this property is the best sample. */
  example: unknown;
}

function sampled(name: string, schema: Schema, { owner, doc, example }: SampleContext): Json {
  const fromExample = example && typeof example === 'object' ? (example as JsonObject)[name] : undefined;
  const value =
    fromExample !== undefined
      ? structuredClone(fromExample)
      : (sample(schema as never, { skipReadOnly: false, skipWriteOnly: true, quiet: true }, doc as never) as Json);
  // A reference's URL and CRN end in the referenced id: keep the sample's shape, put this reference's id in.
  if ((name === 'related' || name === 'resource_name') && typeof value === 'string' && typeof owner.id === 'string') {
    return value.replace(/[^/=]+$/, owner.id);
  }
  return value;
}

function pickVariant(value: JsonObject, s: Schema): Schema | undefined {
  const variants = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  const discriminator = s.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (!variants || !discriminator) {
    return undefined;
  }
  const tag = value[discriminator.propertyName];
  if (typeof tag !== 'string') {
    return undefined;
  }
  const ref = discriminator.mapping?.[tag] ?? `#/components/schemas/${tag}`;
  return variants.find((v) => v.$ref === ref);
}
