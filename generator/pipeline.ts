// The generator as named stages: load → validate → normalize → build model → emit types → render.
// Writing is separate (stages/write.ts), so `--check` can run everything but the write.
import path from 'node:path';
import { buildModelFromNormalized } from './model/build.js';
import { emitTypes } from './stages/emit-types.js';
import { loadAssets, type Assets } from './stages/load-assets.js';
import { loadSpec } from './stages/load.js';
import { normalizeSpec } from './stages/normalize.js';
import { renderPackage, type FileMap } from './stages/render.js';
import { validateSpec } from './stages/validate.js';

export interface GenerateOptions {
  spec: string;
  /** Directory the spec path is shown relative to in headers (default: cwd). */
  cwd?: string;
  assets?: Assets;
}

export async function generate(options: GenerateOptions): Promise<FileMap> {
  const loaded = await loadSpec(options.spec);
  validateSpec(loaded.document, loaded.file);
  const normalized = normalizeSpec(loaded.document);
  const model = buildModelFromNormalized(normalized.document);
  const schemaTs = await emitTypes(normalized.document);
  const source = path.relative(options.cwd ?? process.cwd(), loaded.file).split(path.sep).join('/');
  return renderPackage({ model, schemaTs, bundled: loaded.document, specHash: loaded.hash, source, assets: options.assets ?? loadAssets() });
}
