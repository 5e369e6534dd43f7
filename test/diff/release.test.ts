// The release workflow cannot run here: parse it, check its shape, then run its own pack and publish steps
// on a copy of generated/, with `npm publish --dry-run`, offline and with an empty npm cache.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { asArray, asObject, asString, type JsonObject } from '../../diff/json.js';
import { ROOT } from './helpers.js';

const workflow = asObject(parseYaml(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8'))) ?? {};
const steps = asArray(asObject(asObject(workflow.jobs)?.release)?.steps).map((s) => asObject(s) ?? {});
const step = (name: string): JsonObject => steps.find((s) => asString(s.name) === name) ?? {};

// Inside the repository (.tmp/ is ignored), so the package's tsc finds openapi-fetch in node_modules.
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const work = mkdtempSync(join(ROOT, '.tmp', 'release-'));
const cache = mkdtempSync(join(tmpdir(), 'npm-cache-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

function bash(script: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('.github/workflows/release.yml', { timeout: 240_000 }, () => {
  it('runs on main when the package version file changes, with an OIDC token for provenance', () => {
    const push = asObject(asObject(workflow.on)?.push);
    expect(push?.branches).toEqual(['main']);
    expect(push?.paths).toEqual(['generated/package.json']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const node = asObject(steps.find((s) => asString(s.uses)?.startsWith('actions/setup-node@'))?.with);
    expect(node?.['registry-url']).toBe('https://registry.npmjs.org');
    const publish = step('Publish');
    expect(asObject(publish.env)?.NPM_CONFIG_PROVENANCE).toBe('true');
    expect(asString(publish.if)).toBe("steps.version.outputs.changed == 'true'");
    expect(asString(step('Generated code, API report and spec are current').run)).toBe('make check');
  });

  it('its pack step builds the tarball and its publish step passes npm publish --dry-run offline', () => {
    cpSync(join(ROOT, 'generated'), join(work, 'generated'), {
      recursive: true,
      filter: (src) => !/[\\/](dist|node_modules)$/.test(src),
    });
    const output = join(work, 'github-output');
    writeFileSync(output, '');
    const pack = bash(asString(step('Pack').run) ?? 'false', { GITHUB_OUTPUT: output });
    expect(pack.stderr).toBe('');
    expect(pack.status).toBe(0);
    const tarball = /^tarball=(.+)$/m.exec(readFileSync(output, 'utf8'))?.[1] ?? '';
    const version = JSON.parse(readFileSync(join(ROOT, 'generated/package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(tarball).toBe(`${version.name}-${version.version}.tgz`);

    const run = asString(step('Publish').run) ?? '';
    expect(run).toBe('npm publish "./$TARBALL" --access public');
    const publish = bash(`${run} --dry-run`, { TARBALL: tarball, npm_config_cache: cache, npm_config_offline: 'true' });
    expect(publish.status).toBe(0);
    expect(publish.stdout).toContain(`+ ${version.name}@${version.version}`);
    expect(publish.stderr).toMatch(/dist\/index\.js/);
  });
});
