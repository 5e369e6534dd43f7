// The lifecycle policy: where an operation's stage is read from, what a break in each stage counts as, sunsets,
// and the verdict, version check and PR comment following the policy (the CLI, with the compiler check).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, loadPolicy, readLifecycle } from '../../diff/lifecycle.js';
import type { VerdictReport } from '../../diff/verdict.js';
import { diffFiles, FIXTURES, runCli } from './helpers.js';

const DIR = join(FIXTURES, '_lifecycle');
const badge = (stage: string): string =>
  `[![${stage}](https://img.shields.io/badge/Lifecycle%20Stage-${encodeURIComponent(stage)}-%2345c6e8)]` +
  '(#section/Versioning/API-Lifecycle-Policy)\n\nText.';

describe('reading the lifecycle', () => {
  it.each([
    [{ 'x-lifecycle-stage': 'General Availability' }, 'ga', 'x-lifecycle-stage: General Availability'],
    [{ 'x-lifecycle-stage': 'Early Access' }, 'early-access', 'x-lifecycle-stage: Early Access'],
    [{ 'x-stability-level': 'beta' }, 'preview', 'x-stability-level: beta'],
    [{ 'x-stability-level': 'draft' }, 'early-access', 'x-stability-level: draft'],
    [{ description: badge('Preview') }, 'preview', 'badge: Preview'],
    [{ description: badge('Early Access') }, 'early-access', 'badge: Early Access'],
    [{ deprecated: true }, 'deprecated', 'default'],
    [{}, 'ga', 'default'],
  ])('%j reads as %s', (op, stage, source) => {
    expect(readLifecycle(op, DEFAULT_POLICY)).toMatchObject({ stage, source });
  });

  it('reads deprecation and sunset dates from Confluent and oasdiff extensions', () => {
    const op = { deprecated: true, 'x-deprecated-at': '2025-01-01', 'x-sunset-at': '2025-12-31T00:00:00Z' };
    expect(readLifecycle(op, DEFAULT_POLICY)).toMatchObject({
      deprecated: true,
      deprecatedAt: '2025-01-01',
      sunset: '2025-12-31',
    });
    expect(readLifecycle({ deprecated: true, 'x-sunset': '2026-03-01' }, DEFAULT_POLICY).sunset).toBe('2026-03-01');
    expect(readLifecycle({ deprecated: true, 'x-sunset': 'soon' }, DEFAULT_POLICY).sunset).toBeUndefined();
  });

  it('the source is configurable: other extension keys, stage names and badges', () => {
    const stages = { ...DEFAULT_POLICY.stages, incubating: 'early-access' as const };
    const policy = { ...DEFAULT_POLICY, stageKeys: ['x-maturity'], badge: '\\[(\\w+)\\]', stages };
    const incubating = readLifecycle({ 'x-maturity': 'Incubating' }, policy);
    expect(incubating).toMatchObject({ stage: 'early-access', source: 'x-maturity: Incubating' });
    const beta = readLifecycle({ description: 'Lists things [beta].' }, policy);
    expect(beta).toMatchObject({ stage: 'preview', source: 'badge: beta' });
    expect(readLifecycle({ 'x-lifecycle-stage': 'Preview' }, policy).stage).toBe('ga');
  });

  it('a policy file merges over the defaults; a bad one is one line naming the file and the key', () => {
    const strict = loadPolicy(join(DIR, 'strict.yaml'));
    expect(strict.breaks).toEqual({ ...DEFAULT_POLICY.breaks, 'early-access': 'breaking' });
    expect(strict.stages.incubating).toBe('early-access');
    const bad = /bad\.yaml: \/breaks\/early-access: must be equal to one of the allowed values$/;
    expect(() => loadPolicy(join(DIR, 'bad.yaml'))).toThrow(bad);
  });
});

describe('the policy applied', () => {
  it('the same break is breaking in a GA operation, a warning in Preview, info in Early Access', async () => {
    const { report } = await diffFiles(join(DIR, 'mixed/base.yaml'), join(DIR, 'mixed/revision.yaml'));
    const shown = report.changes.map(
      (c) => `${c.operation} ${c.level} ${c.lifecycle?.stage ?? '-'} ${c.lifecycle?.ruleLevel ?? '-'}`,
    );
    expect(shown).toEqual([
      'GET /labs info early-access breaking',
      'GET /previews warning preview breaking',
      'GET /things breaking - -',
    ]);
    expect(report.semver).toBe('major');
  });

  it('a policy file can make Early Access breaks count', async () => {
    const policy = loadPolicy(join(DIR, 'strict.yaml'));
    const { report } = await diffFiles(join(DIR, 'mixed/base.yaml'), join(DIR, 'mixed/revision.yaml'), { policy });
    const shown = report.changes.map((c) => `${c.operation} ${c.level}`);
    expect(shown).toEqual(['GET /labs breaking', 'GET /previews warning', 'GET /things breaking']);
  });
});

describe('verdict, version check and PR comment follow the policy', { timeout: 120_000 }, () => {
  const pair = ['--base', join(DIR, 'early-access/base.yaml'), '--head', join(DIR, 'early-access/revision.yaml')];
  const early = [...pair, '--check-version'];

  it('a break only in an Early Access operation is reported and allowed: compatible, no major bump needed', () => {
    const result = runCli([...early, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report: VerdictReport = JSON.parse(result.stdout);
    expect(report.verdict).toBe('compatible');
    const shown = report.changes.map((c) => `${c.id} ${c.level} ${c.lifecycle?.stage ?? ''}`);
    expect(shown).toEqual(['response-property-removed info early-access']);
    // The compiler sees the break too, and the policy lets it through.
    expect(report.compiler.breaking.length).toBeGreaterThan(0);
    expect(report.compiler.breaking.every((b) => b.allowed?.stage === 'early-access')).toBe(true);
    expect(report.version).toMatchObject({ required: 'none', ok: true });
  });

  it('the PR comment says which stage the break touched and why it is allowed', () => {
    const result = runCli(early);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('### Lifecycle');
    expect(result.stdout).toMatch(
      /Breaks the lifecycle policy allows, in operations whose stage promises less: \d+\. Reported, not counted as breaking; nothing else breaks, so the verdict is compatible\./,
    );
    const reason = 'Early Access APIs may change at any time';
    expect(result.stdout).toContain(
      `| \`GET /labs/{id}\` | Early Access | badge: Early Access | 1 | info: ${reason} |`,
    );
    expect(result.stdout).toContain(
      `Early Access operation: ${reason}, so the lifecycle policy makes this info (the rule says breaking).`,
    );
  });

  it('under a policy where Early Access breaks count, the same pair is breaking and needs a major', () => {
    const result = runCli([...early, '--format', 'json', '--lifecycle', join(DIR, 'strict.yaml')]);
    expect(result.status).toBe(1);
    const report: VerdictReport = JSON.parse(result.stdout);
    expect(report.verdict).toBe('breaking');
    expect(report.version).toMatchObject({ required: 'major', ok: false });
  });

  it('a bad policy file or date is one line and exit 2', () => {
    const bad = runCli([...early, '--rules-only', '--lifecycle', join(DIR, 'bad.yaml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^api-diff: .*bad\.yaml: \/breaks\/early-access: must be equal to one of the allowed values\n$/u,
    );
    const date = runCli([...early, '--rules-only', '--today', 'tomorrow']);
    expect(date.status).toBe(2);
    expect(date.stderr).toBe('api-diff: --today must be a date, YYYY-MM-DD (got "tomorrow")\n');
  });
});
