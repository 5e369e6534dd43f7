// End to end: a temporary git repository holding a multi-file spec, two commits, the CLI comparing them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../diff/report.js';
import { FIXTURES, runCli } from './helpers.js';

let repo = '';
let head = '';

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
}

function edit(file: string, from: string, to: string): void {
  const path = join(repo, 'spec', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture text not found in ${file}: ${from}`);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'api-diff-e2e-'));
  head = join(repo, 'spec/openapi.yaml');
  git('init', '-q');
  cpSync(join(FIXTURES, '_spec'), join(repo, 'spec'), { recursive: true });
  git('add', '.');
  git('commit', '-q', '-m', 'base spec');
  // Second commit: only non-root files change, so the base must be read from all of the commit's files.
  edit('components/schemas.yaml', "    cloud:\n      type: string\n      enum: [AWS, GCP, AZURE]\n", '');
  edit('paths/cluster.yaml', "    '404':\n      description: Not found.\n", "    '404':\n      description: Not found.\n    '429':\n      description: Too many requests.\n");
  git('commit', '-q', '-am', 'drop cloud, document 429');
  // Uncommitted: the working tree is what --head reads.
  edit('paths/clusters.yaml', 'summary: List clusters', 'summary: List the clusters');
}, 30_000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('diff of two commits in a git repository', { timeout: 30_000 }, () => {
  it('compares a git ref base (all spec files at that commit) with the working tree', () => {
    const result = runCli(['--base', 'HEAD~1', '--head', head, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report: Report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ breaking: 5, warning: 0, info: 2 });
    expect(report.semver).toBe('major');
    expect(report.changes.map((c) => `${c.level} ${c.id} ${c.operation} ${c.location}`)).toEqual([
      'breaking response-property-removed GET /cmk/v2/clusters response 200 data[].spec.cloud',
      'info description-changed GET /cmk/v2/clusters summary',
      'breaking request-property-removed POST /cmk/v2/clusters request spec.cloud',
      'breaking response-property-removed POST /cmk/v2/clusters response 202 spec.cloud',
      'breaking response-property-removed GET /cmk/v2/clusters/{id} response 200 spec.cloud',
      'info response-status-added GET /cmk/v2/clusters/{id} response 429',
      'breaking response-property-removed PATCH /cmk/v2/clusters/{id} response 200 spec.cloud',
    ]);
  });

  it('exit code follows --fail-on', () => {
    expect(runCli(['--base', 'HEAD~1', '--head', head, '--format', 'json', '--fail-on', 'none']).status).toBe(0);
    expect(runCli(['--base', 'HEAD~1', '--head', head, '--format', 'json', '--fail-on', 'warning']).status).toBe(1);
    // HEAD vs working tree: only the summary edit (info).
    const docsOnly = runCli(['--base', 'HEAD', '--head', head, '--format', 'json', '--fail-on', 'warning']);
    expect(docsOnly.status).toBe(0);
    expect((JSON.parse(docsOnly.stdout) as Report).semver).toBe('patch');
  });

  it('markdown groups by resource and ends with the package impact', () => {
    const result = runCli(['--base', 'HEAD~1', '--head', head]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('**Suggested version bump: major** · 5 breaking · 0 warning · 2 info');
    expect(result.stdout).toContain('### `clusters`');
    expect(result.stdout.trimEnd().split('\n').slice(-6).join('\n')).toMatch(/### Impact on the generated package/);
  });

  it('github format emits workflow annotations', () => {
    const result = runCli(['--base', 'HEAD~1', '--head', head, '--format', 'github', '--fail-on', 'none']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(5);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(3);
  });

  it('bad refs and bad specs at a ref exit 2 with one line naming the problem', () => {
    const unknown = runCli(['--base', 'no-such-branch', '--head', head]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^api-diff: --base no-such-branch: neither a file nor a commit in .*\n$/);

    edit('components/schemas.yaml', 'ClusterList:\n', 'ClusterList: [\n');
    git('commit', '-q', '-am', 'break the YAML');
    edit('components/schemas.yaml', 'ClusterList: [\n', 'ClusterList:\n');
    const broken = runCli(['--base', 'HEAD', '--head', head]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^api-diff: HEAD:spec\/components\/schemas\.yaml:\d+:\d+: YAML syntax error: /);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  });
});
