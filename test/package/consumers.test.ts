// The consumer matrix, with real installs from the npm registry (so it runs only with CONSUMER_MATRIX=1; .ci/run
// sets it): the packed generated/ installed into fresh projects, then
// - a light install (the client alone): no EBADENGINE, how many packages and bytes, ESM import and CommonJS
//   require, and `./testing` naming the one `npm i` it needs;
// - a full install (with the stand-in's optional peers): consumers type-checked by TypeScript 5.9 and 7 under each
//   module setting a user may have, then run against the stand-in on each Node of CONSUMER_NODES.
// Every tool is pinned and installed under an npm alias, so the versions do not drift with the registry.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GENERATED = path.join(ROOT, 'generated');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const ENABLED = process.env.CONSUMER_MATRIX === '1';
/** Node versions the consumers run on; 20.19.0 is the oldest the package promises. */
const NODES = (process.env.CONSUMER_NODES || '20.19.0 22.23.3 24.21.0').split(/[\s,]+/).filter(Boolean);
const TOOLS = { ts59: 'typescript@5.9.3', ts7: 'typescript@7.0.2', types: '@types/node@20.19.43' };
const STAND_IN_PEERS = ['openapi-backend', 'ajv-formats', 'openapi-sampler'];

let work: string;
let tarball: string;
const nodeBin = new Map<string, string>();

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`.trim() };
}

function project(name: string, manifest: Record<string, unknown>): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, ...manifest }, null, 2));
  return dir;
}

/** Packages and bytes under node_modules, as a user's disk sees them. */
function footprint(dir: string): { packages: number; bytes: number } {
  const ls = run(NPM, ['ls', '--all', '--parseable', '--omit=dev'], dir);
  const packages = ls.out.split('\n').filter((l) => l.includes('node_modules')).length;
  const du = run('du', ['-sb', path.join(dir, 'node_modules')], dir);
  return { packages, bytes: Number(du.out.split(/\s/)[0]) };
}

const runOn = (version: string, file: string, cwd: string) =>
  promisify(execFile)(nodeBin.get(version)!, [file], { cwd, timeout: 60_000 });

beforeAll(async () => {
  if (!ENABLED) {
    return;
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'consumers-'));
  const packed = run(NPM, ['pack', '--pack-destination', work, '--silent'], GENERATED);
  expect(packed.code, packed.out).toBe(0);
  tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  // Each Node in its own alias; the `node` package fetches its binary in a preinstall script, allowed by name.
  const nodes = project('nodes', { allowScripts: { node: true } });
  const aliases = NODES.map((v) => `node${v.replaceAll('.', '_')}@npm:node@${v}`);
  const got = run(NPM, ['install', ...aliases], nodes);
  expect(got.code, got.out).toBe(0);
  for (const v of NODES) {
    nodeBin.set(v, path.join(nodes, 'node_modules', `node${v.replaceAll('.', '_')}`, 'bin', 'node'));
  }
}, 600_000);

// Removing two installs (about 70 MB) takes more than the default 10 s on a busy machine.
afterAll(() => {
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
}, 120_000);

const ESM_CALL = `import { ConfluentCloud } from 'confluent-cloud-client';
const cc = new ConfluentCloud({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' });
console.log(JSON.stringify({ loaded: typeof cc.networks.list }));
`;
const CJS_CALL = `const { ConfluentCloud } = require('confluent-cloud-client');
const cc = new ConfluentCloud({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', apiSecret: 's' });
console.log(JSON.stringify({ loaded: typeof cc.networks.list }));
`;
const MISSING_PEERS = `import { startStandIn } from 'confluent-cloud-client/testing';
startStandIn().then(
  () => console.log(JSON.stringify({ started: true })),
  (e) => console.log(JSON.stringify({ message: e.message })),
);
`;

describe.skipIf(!ENABLED)('light install: the client alone', () => {
  let app: string;
  it('installs without EBADENGINE and without the stand-in packages', () => {
    app = project('light', { type: 'module' });
    const r = run(NPM, ['install', tarball], app);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toContain('EBADENGINE');
    const ls = run(NPM, ['ls', '--all', '--parseable'], app).out;
    for (const peer of STAND_IN_PEERS) {
      expect(ls).not.toContain(`node_modules/${peer}`);
    }
    const size = footprint(app);
    console.log(`light install: ${size.packages} packages, ${(size.bytes / 1e6).toFixed(1)} MB`);
    writeFileSync(path.join(app, 'esm.mjs'), ESM_CALL);
    writeFileSync(path.join(app, 'cjs.cjs'), CJS_CALL);
    writeFileSync(path.join(app, 'testing.mjs'), MISSING_PEERS);
  }, 300_000);

  it.each(NODES)(
    'Node %s: import and require load the client; ./testing names the npm i it needs',
    async (v) => {
      for (const file of ['esm.mjs', 'cjs.cjs']) {
        const { stdout } = await runOn(v, file, app);
        expect(JSON.parse(stdout), file).toEqual({ loaded: 'function' });
      }
      const { stdout } = await runOn(v, 'testing.mjs', app);
      expect(JSON.parse(stdout).message).toContain(`run \`npm i -D ${STAND_IN_PEERS.join(' ')}\``);
    },
    120_000,
  );
});

/** A consumer that starts the stand-in and lists through the client; no top-level await, so CommonJS emits it. */
const TS_CONSUMER = `import { ConfluentCloud, AuthenticationError, type Network } from 'confluent-cloud-client';
import { startStandIn } from 'confluent-cloud-client/testing';

async function main(): Promise<void> {
  const stand = await startStandIn({ credentials: { apiKey: 'k', apiSecret: 's' }, log: () => {} });
  try {
    const cc = new ConfluentCloud({ baseUrl: stand.url, apiKey: 'k', apiSecret: 's' });
    const page = await cc.networks.list({ environment: 'env-1' });
    const networks: Network[] = page.data;
    const wrong = await new ConfluentCloud({ baseUrl: stand.url, apiKey: 'k', apiSecret: 'x', maxRetries: 0 })
      .networks.list({ environment: 'env-1' })
      .catch((e: unknown) => e);
    console.log(JSON.stringify({ listed: Array.isArray(networks), refused: wrong instanceof AuthenticationError }));
  } finally {
    await stand.close();
  }
}
main().catch((e: unknown) => {
  console.error(e);
  throw e;
});
`;

/** Each TypeScript setting a consumer may have: the compiler, where the project sits, and its options. */
const SETTINGS: { name: string; tsc: 'ts59' | 'ts7'; cjs: boolean; options: Record<string, string> }[] = [
  { name: 'ts59-bundler', tsc: 'ts59', cjs: false, options: { module: 'ESNext', moduleResolution: 'Bundler' } },
  { name: 'ts59-nodenext-esm', tsc: 'ts59', cjs: false, options: { module: 'NodeNext' } },
  { name: 'ts59-nodenext-cjs', tsc: 'ts59', cjs: true, options: { module: 'NodeNext' } },
  { name: 'ts59-node10-cjs', tsc: 'ts59', cjs: true, options: { module: 'CommonJS', moduleResolution: 'Node10' } },
  { name: 'ts7-bundler', tsc: 'ts7', cjs: false, options: { module: 'ESNext', moduleResolution: 'Bundler' } },
  { name: 'ts7-nodenext-esm', tsc: 'ts7', cjs: false, options: { module: 'NodeNext' } },
  { name: 'ts7-nodenext-cjs', tsc: 'ts7', cjs: true, options: { module: 'NodeNext' } },
  { name: 'ts7-commonjs', tsc: 'ts7', cjs: true, options: { module: 'CommonJS' } },
];

describe.skipIf(!ENABLED)('full install: with the stand-in', () => {
  let app: string;
  it('installs the client, its optional peers and both compilers without EBADENGINE', () => {
    app = project('full', { type: 'module' });
    const r = run(
      NPM,
      ['install', tarball, ...STAND_IN_PEERS, `ts59@npm:${TOOLS.ts59}`, `ts7@npm:${TOOLS.ts7}`, TOOLS.types],
      app,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toContain('EBADENGINE');
    const size = footprint(app);
    console.log(`full install (with compilers): ${size.packages} packages, ${(size.bytes / 1e6).toFixed(1)} MB`);
  }, 600_000);

  it.each(SETTINGS)(
    '$name type-checks with --strict and runs on every Node',
    async ({ name, tsc, cjs, options }) => {
      const dir = path.join(app, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: cjs ? 'commonjs' : 'module' }));
      writeFileSync(path.join(dir, 'consumer.ts'), TS_CONSUMER);
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            ...options,
            strict: true,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            types: ['node'],
            outDir: 'out',
          },
          files: ['consumer.ts'],
        }),
      );
      const built = run(
        process.execPath,
        [path.join(app, 'node_modules', tsc, 'bin', 'tsc'), '-p', 'tsconfig.json'],
        dir,
      );
      expect(built.out, name).toBe('');
      expect(built.code).toBe(0);
      for (const v of NODES) {
        const { stdout } = await runOn(v, path.join('out', 'consumer.js'), dir);
        expect(JSON.parse(stdout), `${name} on Node ${v}`).toEqual({ listed: true, refused: true });
      }
    },
    300_000,
  );
});
