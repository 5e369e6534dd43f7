// End to end: a temporary git repository holding a multi-file spec, two commits, the CLI comparing them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../diff/report.js';
import type { VerdictReport } from '../../diff/verdict.js';
import { FIXTURES, runCli } from './helpers.js';

let repo = '';
let head = '';

function git(...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
}

function edit(file: string, from: string, to: string): void {
  const path = join(repo, 'spec', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) {
    throw new Error(`fixture text not found in ${file}: ${from}`);
  }
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
  edit('components/schemas.yaml', '    cloud:\n      type: string\n      enum: [AWS, GCP, AZURE]\n', '');
  edit(
    'paths/cluster.yaml',
    "    '404':\n      description: Not found.\n",
    "    '404':\n      description: Not found.\n    '429':\n      description: Too many requests.\n",
  );
  git('commit', '-q', '-am', 'drop cloud, document 429');
  // Uncommitted: the working tree is what --head reads.
  edit('paths/clusters.yaml', 'summary: List clusters', 'summary: List the clusters');
}, 30_000);

/** The body of a `### heading` section of the markdown report, trimmed. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`### ${heading}\n`);
  if (start < 0) {
    return '';
  }
  const body = markdown.slice(start + heading.length + 5);
  const end = body.indexOf('\n### ');
  return (end < 0 ? body : body.slice(0, end)).trim();
}

afterAll(() => {
  if (repo) {
    rmSync(repo, { recursive: true, force: true });
  }
});

describe('diff of two commits in a git repository', { timeout: 120_000 }, () => {
  it('compares a git ref base (all spec files at that commit) with the working tree', () => {
    const result = runCli(['--base', 'HEAD~1', '--head', head, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report: VerdictReport = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ breaking: 5, warning: 0, info: 2, compiler: 10 });
    expect(report.semver).toBe('major');
    expect(report.verdict).toBe('breaking');
    // The base package is generated from the bundled document read out of the commit.
    expect(report.compiler.status).toBe('checked');
    expect(report.compiler.breaking.map((b) => `${b.kind} ${b.name} ${b.check} TS${b.code}`)).toEqual([
      'method clusters.createCmkV2Cluster literal TS2353',
      'method clusters.getCmkV2Cluster reads TS2339',
      'method clusters.listCmkV2Clusters reads TS2339',
      'method clusters.updateCmkV2Cluster reads TS2339',
      'method clusters.waitForGetCmkV2Cluster reads TS2339',
      'type Cluster literal TS2353',
      'type ClusterList reads TS2339',
      'type ClusterSpec literal TS2353',
      'type ClusterSpecWritable literal TS2353',
      'type ClusterWritable literal TS2353',
    ]);
    expect(report.compiler.breaking[0]?.operation).toBe('POST /cmk/v2/clusters');
    expect(report.compiler.breaking[1]?.message).toMatch(/^Property 'cloud' does not exist on type /);
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
    const rulesOnly = ['--head', head, '--format', 'json', '--rules-only'];
    expect(runCli(['--base', 'HEAD~1', ...rulesOnly, '--fail-on', 'none']).status).toBe(0);
    expect(runCli(['--base', 'HEAD~1', ...rulesOnly, '--fail-on', 'warning']).status).toBe(1);
    // HEAD vs working tree: only the summary edit (info).
    const docsOnly = runCli(['--base', 'HEAD', ...rulesOnly, '--fail-on', 'warning']);
    expect(docsOnly.status).toBe(0);
    expect((JSON.parse(docsOnly.stdout) as Report).semver).toBe('patch');
  });

  it('markdown: both verdicts per change, the compiler section, the version check and the package impact', () => {
    const result = runCli(['--base', 'HEAD~1', '--head', head, '--check-version']);
    expect(result.status).toBe(1);
    const md = result.stdout;
    expect(md).toContain(
      '**Suggested version bump: major** · 5 breaking · 0 warning · 2 info · 10 breaking for TypeScript callers',
    );
    expect(md).toContain('### `clusters`');
    expect(md).toContain(
      '| 🔴 breaking | 🔴 breaks | `POST /cmk/v2/clusters` | `request spec.cloud` | Request property spec.cloud was removed | `request-property-removed` |',
    );
    const compiler = section(md, 'Breaking for TypeScript callers');
    expect(compiler).toContain(
      'Code written against the old package that no longer compiles (7 methods and 39 types of the old package checked)',
    );
    expect(compiler).toMatch(
      /\| method `clusters\.createCmkV2Cluster` \| `POST \/cmk\/v2\/clusters` \| literal \| TS2353: Object literal may only specify known properties, and '"cloud"' does not exist in type /,
    );
    expect(compiler.split('\n').filter((l) => l.startsWith('| method ') || l.startsWith('| type '))).toHaveLength(10);
    // No x-sdk.version in the fixture: 0.0.0 on both sides, and a breaking change before 1.0 needs a new minor.
    expect(section(md, 'Version')).toContain(
      '❌ Missing version bump: the change is breaking, so info.x-sdk.version must move to at least 0.1.0',
    );
    expect(result.stderr).toMatch(/^api-diff: version: the change is breaking/);
    // The impact table, exactly: the generator's model sees two types change and no method.
    expect(section(md, 'Impact on the generated package')).toBe(
      [
        '| Export | Added | Removed | Changed |',
        '|---|---|---|---|',
        '| Methods | — | — | — |',
        '| Types | — | — | `ClusterSpec`, `ClusterSpecWritable` |',
      ].join('\n'),
    );
  });

  it('github format emits workflow annotations', () => {
    const result = runCli([
      '--base',
      'HEAD~1',
      '--head',
      head,
      '--format',
      'github',
      '--fail-on',
      'none',
      '--rules-only',
    ]);
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
