// Keys named like Object.prototype members (`constructor`, `hasOwnProperty`, `__proto__`, ...) are valid in
// OpenAPI but crash Redocly's resolver and openapi-typescript, which look names up in plain objects. Around
// those two libraries only, such keys (and the $ref tokens naming them) wear a prefix no real name uses;
// their results are unescaped right after, so every other stage sees the document as written.

const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const PREFIX = '__codegen_key__';
const ESCAPED = new RegExp(`${PREFIX}(${[...PROTO_NAMES].map((n) => n.replace(/\$/g, '\\$')).join('|')})`, 'g');

function mapRef(ref: string, token: (t: string) => string): string {
  const hash = ref.indexOf('#');
  if (hash < 0) {
    return ref;
  }
  return (
    ref.slice(0, hash + 1) +
    ref
      .slice(hash + 1)
      .split('/')
      .map(token)
      .join('/')
  );
}

function rewrite(node: unknown, key: (k: string) => string, seen = new Set<object>()): unknown {
  if (!node || typeof node !== 'object' || seen.has(node)) {
    return node;
  }
  seen.add(node);
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      node[i] = rewrite(v, key, seen);
    });
    return node;
  }
  const entries = Object.entries(node as Record<string, unknown>);
  if (!entries.some(([k, v]) => key(k) !== k || (v && typeof v === 'object') || k === '$ref')) {
    return node;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const value = k === '$ref' && typeof v === 'string' ? mapRef(v, key) : rewrite(v, key, seen);
    Object.defineProperty(out, key(k), { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function hasPrototypeKeys(node: unknown, seen = new Set<object>()): boolean {
  if (!node || typeof node !== 'object' || seen.has(node)) {
    return false;
  }
  seen.add(node);
  for (const [k, v] of Object.entries(node)) {
    if (PROTO_NAMES.has(k) || hasPrototypeKeys(v, seen)) {
      return true;
    }
  }
  return false;
}

export function escapePrototypeKeys<T>(node: T): T {
  return rewrite(node, (k) => (PROTO_NAMES.has(k) ? PREFIX + k : k)) as T;
}

export function unescapePrototypeKeys<T>(node: T): T {
  return rewrite(node, (k) =>
    k.startsWith(PREFIX) && PROTO_NAMES.has(k.slice(PREFIX.length)) ? k.slice(PREFIX.length) : k,
  ) as T;
}

/** For text made from an escaped document (openapi-typescript's output). */
export function unescapePrototypeText(text: string): string {
  return text.replace(ESCAPED, '$1');
}
