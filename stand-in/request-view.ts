// OpenAPI 3.0: "If a readOnly property is in the required list, required takes effect on the response only."
// JSON Schema validators do not know this, so requests are checked against a copy of the spec whose `required`
// lists leave readOnly properties out. Responses are checked against the spec as written.
import { resolveRef, type Node } from './json.js';

export function requestView<T>(doc: T): T {
  const copy = structuredClone(doc);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') {
      return;
    }
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as Node;
    const props = n.properties as Record<string, Node> | undefined;
    if (Array.isArray(n.required) && props) {
      n.required = (n.required as string[]).filter((name) => !(props[name] && isReadOnly(props[name], copy as Node)));
    }
    Object.values(n).forEach(visit);
  };
  visit(copy);
  return copy;
}

function isReadOnly(schema: Node, doc: Node): boolean {
  return resolveRef(schema, doc)?.readOnly === true;
}
