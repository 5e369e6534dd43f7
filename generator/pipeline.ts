// The generator as named stages: load → validate → normalize → model → emit types → render (+ the manifest).
// Writing is separate (stages/write.ts), so `--check` can run everything but the write.
import path from 'node:path';
import { withManifest } from './manifest.js';
import { emitTypes } from './stages/emit-types.js';
import { loadAssets, type Assets } from './stages/load-assets.js';
import { loadSpec, type LoadedSpec } from './stages/load.js';
import { mergeSpecs } from './stages/merge.js';
import { withOverlays } from './stages/overlay/index.js';
import { buildModel as modelStage, type SdkModel } from './stages/model/index.js';
import { normalizeSpec } from './stages/normalize/index.js';
import { renderPackage, type FileMap } from './stages/render/index.js';
import { validateSpec } from './stages/validate.js';
import { GeneratorError } from './errors.js';
import { pointer, type OpenApiDocument } from './openapi.js';

export interface GenerateOptions {
  /** One document, or several merged into one client in this order (stages/merge.ts). */
  spec: string | readonly string[];
  /** Overlay documents applied in order after the spec's own `info.x-sdk.overlays`. */
  overlays?: readonly string[];
  /** Directory the spec path is shown relative to in headers (default: cwd). */
  cwd?: string;
  assets?: Assets;
  /** Told each naming or normalisation decision a user should know about (one line each). */
  onNote?: (note: string) => void;
}

export async function generate(options: GenerateOptions): Promise<FileMap> {
  const assets = options.assets ?? loadAssets();
  const specs = typeof options.spec === 'string' ? [options.spec] : [...options.spec];
  const parts: LoadedSpec[] = [];
  for (const spec of specs) {
    // Each document's own `info.x-sdk.overlays` first, beside its file; the command line's on the merged one.
    parts.push(withOverlays(await loadSpec(spec)));
  }
  const merged = mergeSpecs(parts);
  const loaded = withOverlays(merged, options.overlays);
  for (const part of merged.parts.length > 1 ? merged.parts : []) {
    validateSpec(part.document, part.file);
  }
  validateSpec(loaded.document, loaded.file);
  const normalized = normalizeSpec(loaded.document);
  const model = modelStage(normalized.document, { reservedNames: assets.coreExports });
  for (const note of [...merged.notes, ...normalized.notes, ...model.notes]) {
    options.onNote?.(note);
  }
  const schemaNames = new Map(model.types.map((t) => [t.schema, t.name]));
  const schemaTs = await emitTypes(normalized.document, { schemaNames }).catch((err: unknown) => {
    throw err instanceof URIError ? (percentKeyError(normalized.document, loaded.file) ?? err) : err;
  });
  const source = merged.parts
    .map((part) =>
      path
        .relative(options.cwd ?? process.cwd(), part.file)
        .split(path.sep)
        .join('/'),
    )
    .join(', ');
  const files = renderPackage({ model, schemaTs, bundled: loaded.document, specHash: loaded.hash, source, assets });
  const title = typeof loaded.document.info?.title === 'string' ? loaded.document.info.title : undefined;
  const { packageName } = model;
  return withManifest(files, { generator: assets.generator, source, title, packageName, specHash: loaded.hash });
}

/**
 * openapi-typescript 7.13 percent-decodes the pointers it builds from keys, and throws on a key whose `%` starts
 * no escape (`100%`). It gets no more fixes; until the types are emitted some other way, say where, in one line.
 */
function percentKeyError(doc: OpenApiDocument, file: string): GeneratorError | undefined {
  const bad = /%(?![0-9A-Fa-f]{2})/;
  const seen = new Set<object>();
  const find = (node: unknown, at: string[]): string[] | undefined => {
    if (!node || typeof node !== 'object' || seen.has(node)) {
      return undefined;
    }
    seen.add(node);
    for (const [k, v] of Object.entries(node)) {
      if (bad.test(k)) {
        return [...at, k];
      }
      const found = find(v, [...at, k]);
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  const where = find(doc, []);
  return where
    ? new GeneratorError(
        `the name "${where.at(-1)}" has a % that starts no percent-escape, which openapi-typescript 7.13 cannot take: rename it (an overlay can)`,
        {
          file,
          pointer: pointer(...where),
        },
      )
    : undefined;
}

/** The model of a bundled (not yet normalised) document: what the API diff's impact table compares. */
export function buildModel(doc: object, assets: Assets = loadAssets()): SdkModel {
  return modelStage(normalizeSpec(doc as OpenApiDocument).document, { reservedNames: assets.coreExports });
}
