// Both packages, generated in memory through the generator's public entry. A git-ref base exists only as a
// bundled document, so it is written to a temp file first (`generate` takes a path).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, generate, type FileMap, type SdkModel } from '../../generator/index.js';
import type { JsonObject } from '../json.js';

export interface Side {
  /** A spec file, or undefined when only the bundled document exists (a git ref). */
  file: string | undefined;
  doc: JsonObject;
}

export interface Packages {
  base: FileMap;
  head: FileMap;
  /** `networks.list` → `GET /networking/v1/networks`, from both models (head wins). */
  operations: Map<string, string>;
}

/** The packages, or why the generator could not build one of them. */
export async function generatePackages(sides: { base: Side; head: Side }): Promise<Packages | string> {
  const scratch = mkdtempSync(join(tmpdir(), 'api-diff-packages-'));
  try {
    const files: Partial<Record<'base' | 'head', FileMap>> = {};
    for (const side of ['base', 'head'] as const) {
      let spec = sides[side].file;
      if (!spec) {
        spec = join(scratch, `${side}.json`);
        writeFileSync(spec, JSON.stringify(sides[side].doc));
      }
      try {
        files[side] = await generate({ spec });
      } catch (error) {
        return `the generator cannot build the ${side} package (${firstLine(error)})`;
      }
    }
    const operations = new Map<string, string>();
    for (const side of ['base', 'head'] as const) {
      let model: SdkModel;
      try {
        // The model builder may annotate the document: give it a copy.
        model = buildModel(structuredClone(sides[side].doc));
      } catch (error) {
        return `the generator's model builder failed on the ${side} document (${firstLine(error)})`;
      }
      for (const [key, label] of methodOperations(model)) {
        operations.set(key, label);
      }
    }
    return { base: files.base!, head: files.head!, operations };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// listAll and waitFor are the generator's helpers over list and get: they break with their operation.
const HELPERS: Record<string, string> = { listAll: 'list', waitFor: 'get' };

function methodOperations(model: SdkModel): Map<string, string> {
  const result = new Map<string, string>();
  for (const resource of model.resources) {
    const byName = new Map(resource.methods.map((m) => [m.name, `${m.httpMethod} ${m.path}`]));
    for (const [name, label] of byName) {
      result.set(`${resource.property}.${name}`, label);
    }
    for (const [helper, of] of Object.entries(HELPERS)) {
      const label = byName.get(of);
      if (label && !byName.has(helper)) {
        result.set(`${resource.property}.${helper}`, label);
      }
    }
  }
  return result;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
