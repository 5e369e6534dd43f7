/// <reference types="node" />
// The package's testing entry (`<package>/testing`): a local, stateful stand-in for the API, driven by the package's
// bundled openapi.json and the facts the generator derived from it (./model.ts).
import { readFile } from 'node:fs/promises';
import { model } from './model.js';
import { loadServer } from './dependencies.js';
import type { StandIn, StandInOptions } from './options.js';

export type { StandIn, StandInOptions, FaultOptions, ServiceBehaviour } from './options.js';
export type { PhaseOptions, Resource } from './store.js';
export type { RateLimitOptions } from './rate-limit.js';
export type { StandInCredential } from './credentials.js';
export type { CorsOptions } from './cors.js';
export type { StandInModel, StandInCollection } from './types.js';
export { model };

/** Starts the stand-in on 127.0.0.1; point the client's `baseUrl` at `url`. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  // src/testing/ and dist/testing/ both sit two levels below the package root, where openapi.json is.
  const spec = JSON.parse(await readFile(new URL('../../openapi.json', import.meta.url), 'utf8')) as {
    [key: string]: unknown;
  };
  // Loaded here, not at import: the server's packages are optional peers (./dependencies.ts).
  const { serve } = await loadServer();
  return serve(model, spec, options);
}
