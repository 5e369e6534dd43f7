// Stage 1b: several loaded documents into one, for one client over many APIs (after load, before validate).
// Documents are merged in the order given. The first document's `info` (title, version and `x-sdk`: the package
// name and version), `servers` and `openapi` version stand for the whole; a later document whose servers or
// top-level security differ has them copied onto each of its operations, so every call keeps its own.
// Components: a name seen first keeps it; a later document's equal component (after its refs are mapped) is shared;
// a different one is renamed `<Title><Name>` (the document's title in PascalCase, numbered if that is taken too),
// only that one. So appending a document never renames anything that existed (test/generator/merge.test.ts).
// The same path and method with different operations is refused with one line naming both files.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { GeneratorError } from '../errors.js';
import {
  METHODS,
  pointer,
  refTokens,
  type OpenApiDocument,
  type OperationObject,
  type PathItemObject,
} from '../openapi.js';
import type { LoadedSpec } from './load.js';

export interface MergedSpec extends LoadedSpec {
  /** The inputs, in order, as loaded: each validated at its own file. */
  parts: LoadedSpec[];
  /** What the merge decided that a user should know about (one line each). */
  notes: string[];
}

type Renames = Map<string, string>;
const key = (section: string, name: string): string => `${section}\u0000${name}`;

export function mergeSpecs(loaded: readonly LoadedSpec[]): MergedSpec {
  const [first, ...rest] = loaded;
  if (!first) {
    throw new GeneratorError('no spec given');
  }
  if (rest.length === 0) {
    return { ...first, parts: [first], notes: [] };
  }
  const merged = structuredClone(first.document);
  const notes: string[] = [];
  const pathOwner = new Map<string, string>();
  const variants = new Map<string, string[]>();
  forEachOperation(merged, (p, m) => pathOwner.set(`${m} ${p}`, first.file));
  for (const part of rest) {
    const doc = structuredClone(part.document);
    const renames = mergeComponents({ merged, doc, notes, variants });
    rewriteRefs(doc, renames);
    localizeDefaults(merged, doc);
    mergePaths({ merged, doc, file: part.file, pathOwner });
    mergeTags(merged, doc);
    const sdk = doc.info?.['x-sdk'];
    if (sdk && !isDeepStrictEqual(sdk, merged.info?.['x-sdk'])) {
      notes.push(
        `${shown(part.file)}: info.x-sdk is ignored; the first document's (${shown(first.file)}) names the package`,
      );
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(merged)).digest('hex');
  return { file: first.file, document: merged, hash, parts: [...loaded], notes };
}

/** Adds `doc`'s components to `merged`; returns the renames of `doc`'s clashing ones (`section\0name` → new name). */
function mergeComponents(input: {
  merged: OpenApiDocument;
  doc: OpenApiDocument;
  notes: string[];
  /** The renamed spellings each original `section\0name` has taken so far, across documents. */
  variants: Map<string, string[]>;
}): Renames {
  const { merged, doc, notes, variants } = input;
  const title = typeof doc.info?.title === 'string' ? doc.info.title : 'a later document';
  const theirs = asRecord(doc.components);
  merged.components ??= {};
  const ours = merged.components as Record<string, Record<string, unknown>>;
  const renames: Renames = new Map();
  const prefix = pascal(typeof doc.info?.title === 'string' ? doc.info.title : '') || 'Api';
  // A component is equal only once its own refs are mapped, and renaming one can make another differ:
  // rename until nothing more changes (each round only adds renames, so this ends).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [section, entries] of Object.entries(theirs)) {
      for (const [name, value] of Object.entries(asRecord(entries))) {
        const k = key(section, name);
        const existing = asRecord(ours[section])[name];
        if (renames.has(k) || existing === undefined) {
          continue;
        }
        const mapped = structuredClone(value);
        rewriteRefs(mapped, renames);
        if (!isDeepStrictEqual(mapped, existing)) {
          // Equal to what an earlier document got under a renamed spelling of this name: share that one.
          const shared = (variants.get(k) ?? []).find((v) => isDeepStrictEqual(mapped, asRecord(ours[section])[v]));
          renames.set(
            k,
            shared ?? freeName({ taken: asRecord(ours[section]), theirs: asRecord(entries), prefix, name }),
          );
          changed = true;
        }
      }
    }
  }
  for (const [section, entries] of Object.entries(theirs)) {
    ours[section] ??= {};
    const target = ours[section];
    for (const [name, value] of Object.entries(asRecord(entries))) {
      const renamed = renames.get(key(section, name));
      if (renamed && renamed in target) {
        notes.push(`${section} "${name}": ${title}'s is the same as "${renamed}", and shares it`);
      } else if (renamed) {
        target[renamed] = value;
        variants.set(key(section, name), [...(variants.get(key(section, name)) ?? []), renamed]);
        notes.push(`${section} "${name}" differs between documents: ${title}'s is "${renamed}"`);
      } else if (!(name in target)) {
        target[name] = value;
      }
    }
  }
  return renames;
}

function freeName(input: {
  taken: Record<string, unknown>;
  theirs: Record<string, unknown>;
  prefix: string;
  name: string;
}) {
  const { taken, theirs, prefix, name } = input;
  const base = `${prefix}${/^[A-Za-z]/.test(name) ? name[0]!.toUpperCase() + name.slice(1) : name}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    if (!(candidate in taken) && !(candidate in theirs)) {
      return candidate;
    }
  }
}

/** Every local `$ref` (and discriminator mapping) to a renamed component, or into one, follows the rename. */
function rewriteRefs(node: unknown, renames: Renames): void {
  if (renames.size === 0 || !node || typeof node !== 'object') {
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) {
      rewriteRefs(item, renames);
    }
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.$ref === 'string') {
    record.$ref = renamedRef(record.$ref, renames);
  }
  const mapping = asRecord(asRecord(record.discriminator).mapping);
  for (const [k, v] of Object.entries(mapping)) {
    if (typeof v === 'string') {
      mapping[k] = renamedRef(v, renames);
    }
  }
  for (const value of Object.values(record)) {
    rewriteRefs(value, renames);
  }
}

function renamedRef(ref: string, renames: Renames): string {
  const tokens = refTokens(ref);
  if (tokens?.[0] !== 'components' || tokens.length < 3) {
    return ref;
  }
  const renamed = renames.get(key(tokens[1]!, tokens[2]!));
  return renamed ? pointer('components', tokens[1]!, renamed, ...tokens.slice(3)) : ref;
}

/** A later document's own servers and top-level security, where they differ, onto each of its operations. */
function localizeDefaults(merged: OpenApiDocument, doc: OpenApiDocument): void {
  const servers = doc.servers && !isDeepStrictEqual(doc.servers, merged.servers) ? doc.servers : undefined;
  const security = doc.security && !isDeepStrictEqual(doc.security, merged.security) ? doc.security : undefined;
  forEachOperation(doc, (_, __, op, item) => {
    if (servers && !op.servers && !(item as { servers?: unknown }).servers) {
      op.servers = structuredClone(servers);
    }
    if (security && !op.security) {
      op.security = structuredClone(security);
    }
  });
  if (!merged.security && doc.security && security) {
    // The first document declares none: its operations stay open, so it must not inherit one now.
    forEachOperation(merged, (_, __, op) => {
      op.security ??= [];
    });
  }
}

function mergePaths(input: {
  merged: OpenApiDocument;
  doc: OpenApiDocument;
  file: string;
  pathOwner: Map<string, string>;
}): void {
  const { merged, doc, file, pathOwner } = input;
  merged.paths ??= {};
  const paths = merged.paths;
  for (const [p, item] of Object.entries(asRecord(doc.paths)) as [string, PathItemObject][]) {
    if (!item || typeof item !== 'object') {
      continue;
    }
    const existing = paths[p];
    if (!existing) {
      paths[p] = item;
      forEachMethod(item, (m) => pathOwner.set(`${m} ${p}`, file));
      continue;
    }
    // Path-level parameters may differ between the two: each operation takes its own document's.
    const mine = pushDownParameters(existing);
    const theirs = pushDownParameters(item);
    for (const [k, v] of Object.entries(theirs)) {
      if (!(METHODS as string[]).includes(k)) {
        (mine as Record<string, unknown>)[k] ??= v;
      }
    }
    forEachMethod(theirs, (m, op) => {
      const before = mine[m];
      if (!before) {
        mine[m] = op;
        pathOwner.set(`${m} ${p}`, file);
      } else if (!isDeepStrictEqual(before, op)) {
        const owner = shown(pathOwner.get(`${m} ${p}`) ?? 'an earlier document');
        throw new GeneratorError(
          `${m.toUpperCase()} ${p} is defined by ${owner} and by ${shown(file)} with different operations: keep one (an overlay can remove the other)`,
          { file, pointer: pointer('paths', p, m) },
        );
      }
    });
    paths[p] = mine;
  }
}

function pushDownParameters(item: PathItemObject): PathItemObject {
  const shared = Array.isArray(item.parameters) ? item.parameters : [];
  if (shared.length === 0) {
    return item;
  }
  const { parameters: _, ...rest } = item;
  const copy = rest as PathItemObject;
  forEachMethod(copy, (_m, op) => {
    const own = Array.isArray(op.parameters) ? op.parameters : [];
    const has = (p: { name?: string; in?: string; $ref?: string }) =>
      own.some((o) => (p.$ref ? o.$ref === p.$ref : o.name === p.name && o.in === p.in));
    op.parameters = [...shared.filter((p) => !has(p)), ...own];
  });
  return copy;
}

function mergeTags(merged: OpenApiDocument, doc: OpenApiDocument): void {
  if (!Array.isArray(doc.tags)) {
    return;
  }
  merged.tags ??= [];
  const tags = merged.tags;
  for (const tag of doc.tags) {
    if (tag && typeof tag === 'object' && !tags.some((t) => t?.name === tag.name)) {
      tags.push(tag);
    }
  }
}

function forEachMethod(item: PathItemObject, visit: (m: (typeof METHODS)[number], op: OperationObject) => void): void {
  for (const m of METHODS) {
    const op = item[m];
    if (op && typeof op === 'object') {
      visit(m, op);
    }
  }
}

function forEachOperation(
  doc: OpenApiDocument,
  visit: (path: string, m: (typeof METHODS)[number], op: OperationObject, item: PathItemObject) => void,
): void {
  for (const [p, item] of Object.entries(asRecord(doc.paths)) as [string, PathItemObject][]) {
    if (item && typeof item === 'object') {
      forEachMethod(item, (m, op) => visit(p, m, op, item));
    }
  }
}

/** A file as the user would type it: relative to the working directory. */
function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `Confluent Cloud: IAM v2` → `ConfluentCloudIamV2`. */
function pascal(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('')
    .replace(/^\d+/, '');
}
