// The exported types of the generated package, from the generator's model builder (its public entry): what
// `component-type-removed` compares. Undefined when the builder refuses a document; the rule then says nothing.
import type { JsonObject } from './json.js';
import { buildModel } from '../generator/index.js';

/** Exported type name → the component schema it aliases. */
export type Exports = Map<string, string>;

export function exportedTypes(doc: JsonObject): Exports | undefined {
  try {
    // The model builder may annotate the document: give it a copy.
    return new Map(buildModel(structuredClone(doc)).types.map((t) => [t.name, t.schema]));
  } catch {
    return undefined;
  }
}
