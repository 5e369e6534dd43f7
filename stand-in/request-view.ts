// OpenAPI 3.0: "If a readOnly property is in the required list, required takes effect on the response only."
// JSON Schema validators do not know this, so requests are checked against a copy of the spec whose `required`
// lists leave readOnly properties out. Responses are checked against the spec as written.

type Node = { [key: string]: unknown };

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
  let cur: Node | undefined = schema;
  for (let hops = 0; cur && typeof cur.$ref === 'string' && hops < 32; hops++) {
    cur = (cur.$ref as string)
      .slice(2)
      .split('/')
      .reduce<unknown>((n, k) => (n as Node | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as
      | Node
      | undefined;
  }
  return cur?.readOnly === true;
}
