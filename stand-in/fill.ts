/// <reference types="node" />
// Fills what a response must carry but the caller never sent (readOnly fields such as a reference's `related` URL
// or a status's details): each missing required property gets a sample from its schema, taken by openapi-sampler
// from the spec's own examples.
import { sample } from 'openapi-sampler';
import { resolveRef, type Json, type Node as Schema } from './json.js';

export type Doc = { [key: string]: unknown };

export function complete(value: Json, schema: Schema | undefined, doc: Doc, depth = 0): Json {
  const s = resolveRef(schema, doc);
  if (!s || depth > 24 || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    const items = resolveRef(s.items as Schema | undefined, doc);
    return items ? value.map((v) => complete(v, items, doc, depth + 1)) : value;
  }
  const variant = pickVariant(value, s, doc);
  if (variant) {
    value = complete(value, variant, doc, depth + 1);
  }
  for (const part of (s.allOf as Schema[] | undefined) ?? []) {
    value = complete(value, part, doc, depth + 1);
  }
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const out: { [key: string]: Json } = { ...(value as { [key: string]: Json }) };
  for (const name of (s.required as string[] | undefined) ?? []) {
    if (out[name] === undefined && properties[name]) {
      out[name] = sampled(name, properties[name], { owner: out, doc, example: s.example });
    }
  }
  for (const [name, v] of Object.entries(out)) {
    if (properties[name]) {
      out[name] = complete(v, properties[name], doc, depth + 1);
    }
  }
  return out;
}

interface SampleContext {
  owner: { [key: string]: Json };
  doc: Doc;
  /** The enclosing schema's example, whose value for this property is the best sample. */
  example: unknown;
}

function sampled(name: string, schema: Schema, { owner, doc, example }: SampleContext): Json {
  const fromExample = example && typeof example === 'object' ? (example as { [key: string]: Json })[name] : undefined;
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

function pickVariant(value: { [key: string]: Json }, s: Schema, _doc: Doc): Schema | undefined {
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
