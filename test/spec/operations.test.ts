// Proves that the bundled spec (spec/openapi.yaml) has the 25 operations of the seeds, with
// exactly the statuses and response headers they list, plus the project conventions:
// x-sdk-* extensions, unique operationIds, and an example on every schema a response uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_ONLY_RESPONSES, SEED_OPERATIONS, type HttpMethod, type SeedOperation } from './seed-operations.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEC = path.join(ROOT, 'spec/openapi.yaml');
const SEEDS_DIR = path.resolve(ROOT, '../shared/seeds');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
let doc: Json;

/** Follows local `#/...` references of the bundled document. */
function deref(node: Json): Json {
  let cur = node;
  for (let hops = 0; cur && typeof cur === 'object' && typeof cur.$ref === 'string'; hops++) {
    if (hops > 32 || !cur.$ref.startsWith('#/')) {
      throw new Error(`cannot follow ${cur.$ref}`);
    }
    cur = cur.$ref
      .slice(2)
      .split('/')
      .reduce((o: Json, tok: string) => o?.[tok.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    if (cur === undefined) {
      throw new Error(`dangling ${node.$ref}`);
    }
  }
  return cur;
}

function operations(): Array<{ method: HttpMethod; path: string; op: Json }> {
  const out: Array<{ method: HttpMethod; path: string; op: Json }> = [];
  for (const [p, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const item = deref(rawItem);
    for (const m of METHODS) {
      if (item[m]) {
        out.push({ method: m.toUpperCase() as HttpMethod, path: p, op: item[m] });
      }
    }
  }
  return out;
}

const key = (method: string, p: string) => `${method} ${p}`;
const lower = (xs: string[]) => xs.map((x) => x.toLowerCase()).sort();
const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The statuses and headers the spec must have: the seed's, plus the reference-only additions. */
function expectedResponses(seed: SeedOperation): Record<string, string[]> {
  const want: Record<string, string[]> = {};
  for (const [status, headers] of Object.entries(seed.responses)) {
    want[status] = lower(headers);
  }
  for (const extra of REFERENCE_ONLY_RESPONSES) {
    if (extra.method === seed.method && extra.path === seed.path) {
      want[extra.status] = lower(extra.headers);
    }
  }
  return want;
}

beforeAll(async () => {
  const config = await loadConfig({ configPath: path.join(ROOT, 'redocly.yaml') });
  const result = await bundle({ ref: SPEC, config });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  doc = result.bundle.parsed;
});

describe('spec/openapi.yaml operations', () => {
  // At least the seeds' operations: an operation added to the spec (spec/README.md, "How to add an operation")
  // is not a failure here; a seed operation missing from the spec is.
  it('has every seed operation', () => {
    const have = operations().map((o) => key(o.method, o.path));
    const want = SEED_OPERATIONS.map((s) => key(s.method, s.path)).sort();
    expect(want).toHaveLength(25);
    expect(want.filter((w) => !have.includes(w))).toEqual([]);
  });

  describe.each(SEED_OPERATIONS.map((s) => [key(s.method, s.path), s] as const))('%s', (_name, seed) => {
    const find = () => operations().find((o) => o.method === seed.method && o.path === seed.path)?.op;

    it('has exactly the seed statuses (plus the documented reference-only ones)', () => {
      const op = find();
      expect(op).toBeDefined();
      expect(Object.keys(op.responses).sort()).toEqual(Object.keys(expectedResponses(seed)).sort());
    });

    it('has exactly the seed response headers for each status', () => {
      const op = find();
      const got: Record<string, string[]> = {};
      for (const [status, raw] of Object.entries<Json>(op.responses)) {
        got[status] = lower(Object.keys(deref(raw).headers ?? {}));
      }
      expect(got).toEqual(expectedResponses(seed));
    });

    it('returns the Failure body on every error status', () => {
      const op = find();
      for (const [status, raw] of Object.entries<Json>(op.responses)) {
        if (Number(status) < 400) {
          continue;
        }
        const schema = deref(raw).content?.['application/json']?.schema;
        expect(schema, `${status} body`).toEqual({ $ref: '#/components/schemas/Failure' });
      }
    });

    it('carries operationId, tags, summary and the x-sdk extensions', () => {
      const op = find();
      expect(op.operationId).toBe(camel(seed.name));
      expect(op.tags).toHaveLength(1);
      expect(typeof op.summary).toBe('string');
      expect(op['x-sdk-resource']).toBe(seed.sdkResource);
      expect(op['x-sdk-method']).toBe(seed.sdkMethod);
    });
  });

  it('uses unique operationIds', () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts every operation under a declared tag', () => {
    const declared = new Set((doc.tags ?? []).map((t: Json) => t.name));
    for (const { op } of operations()) {
      for (const t of op.tags) {
        expect(declared.has(t), t).toBe(true);
      }
    }
  });

  it('takes no environment query parameter on update, and requires it everywhere else', () => {
    for (const { method, path: p, op } of operations()) {
      const names = (op.parameters ?? [])
        .map((x: Json) => deref(x))
        .filter((x: Json) => x.in === 'query')
        .map((x: Json) => x.name);
      expect(names.includes('environment'), `${method} ${p}`).toBe(method !== 'PATCH' && method !== 'POST');
    }
  });

  it('has an example on every schema a response body uses', () => {
    const missing = new Set<string>();
    const seen = new Set<string>();
    // Walks a response schema; every named component it reaches must carry `example`.
    const visit = (node: Json, where: string): void => {
      if (!node || typeof node !== 'object') {
        return;
      }
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) {
          visit(n, `${where}[${i}]`);
        }
        return;
      }
      if (typeof node.$ref === 'string') {
        if (seen.has(node.$ref)) {
          return;
        }
        seen.add(node.$ref);
        const target = deref(node);
        if (target.example === undefined) {
          missing.add(node.$ref);
        }
        visit(target, node.$ref);
        return;
      }
      for (const k of ['allOf', 'oneOf', 'anyOf']) {
        if (node[k]) {
          visit(node[k], where);
        }
      }
      if (node.items) {
        visit(node.items, where);
      }
      if (node.properties) {
        for (const v of Object.values(node.properties)) {
          visit(v, where);
        }
      }
      if (node.additionalProperties && typeof node.additionalProperties === 'object') {
        visit(node.additionalProperties, where);
      }
    };
    let bodies = 0;
    for (const { op } of operations()) {
      for (const raw of Object.values<Json>(op.responses)) {
        const media = deref(raw).content?.['application/json'];
        if (!media) {
          continue;
        }
        bodies++;
        const schema = media.schema;
        // The top-level body: a named schema, or an allOf refinement of one.
        const named = schema.$ref ? schema : schema.allOf?.find((s: Json) => s.$ref);
        expect(named, 'response body schema must be (a refinement of) a named schema').toBeDefined();
        expect(media.example !== undefined || deref(named).example !== undefined).toBe(true);
        visit(schema, 'response');
      }
    }
    expect(bodies).toBeGreaterThan(0);
    expect([...missing].sort()).toEqual([]);
  });

  it('declares its discriminated unions with single-value enum tags and a full mapping', () => {
    let unions = 0;
    for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
      const nodes = [schema, ...Object.values<Json>(schema.properties ?? {})];
      for (const node of nodes) {
        if (!node.oneOf) {
          continue;
        }
        unions++;
        const { propertyName, mapping } = node.discriminator ?? {};
        expect(propertyName, name).toBe('kind');
        expect(Object.values(mapping).sort(), name).toEqual(node.oneOf.map((v: Json) => v.$ref).sort());
        for (const [tag, ref] of Object.entries<string>(mapping)) {
          const variant = deref({ $ref: ref });
          expect(variant.properties[propertyName].enum, ref).toEqual([tag]);
          expect(variant.required, ref).toContain(propertyName);
        }
      }
    }
    // NetworkStatus.cloud, PeeringSpec.cloud, PrivateLinkAccessSpec.cloud, ClusterConfig.
    expect(unions).toBe(4);
  });
});

describe('seed table (test/spec/seed-operations.ts)', () => {
  it('agrees with the seed documents in ../shared/seeds', ({ skip }) => {
    // ../shared sits beside the project's main checkout and its CI clone; a lone clone goes without it.
    skip(!existsSync(SEEDS_DIR), `${SEEDS_DIR} is not there (optional: the project's shared folder beside the clone)`);
    const parsed: Array<Omit<SeedOperation, 'sdkResource' | 'sdkMethod'>> = [];
    for (const file of readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
      // Index table: [**name**](...) | **METHOD** /path | summary
      const routes = new Map<string, { method: HttpMethod; path: string }>();
      for (const m of text.matchAll(/^\[\*\*(\w+)\*\*\]\([^)]*\) \| \*\*(\w+)\*\* (\S+) \|/gm)) {
        routes.set(m[1], { method: m[2] as HttpMethod, path: m[3] });
      }
      // One section per operation, opened by "# **name**".
      const sections = text.split(/^# \*\*(\w+)\*\*\s*$/m);
      for (let i = 1; i < sections.length; i += 2) {
        const name = sections[i];
        const route = routes.get(name);
        expect(route, `${file}: ${name} is missing from the index table`).toBeDefined();
        const responses: Record<string, string[]> = {};
        // Response table rows: **200** | description | * Header - text <br> * Header - text ...
        for (const row of sections[i + 1].matchAll(/^\*\*(\d{3})\*\* \|[^|]*\|(.*)$/gm)) {
          responses[row[1]] = [...row[2].matchAll(/\* ([A-Za-z-]+) - /g)].map((h) => h[1]);
        }
        parsed.push({ seed: file, name, ...route!, responses });
      }
    }
    const table = SEED_OPERATIONS.map(({ sdkResource: _r, sdkMethod: _m, ...rest }) => rest);
    const byKey = (a: { method: string; path: string }, b: { method: string; path: string }) =>
      key(a.method, a.path).localeCompare(key(b.method, b.path));
    expect(parsed.sort(byKey)).toEqual([...table].sort(byKey));
  });
});
