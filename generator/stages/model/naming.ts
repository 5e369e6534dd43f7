// Which client resource and method each operation becomes. Names never fail and depend only on the operation
// itself (its x-sdk-* extensions, tags, operationId, method and path), so adding an operation cannot rename
// another. The scheme, as the README documents it:
//   resource = x-sdk-resource, else the first tag (a parenthesised suffix dropped), else the last static path
//              segment, in camelCase;
//   method   = x-sdk-method, else the operationId (kept as written when it is an identifier, camelCased when not;
//              a `resource/` namespace prefix naming the same resource is dropped), else method + path
//              (`GET /stores/{storeId}/orders` → `getStoresByStoreIdOrders`).
// Two operations can still meet on one name only through spellings of the same words (`get-user` and
// `get_user`), or through conflicting x-sdk-* extensions; then the one whose name is spelled as is (else the
// first by path and method) keeps it, the other gets a numbered name, and a note explains.
import { camelCase, isIdentifier, pascalCase, singular, words } from '../../helpers.js';
import type { OperationSource } from './sources.js';

export interface OperationNames {
  resource: string;
  method: string;
}

/** Members of the client and of every resource class that an API name may not take. */
const CLIENT_MEMBERS = new Set([
  'raw',
  'request',
  'paginate',
  'waitFor',
  'waitUntilDeleted',
  'toJSON',
  'constructor',
  'prototype',
  '__proto__',
]);
const RESOURCE_MEMBERS = new Set([
  'constructor',
  '_client',
  'listAll',
  'waitFor',
  'waitUntilDeleted',
  'prototype',
  '__proto__',
]);

interface Candidate {
  source: NamingInput;
  resource: string;
  method: string;
  /** Lower ranks keep a contested name: 0 explicit, 1 spelled as is, 2 derived. */
  rank: number;
}

export function assignOperationNames(sources: OperationSource[]): { names: OperationNames[]; notes: string[] } {
  const candidates = sources.map(candidate);
  const notes: string[] = [];
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.resource}.${c.method}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  const taken = new Set(byKey.keys());
  const final = new Map<Candidate, string>();
  for (const [key, group] of byKey) {
    const ordered = [...group].sort((a, b) => a.rank - b.rank || compareOps(a.source, b.source));
    final.set(ordered[0]!, ordered[0]!.method);
    for (const loser of ordered.slice(1)) {
      let n = 2;
      while (taken.has(`${loser.resource}.${loser.method}${n}`)) {
        n++;
      }
      taken.add(`${loser.resource}.${loser.method}${n}`);
      final.set(loser, `${loser.method}${n}`);
      notes.push(
        `${label(loser.source)} is ${loser.resource}.${loser.method}${n}: ${key} is taken by ${label(ordered[0]!.source)} (set x-sdk-method to choose another name)`,
      );
    }
  }
  return { names: candidates.map((c) => ({ resource: c.resource, method: final.get(c)! })), notes };
}

/** One operation's names on their own (before the rare disambiguation that needs the whole document). */
export function operationName(
  op: OperationSource['op'],
  path: string,
  method: OperationSource['method'],
): OperationNames {
  const c = candidate({ op, path, method });
  return { resource: c.resource, method: c.method };
}

type NamingInput = Pick<OperationSource, 'op' | 'path' | 'method'>;

function candidate(source: NamingInput): Candidate {
  const { op } = source;
  const resource = safeMember(explicit(op['x-sdk-resource']) ?? resourceFallback(source), CLIENT_MEMBERS, 'Resource');
  const declared = explicit(op['x-sdk-method']);
  if (declared) {
    return { source, resource, method: safeMember(declared, RESOURCE_MEMBERS, 'Operation'), rank: 0 };
  }
  const fromId =
    typeof op.operationId === 'string' && op.operationId.trim()
      ? methodFromOperationId(op.operationId, resource)
      : undefined;
  if (fromId) {
    return {
      source,
      resource,
      method: safeMember(fromId.name, RESOURCE_MEMBERS, 'Operation'),
      rank: fromId.asWritten ? 1 : 2,
    };
  }
  return { source, resource, method: safeMember(methodFromPath(source), RESOURCE_MEMBERS, 'Operation'), rank: 2 };
}

function explicit(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return undefined;
  }
  return isIdentifier(value) ? value : camelCase(value) || undefined;
}

function resourceFallback(source: Pick<OperationSource, 'op' | 'path'>): string {
  const tag = source.op.tags?.find((t) => typeof t === 'string' && words(t.replace(/\s*\(.*\)\s*$/, '')).length);
  if (tag) {
    return camelCase(tag.replace(/\s*\(.*\)\s*$/, ''));
  }
  const segments = source.path.split('/').filter((s) => s && !s.includes('{') && words(s).length);
  return segments.length ? camelCase(segments[segments.length - 1]!) : 'default';
}

/** `repos/list-for-org` in `repos` → `listForOrg`; `listPets` stays `listPets`. */
function methodFromOperationId(id: string, resource: string): { name: string; asWritten: boolean } | undefined {
  let rest = id.trim();
  const slash = rest.lastIndexOf('/');
  if (slash > 0 && camelCase(rest.slice(0, slash)) === resource && words(rest.slice(slash + 1)).length) {
    rest = rest.slice(slash + 1);
  }
  if (isIdentifier(rest)) {
    return { name: rest, asWritten: true };
  }
  const name = camelCase(rest);
  return name ? { name, asWritten: false } : undefined;
}

/** `GET /stores/{storeId}/orders` → `getStoresByStoreIdOrders`; `POST /a/b:cancel` → `postABCancel`. */
function methodFromPath(source: Pick<OperationSource, 'method' | 'path'>): string {
  const parts = source.path
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/\{([^}]+)\}/g, (_, p: string) => ` by ${p} `));
  return camelCase(`${source.method} ${parts.join(' ')}`) || source.method;
}

function safeMember(name: string, reserved: Set<string>, suffix: string): string {
  return reserved.has(name) ? `${name}${suffix}` : name;
}

function label(s: NamingInput): string {
  return `${s.method.toUpperCase()} ${s.path}`;
}

function compareOps(a: NamingInput, b: NamingInput): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
}

/** The type-name prefix of a method's aliases: `NetworkList` for networks.list, `ListPets` for pets.listPets. */
export function aliasPrefix(resource: string, method: string): string {
  const noun = pascalCase(singular(resource));
  return pascalCase(method).includes(noun) ? pascalCase(method) : noun + pascalCase(method);
}
