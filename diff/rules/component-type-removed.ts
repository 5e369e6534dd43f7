import { asObject, type JsonObject } from '../json.js';
import type { Rule } from '../rule.js';
import { equivalent } from '../subschema.js';

const rule: Rule = {
  id: 'component-type-removed',
  document(pair, emit) {
    const { readers } = pair;
    // Type names come from component names: with the same components on both sides the model is not built
    // (a Writable variant vanishing with a schema's last readOnly property is then left to the compiler).
    const names = (doc: JsonObject): string[] => Object.keys(asObject(asObject(doc.components)?.schemas) ?? {});
    const baseNames = names(readers.base.doc);
    const headNames = new Set(names(readers.head.doc));
    if (baseNames.every((n) => headNames.has(n))) {
      return;
    }
    const exports = pair.exports();
    if (!exports) {
      return;
    }
    const added = [...exports.head].filter(([name]) => !exports.base.has(name));
    // Only a component that exists as written (Writable types are the generator's own).
    const schemaOf = (reader: typeof readers.base, component: string): JsonObject | undefined =>
      reader.pointer(`#/components/schemas/${component.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    const removed = [...exports.base.keys()].filter((name) => !exports.head.has(name));
    // Pairing every removed type with every added one is quadratic: past this, removals are just removals.
    const look = removed.length * added.length <= 2500;
    for (const [name, component] of exports.base) {
      if (exports.head.has(name)) {
        continue;
      }
      // The same schema under a new name is a rename: the wire is unchanged, imports of the old name are not.
      const was = schemaOf(readers.base, component);
      const same =
        was === undefined || !look
          ? []
          : added.filter(([, c]) => {
              const now = schemaOf(readers.head, c);
              return now !== undefined && equivalent(readers, was, now);
            });
      // Only an unambiguous match is a rename: small schemas (a bare string) look alike by chance.
      const renamed = same.length === 1 ? same[0]?.[0] : undefined;
      emit({
        location: `schemas.${component}`,
        exportedType: name,
        variant: renamed ? 'renamed' : 'removed',
        params: { type: name, change: renamed ? `was renamed to ${renamed}` : 'was removed' },
      });
    }
  },
};
export default rule;
