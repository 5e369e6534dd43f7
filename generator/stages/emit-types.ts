// Stage 5: TypeScript types for the whole API, by openapi-typescript, with what it lacks: `x-extensible-enum` as
// an open union, no `required` for properties that merely have a default, descriptions as plain JSDoc text, and
// component schemas under the names the model exports them as (so editors show those names).
import openapiTS, { astToString, tsLiteral, tsUnion, tsIntersection, STRING } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenApiDocument, SchemaObject } from '../openapi.js';
import { plainDescriptions } from './emit-types-docs.js';
import { nameSchemas } from './emit-types-names.js';
import { escapePrototypeKeys, hasPrototypeKeys, unescapePrototypeText } from '../prototype-keys.js';

export interface EmitTypesOptions {
  /** Component schema key → the type name the package exports it as (the model's `types`). */
  schemaNames?: ReadonlyMap<string, string>;
}

export async function emitTypes(document: OpenApiDocument, options: EmitTypesOptions = {}): Promise<string> {
  const escaped = hasPrototypeKeys(document);
  const input = escaped ? escapePrototypeKeys(structuredClone(document)) : structuredClone(document);
  const ast = await openapiTS(input as never, {
    silent: true,
    // A default is what the server assumes when the field is absent, so callers may omit it.
    defaultNonNullable: false,
    transform: (schema) => openEnum(schema as SchemaObject) ?? binary(schema as SchemaObject),
  });
  plainDescriptions(ast);
  const text = astToString(options.schemaNames ? nameSchemas(ast, options.schemaNames) : ast);
  return escaped ? unescapePrototypeText(text) : text;
}

const EMPTY_OBJECT = ts.factory.createTypeLiteralNode([]);
const BLOB = ts.factory.createTypeReferenceNode('Blob');

/** `format: binary` is a file: a Blob (a File is one) in multipart parts and binary bodies, not a string. */
function binary(schema: SchemaObject): ts.TypeNode | undefined {
  if (schema.format !== 'binary') {
    return undefined;
  }
  return schema.nullable ? tsUnion([BLOB, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : BLOB;
}

/** `x-extensible-enum: [A, B]` → `'A' | 'B' | (string & {})`: known values autocomplete, new ones still fit. */
function openEnum(schema: SchemaObject): ts.TypeNode | undefined {
  const values = schema['x-extensible-enum'];
  if (!Array.isArray(values) || values.length === 0) {
    return undefined;
  }
  const literals = values
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => tsLiteral(v));
  const open = tsIntersection([STRING, EMPTY_OBJECT]);
  const union = tsUnion([...literals, ts.factory.createParenthesizedType(open)]);
  return schema.nullable ? tsUnion([union, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : union;
}
