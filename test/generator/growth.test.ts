// Stable under growth: adding operations next to existing ones never renames a method or an exported type,
// nor changes what an existing export means.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/generator-growth');

/** `export type X = ...;` and resource method signatures, by name. */
function surface(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of files.get('src/models.ts')!.matchAll(/^export type (\w+) = (.+);$/gm)) {
    out.set(`type ${m[1]}`, m[2]!);
  }
  for (const [file, text] of files) {
    if (!file.startsWith('src/resources/')) {
      continue;
    }
    const cls = /export class (\w+)/.exec(text)![1];
    for (const m of text.matchAll(/^ {2}(\w+)\((.*)\): (.+) \{$/gm)) {
      out.set(`${cls}.${m[1]}`, `(${m[2]}): ${m[3]}`);
    }
  }
  return out;
}

describe('a spec that grows', () => {
  it('keeps every method and exported type of the smaller spec, unchanged', async () => {
    const notes: string[] = [];
    const before = surface(await generate({ spec: path.join(FIXTURES, 'base.yaml'), cwd: ROOT }));
    const after = surface(
      await generate({ spec: path.join(FIXTURES, 'grown.yaml'), cwd: ROOT, onNote: (n) => notes.push(n) }),
    );
    expect(before.size).toBeGreaterThan(5);
    for (const [name, shape] of before) {
      expect(after.get(name), name).toBe(shape);
    }
    // The grown spec really adds beside them (so the check above is not vacuous) ...
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual(
      expect.arrayContaining([
        'Pets.listPets2',
        'Pets.patchPetsById',
        'Pets.showPet',
        'Pets.listToys',
        'Admin.deletePetsById',
        'Stores.listPets_2',
        'Pets.owner2',
        'type ShowPetResponse2',
      ]),
    );
    // ... and says why the newcomers were numbered.
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('POST /pets is pets.listPets2: pets.listPets is taken by GET /pets'),
        expect.stringContaining('ShowPetResponse2: ShowPetResponse is already exported'),
        expect.stringContaining('GET /stores repeats operationId "listPets"'),
      ]),
    );
  });
});
