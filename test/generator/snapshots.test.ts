// Snapshot tests: every generated file, one real file each. For spec/ the committed generated/ package is
// the snapshot itself, so `vitest -u` and `make generate` agree; fixtures keep theirs under __snapshots__/.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/generator');

/** Files worth reviewing: the copied runtime core and stand-in, and the echoed spec, are covered elsewhere. */
const reviewed = (file: string): boolean =>
  !file.startsWith('src/core/') && !(file.startsWith('src/testing/') && file !== 'src/testing/model.ts') && file !== 'openapi.json';

describe.each(readdirSync(FIXTURES).sort())('fixture %s', (fixture) => {
  const dir = path.join(FIXTURES, fixture);
  const spec = path.join(dir, readdirSync(dir).find((f) => /^openapi\.(ya?ml|json)$/.test(f))!);

  it('matches its snapshots', async () => {
    const files = await generate({ spec, cwd: ROOT });
    for (const [file, text] of files) {
      if (reviewed(file)) await expect(text).toMatchFileSnapshot(path.join(import.meta.dirname, '__snapshots__', fixture, file));
    }
  });
});

describe('spec/', () => {
  it('matches the committed generated/ package', async () => {
    const files = await generate({ spec: path.join(ROOT, 'spec/openapi.yaml'), cwd: ROOT });
    for (const [file, text] of files) await expect(text).toMatchFileSnapshot(path.join(ROOT, 'generated', file));
  });

  it('is deterministic: a second run is byte-identical', async () => {
    const spec = path.join(ROOT, 'spec/openapi.yaml');
    const [a, b] = [await generate({ spec, cwd: ROOT }), await generate({ spec, cwd: ROOT })];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
  });
});
