// Snapshot tests: every generated file, one real file each. For spec/ the committed generated/ package is
// the snapshot itself, so `vitest -u` and `make generate` agree; fixtures keep theirs under __snapshots__/.
// The set of files is compared both ways, so a file the generator stops emitting fails too. Snapshots are
// written only by an explicit update (`-u`): a missing one fails whether CI is set or not.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import type { FileMap } from '../../generator/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/generator');
const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');

/** Files worth reviewing: the copied runtime core and stand-in, and the echoed spec, are covered elsewhere. */
const reviewed = (file: string): boolean =>
  !file.startsWith('src/core/') &&
  !(file.startsWith('src/testing/') && file !== 'src/testing/model.ts') &&
  file !== 'openapi.json';
/** generated/ entries the generator does not own (build output, a local install). */
const owned = (file: string): boolean => !/^(dist|node_modules)\//.test(file);

/** `vitest -u`; plain `vitest run` would otherwise write a missing file snapshot ("new") when CI is unset. */
const updating = (): boolean => expect.getState().snapshotState.snapshotUpdateState === 'all';

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

async function expectFolderToMatch(options: {
  files: FileMap;
  folder: string;
  keep: (file: string) => boolean;
}): Promise<void> {
  const { files, folder, keep } = options;
  const emitted = [...files.keys()].filter(keep).sort();
  const onDisk = filesIn(folder).filter(keep);
  if (updating()) {
    for (const stale of onDisk.filter((f) => !files.has(f))) {
      rmSync(path.join(folder, stale));
    }
  } else {
    expect(emitted, `files emitted vs. snapshots in ${path.relative(ROOT, folder)} (update with vitest -u)`).toEqual(
      onDisk,
    );
  }
  for (const file of emitted) {
    await expect(files.get(file)).toMatchFileSnapshot(path.join(folder, file));
  }
}

// Generation is in-process but not instant: leave room for a busy 2-core machine.
const SLOW = { timeout: 60_000 };

describe.each(readdirSync(FIXTURES).sort())('fixture %s', SLOW, (fixture) => {
  const dir = path.join(FIXTURES, fixture);
  const spec = path.join(dir, readdirSync(dir).find((f) => /^openapi\.(ya?ml|json)$/.test(f))!);

  it('matches its snapshots, file for file', async () => {
    const files = await generate({ spec, cwd: ROOT });
    await expectFolderToMatch({ files, folder: path.join(SNAPSHOTS, fixture), keep: reviewed });
  });
});

describe('spec/', SLOW, () => {
  it('matches the committed generated/ package, file for file', async () => {
    const files = await generate({ spec: path.join(ROOT, 'spec/openapi.yaml'), cwd: ROOT });
    await expectFolderToMatch({ files, folder: path.join(ROOT, 'generated'), keep: owned });
  });

  it('is deterministic: a second run is byte-identical', async () => {
    const spec = path.join(ROOT, 'spec/openapi.yaml');
    const [a, b] = [await generate({ spec, cwd: ROOT }), await generate({ spec, cwd: ROOT })];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, text] of a) {
      expect(b.get(file), file).toBe(text);
    }
  });
});
