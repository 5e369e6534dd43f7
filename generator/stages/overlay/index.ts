// Load stage, second step: OpenAPI Overlay documents applied to the bundled spec, so a vendor's published
// document can be corrected without forking it. First the overlays the spec itself lists in
// `info.x-sdk.overlays` (paths relative to the root spec file), then those given on the command line, each
// in order. The listing is taken out of the result: what the package ships is the corrected document.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { GeneratorError } from '../../errors.js';
import type { OpenApiDocument } from '../../openapi.js';
import type { LoadedSpec } from '../load.js';
import { applyOverlay } from './apply.js';
import { readOverlay, type Json } from './read.js';

export function withOverlays(loaded: LoadedSpec, extra: readonly string[] = []): LoadedSpec {
  const document = applySpecOverlays({ document: loaded.document, specFile: loaded.file, extra });
  if (document === loaded.document) {
    return loaded;
  }
  const hash = createHash('sha256').update(JSON.stringify(document)).digest('hex');
  return { ...loaded, document, hash };
}

export interface OverlayInput {
  /** The bundled spec; not changed (the result is a copy when there is anything to apply). */
  document: OpenApiDocument;
  /** The root spec file: `info.x-sdk.overlays` is resolved beside it. */
  specFile: string;
  extra?: readonly string[];
}

/** The document after its own and the extra overlays; the same object when there are none. */
export function applySpecOverlays({ document, specFile, extra = [] }: OverlayInput): OpenApiDocument {
  const files = [...declaredOverlays(document, specFile), ...extra.map((f) => path.resolve(f))];
  if (files.length === 0) {
    return document;
  }
  const overlays = files.map(readOverlay);
  const copy = structuredClone(document);
  delete copy.info?.['x-sdk']?.overlays;
  let result = copy as unknown as Json;
  for (const overlay of overlays) {
    result = applyOverlay(result, overlay);
  }
  return result as OpenApiDocument;
}

/** The overlay files a spec lists in `info.x-sdk.overlays`, resolved beside the root spec file. */
function declaredOverlays(document: OpenApiDocument, specFile: string): string[] {
  const listed = document.info?.['x-sdk']?.overlays;
  if (listed === undefined) {
    return [];
  }
  if (!Array.isArray(listed) || listed.some((f) => typeof f !== 'string' || f === '')) {
    const where = { file: specFile, pointer: '#/info/x-sdk/overlays' };
    throw new GeneratorError('info.x-sdk.overlays must be a list of overlay file paths', where);
  }
  return listed.map((f: string) => path.resolve(path.dirname(specFile), f));
}
