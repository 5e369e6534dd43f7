// Several documents into one client (generator/stages/merge.ts): shared equal components, stable names for the
// different ones, one package name, and one line for a path defined twice.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { loadSpec } from '../../generator/stages/load.js';
import { mergeSpecs } from '../../generator/stages/merge.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/generator-merge');
const at = (...names: string[]) => names.map((n) => path.join(FIXTURES, `${n}.yaml`));

async function merged(...names: string[]) {
  return mergeSpecs(await Promise.all(at(...names).map((f) => loadSpec(f))));
}

const exported = (models: string | undefined): string[] =>
  [...(models ?? '').matchAll(/^export (?:type|interface|const|class) (\w+)/gm)].map((m) => m[1]!).sort();

describe('merging documents', { timeout: 60_000 }, () => {
  it('shares equal components and renames only the different ones, refs and all', async () => {
    const { document } = await merged('networks', 'clusters');
    const schemas = document.components!.schemas!;
    expect(Object.keys(schemas).sort()).toEqual(['Cluster', 'ClustersApiMetadata', 'Error', 'Metadata', 'Network']);
    expect(schemas.Cluster!.properties!.meta).toEqual({ $ref: '#/components/schemas/ClustersApiMetadata' });
    expect(schemas.Network!.properties!.meta).toEqual({ $ref: '#/components/schemas/Metadata' });
    const post = document.paths!['/networks']!.post!;
    expect(post.requestBody!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/ClustersApiMetadata',
    });
    // The second document's own server stays with its operations.
    expect(document.paths!['/clusters']!.get!.servers).toEqual([{ url: 'https://clusters.example.com' }]);
    expect(document.paths!['/networks']!.get!.servers).toBeUndefined();
  });

  it('names the package from the first document only', async () => {
    const files = await generate({ spec: at('networks', 'clusters'), cwd: ROOT });
    const pkg = JSON.parse(files.get('package.json')!) as { name: string; version: string };
    expect([pkg.name, pkg.version]).toEqual(['fixture-merged', '2.0.0']);
  });

  it('renames nothing that existed when a document is added', async () => {
    const before = await merged('networks', 'clusters');
    const after = await merged('networks', 'clusters', 'keys');
    for (const [section, entries] of Object.entries(before.document.components!)) {
      for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
        expect((after.document.components as Record<string, Record<string, unknown>>)[section]![name], name).toEqual(
          value,
        );
      }
    }
    for (const [p, item] of Object.entries(before.document.paths!)) {
      expect(after.document.paths![p], p).toEqual(item);
    }
    // And so the package's exported names and their definitions stay.
    const [small, big] = [
      await generate({ spec: at('networks', 'clusters'), cwd: ROOT }),
      await generate({ spec: at('networks', 'clusters', 'keys'), cwd: ROOT }),
    ];
    const names = exported(small.get('src/models.ts'));
    expect(names.length).toBeGreaterThan(5);
    expect(exported(big.get('src/models.ts'))).toEqual(expect.arrayContaining(names));
    const aliases = (f: string | undefined) =>
      new Set((f ?? '').split('\n').filter((l) => l.startsWith('export type')));
    const bigAliases = aliases(big.get('src/models.ts'));
    for (const line of aliases(small.get('src/models.ts'))) {
      expect(bigAliases.has(line), line).toBe(true);
    }
    // The newcomer's equal Metadata shares the renamed one; its different Error and Network are its own.
    expect(Object.keys(after.document.components!.schemas!)).toEqual(
      expect.arrayContaining(['ApiKeysV2Error', 'ApiKeysV2Network', 'ClustersApiMetadata']),
    );
    expect(after.document.components!.schemas!.ApiKeysV2Metadata).toBeUndefined();
  });

  it('refuses the same path and method defined twice, in one line naming both files', () => {
    const out = path.join(ROOT, '.tmp', 'merge-conflict-out');
    const args = ['--import', 'tsx', 'generator/cli.ts', ...at('networks', 'conflict').flatMap((f) => ['--spec', f])];
    const r = spawnSync(process.execPath, [...args, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /conflict\.yaml \(#\/paths\/~1networks\/get\): GET \/networks is defined by test\/fixtures\/generator-merge\/networks\.yaml and by test\/fixtures\/generator-merge\/conflict\.yaml/,
    );
  });
});
