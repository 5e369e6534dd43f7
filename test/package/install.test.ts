// The generated package installs and works in someone else's project: npm pack, install the tarball into a
// fresh project outside the repository, compile a consumer with tsc --strict under two module resolutions, and
// run it against a local server. Then publint and arethetypeswrong.
// The install is offline and needs nothing in npm's cache: every runtime dependency of the generated package
// (transitively) is packed from the repository's own node_modules and installed together with the tarball.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GENERATED = path.join(ROOT, 'generated');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let tarball: string;
let server: Server;
let baseUrl: string;
const seen: { url: string; auth: string | undefined; ua: string | undefined }[] = [];

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}`.trim() };
}

interface Manifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/** Where Node would find `name` from a package in `from`: its own node_modules, then each parent's. */
function installedDir(name: string, from: string): string | undefined {
  for (let dir = from; dir.startsWith(ROOT); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * The folders in the repository's node_modules of every package the generated package needs at run time:
 * its dependencies, theirs, and so on (required peers included, optional ones when installed).
 */
export function runtimeDependencyDirs(packageDir: string): string[] {
  const found = new Map<string, string>();
  const queue = [packageDir];
  while (queue.length) {
    const dir = queue.shift()!;
    const manifest = readManifest(dir);
    const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {})
      .filter(([, m]) => m.optional)
      .map(([n]) => n);
    const required = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !optionalPeers.includes(n)),
    ];
    const optional = [...Object.keys(manifest.optionalDependencies ?? {}), ...optionalPeers];
    for (const name of new Set([...required, ...optional])) {
      const at = installedDir(name, dir === packageDir ? ROOT : dir);
      if (!at) {
        if (optional.includes(name)) {
          continue;
        }
        throw new Error(
          `${name} (needed by ${path.relative(ROOT, dir)}) is not in the repository's node_modules: add it to the root devDependencies`,
        );
      }
      if (found.has(at)) {
        continue;
      }
      found.set(at, name);
      queue.push(at);
    }
  }
  // A flat list of tarballs can hold one version of a name: keep the highest, as npm would hoist it (the
  // repository's tree can nest two, e.g. @types/json-schema 7.0.11 at the top and 7.0.15 under openapi-backend,
  // whose json-schema-ref-parser has a peer on ^7.0.15).
  const best = new Map<string, { dir: string; version: string }>();
  for (const dir of found.keys()) {
    const { name, version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    const kept = best.get(name);
    if (!kept || semver.gt(version, kept.version)) {
      best.set(name, { dir, version });
    }
  }
  return [...best.values()].map((b) => b.dir).sort();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
  const packed = run(NPM, ['pack', '--pack-destination', work, '--silent'], GENERATED);
  expect(packed.code, packed.out).toBe(0);
  tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);

  const deps = path.join(work, 'deps');
  mkdirSync(deps);
  const depDirs = runtimeDependencyDirs(GENERATED);
  expect(depDirs.map((d) => path.relative(ROOT, d))).toContain('node_modules/openapi-fetch');
  for (const dir of depDirs) {
    // --ignore-scripts: these are published packages, already built; their own build scripts need their repo.
    const r = run(NPM, ['pack', dir, '--pack-destination', deps, '--ignore-scripts', '--silent'], work);
    expect(r.code, r.out).toBe(0);
  }
  const depTarballs = readdirSync(deps).map((f) => path.join(deps, f));
  expect(depTarballs).toHaveLength(depDirs.length);

  const app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // --offline: nothing may come from the registry or the cache, so a dependency missing here fails the test.
  const installed = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball, ...depTarballs], app);
  expect(installed.code, installed.out).toBe(0);
  expect(readManifest(path.join(app, 'node_modules/confluent-cloud-client'))).toMatchObject({
    name: 'confluent-cloud-client',
  });

  server = createServer((req, res) => {
    seen.push({ url: req.url!, auth: req.headers.authorization, ua: req.headers['user-agent'] });
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-request-id', 'req-1');
    res.end(
      JSON.stringify({
        api_version: 'networking/v1',
        kind: 'NetworkList',
        metadata: {},
        data: [{ id: 'n-1', spec: { display_name: 'one' }, status: { phase: 'READY' } }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 600_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
});

const consumer = (
  url: string,
) => `import { ConfluentCloud, ApiError, type Network, type NetworkList } from 'confluent-cloud-client';

const cc = new ConfluentCloud({ baseUrl: '${url}', apiKey: 'key', apiSecret: 'secret', maxRetries: 0 });
const page: NetworkList = await cc.networks.list({ environment: 'env-1', 'spec.cloud': ['AWS'] });
const first: Network | undefined = page.data[0];
const names: string[] = [];
for await (const n of cc.networks.listAll({ environment: 'env-1' })) names.push(n.id);
console.log(JSON.stringify({ first: first?.id, phase: first?.status?.phase, names, isError: ApiError.prototype instanceof Error }));
`;

describe.each([
  ['bundler', { module: 'ESNext', moduleResolution: 'Bundler' }],
  ['node16', { module: 'Node16', moduleResolution: 'Node16' }],
])('consumer compiled with moduleResolution %s', (name, options) => {
  it('type-checks with tsc --strict and runs against a local server', async () => {
    const app = path.join(work, 'app');
    writeFileSync(path.join(app, 'consumer.ts'), consumer(baseUrl));
    writeFileSync(
      path.join(app, `tsconfig.${name}.json`),
      JSON.stringify({
        compilerOptions: {
          ...options,
          strict: true,
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          types: [],
          outDir: `out-${name}`,
          skipLibCheck: false,
        },
        files: ['consumer.ts'],
      }),
    );
    const built = run(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], app);
    expect(built.out).toBe('');
    expect(built.code).toBe(0);
    writeFileSync(path.join(app, `out-${name}`, 'package.json'), JSON.stringify({ type: 'module' }));
    // Asynchronously: the server answering it lives in this process.
    const ran = await promisify(execFile)(process.execPath, [path.join(app, `out-${name}`, 'consumer.js')], {
      cwd: app,
      timeout: 30_000,
    });
    expect(JSON.parse(ran.stdout)).toEqual({ first: 'n-1', phase: 'READY', names: ['n-1'], isError: true });
    const hit = seen.at(-1)!;
    expect(hit.auth).toBe(`Basic ${Buffer.from('key:secret').toString('base64')}`);
    expect(hit.ua).toMatch(/^confluent-cloud-client\/\d+\.\d+\.\d+/);
    expect(seen.some((s) => s.url === '/networking/v1/networks?environment=env-1&spec.cloud=AWS')).toBe(true);
  }, 120_000);
});

describe('package lint', () => {
  it('publint reports nothing', () => {
    const r = run(process.execPath, [path.join(ROOT, 'node_modules/publint/src/cli.js'), GENERATED, '--strict'], ROOT);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/warning|error|suggestion/i);
  }, 120_000);

  it('arethetypeswrong reports nothing for an ESM-only package', () => {
    const r = run(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
        tarball,
        '--profile',
        'esm-only',
        '--format',
        'table-flipped',
      ],
      ROOT,
    );
    // Exit 0 means no problem outside the profile; CommonJS `require` is out of scope for an ESM-only package.
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/❌|💀|🐛|❗️|🚭|🕵️/u);
  }, 120_000);
});
