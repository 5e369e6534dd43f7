// JSON values as the stand-in stores and answers them, and the few ways it reaches into them.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** An OpenAPI schema or document, read loosely: the stand-in serves every spec. */
export type Node = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at a property path, or undefined when a step is missing. */
export function get(value: Json | undefined, path: readonly string[]): Json | undefined {
  let cur = value;
  for (const k of path) {
    cur = isObject(cur) ? cur[k] : undefined;
  }
  return cur;
}

/** Sets the value at a property path, making the objects on the way. */
export function set(target: JsonObject, path: readonly string[], value: Json): void {
  let cur = target;
  for (const k of path.slice(0, -1)) {
    if (!isObject(cur[k])) {
      cur[k] = {};
    }
    cur = cur[k] as JsonObject;
  }
  cur[path.at(-1)!] = value;
}

/** Follows `$ref`s (local JSON pointers) until a schema that is not one; cycles stop after 32 hops. */
export function resolveRef(schema: Node | undefined, doc: Node): Node | undefined {
  let cur = schema;
  for (let hops = 0; cur && typeof cur.$ref === 'string' && hops < 32; hops++) {
    cur = cur.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, token) => (node as Node | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')],
        doc,
      ) as Node | undefined;
  }
  return cur;
}
