/// <reference types="node" />
// The stand-in's own packages are optional peers of the client, so a user who never starts it installs the client
// alone. This checks they are there before the server (which imports them) loads, and names the one step if not.

/** The packages the stand-in imports, as the generated package.json's peerDependencies name them. */
export const STAND_IN_PACKAGES = ['openapi-backend', 'ajv-formats', 'openapi-sampler'] as const;

/** Loads `./server.js`, or throws one line naming the `npm i` that installs what is missing. */
export async function loadServer(
  importer: (name: string) => Promise<unknown> = (name) => import(name),
): Promise<typeof import('./server.js')> {
  const missing: string[] = [];
  for (const name of STAND_IN_PACKAGES) {
    try {
      await importer(name);
    } catch (err) {
      if (!isNotFound(err)) {
        throw err;
      }
      missing.push(name);
    }
  }
  if (missing.length) {
    throw new Error(
      `The stand-in needs ${missing.join(', ')}: run \`npm i -D ${STAND_IN_PACKAGES.join(' ')}\` (optional peer dependencies of this package)`,
    );
  }
  return import('./server.js');
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
