// A schema that extends (allOf) a parent with a discriminator and declares the discriminator property itself, beside
// the allOf (Apple's SiriKit Cloud Media spec): openapi-typescript 7.13 adds its own `class: "…"` to the same object
// literal as the schema's `class?: "…"`, a duplicate identifier (TS2300). It is in maintenance mode and gets no more
// fixes, so the schema's own properties move into one more allOf member, which means the same; the two declarations
// then meet in an intersection, which compiles.
import { deref, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import { walkSchemas } from './walk.js';

export function moveOwnDiscriminatorProperties(doc: OpenApiDocument): void {
  walkSchemas(doc, (s: SchemaObject) => {
    if (!Array.isArray(s.allOf) || !s.properties || typeof s.properties !== 'object') {
      return;
    }
    const names = new Set(s.allOf.flatMap((member) => inheritedDiscriminators(doc, member, 0)));
    if (![...names].some((name) => Object.hasOwn(s.properties!, name))) {
      return;
    }
    const own: SchemaObject = { type: 'object', properties: s.properties };
    if (Array.isArray(s.required)) {
      own.required = s.required;
      delete s.required;
    }
    delete s.properties;
    s.allOf = [...s.allOf, own];
  });
}

/** The discriminator property names a `$ref`'d allOf member hands down, through its own allOf chain. */
function inheritedDiscriminators(doc: OpenApiDocument, member: SchemaObject, depth: number): string[] {
  if (!member?.$ref || depth > 16) {
    return [];
  }
  const target = deref(doc, member);
  if (!target || typeof target !== 'object') {
    return [];
  }
  const own = typeof target.discriminator?.propertyName === 'string' ? [target.discriminator.propertyName] : [];
  return [...own, ...(target.allOf ?? []).flatMap((m) => inheritedDiscriminators(doc, m, depth + 1))];
}
