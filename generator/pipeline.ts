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
import type { OpenApiDocument } from './openapi.js';

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
  const schemaTs = await emitTypes(normalized.document);
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

/** The model of a bundled (not yet normalised) document: what the API diff's impact table compares. */
export function buildModel(doc: object, assets: Assets = loadAssets()): SdkModel {
  return modelStage(normalizeSpec(doc as OpenApiDocument).document, { reservedNames: assets.coreExports });
}
