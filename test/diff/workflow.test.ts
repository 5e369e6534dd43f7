// GitHub cannot run here: parse the workflows, check their shape, and check that every `make <target>` they
// run exists in the Makefile.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { asArray, asObject, asString, type JsonObject } from '../../diff/json.js';
import { ROOT } from './helpers.js';

const workflow = asObject(parseYaml(readFileSync(join(ROOT, '.github/workflows/api-diff.yml'), 'utf8'))) ?? {};
const job = asObject(asObject(workflow.jobs)?.['api-diff']) ?? {};
const steps = asArray(job.steps).map((s) => asObject(s) ?? {});
const runs = steps.map((s) => asString(s.run)).filter((r): r is string => r !== undefined);
const makefile = readFileSync(join(ROOT, 'Makefile'), 'utf8');

function uses(prefix: string): JsonObject | undefined {
  return steps.find((s) => asString(s.uses)?.startsWith(prefix));
}

describe('.github/workflows/api-diff.yml', () => {
  it('runs on pull_request with least privileges', () => {
    expect(asObject(workflow.on)?.pull_request).toBeDefined();
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('checks out full history and sets up Node 20 with the npm cache', () => {
    expect(asObject(uses('actions/checkout@')?.with)?.['fetch-depth']).toBe(0);
    const node = asObject(uses('actions/setup-node@')?.with);
    expect(String(node?.['node-version'])).toBe('20');
    expect(node?.cache).toBe('npm');
    expect(runs.some((r) => /^npm ci\b/.test(r))).toBe(true);
  });

  it('runs make check and the diff against the base branch', () => {
    expect(runs).toContain('make check');
    expect(
      runs.some((r) => /make -s diff BASE="origin\/\$BASE_REF" FORMAT=markdown FAIL_ON=none > diff\.md/.test(r)),
    ).toBe(true);
    const env = steps.map((s) => asObject(s.env)?.BASE_REF).filter(Boolean);
    expect(env).toContain('${{ github.base_ref }}');
  });

  it('every make target it runs exists in the Makefile', () => {
    const targets = runs.flatMap((r) => [...r.matchAll(/\bmake((?:\s+-\S+)*)\s+([a-z][\w-]*)/g)].map((m) => m[2]));
    expect(targets.length).toBeGreaterThanOrEqual(2);
    for (const target of targets) {
      expect(makefile).toMatch(new RegExp(`^${target}:`, 'm'));
    }
  });

  it('updates one marked comment in place and gates breaking changes on a label', () => {
    const script = asString(asObject(uses('actions/github-script@')?.with)?.script) ?? '';
    expect(script).toContain('<!-- api-diff -->');
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
    const gate = steps.find((s) => asString(s.name)?.startsWith('Fail on'));
    expect(asString(gate?.if)).toContain('breaking');
    expect(asString(asObject(gate?.env)?.APPROVED)).toContain('labels');
    expect(asString(gate?.run)).toContain('exit 1');
  });

  it('the diff target runs the compiler check and the version check (the comment carries both sections)', () => {
    const recipe = /^diff:.*\n\t(.*)$/m.exec(makefile)?.[1] ?? '';
    expect(recipe).toContain('diff/cli.ts');
    expect(recipe).toContain('--check-version');
    expect(recipe).not.toContain('--rules-only');
  });

  it('its verdict step counts compiler breaks and reads the version check from the JSON report', () => {
    const verdict = steps.find((s) => asString(s.name) === 'API diff (verdict)');
    const script = asString(verdict?.run) ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'api-diff-workflow-'));
    try {
      // A stand-in for make that prints a report: no rule fired, the compiler found two breaks, no version bump.
      const report = {
        summary: { breaking: 0, warning: 0, info: 0, compiler: 2 },
        verdict: 'breaking',
        version: { ok: false, message: 'bump it' },
      };
      writeFileSync(join(dir, 'make'), `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(report)}\nJSON\n`);
      chmodSync(join(dir, 'make'), 0o755);
      const output = join(dir, 'out');
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-e', '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, BASE_REF: 'main', GITHUB_OUTPUT: output },
      });
      expect(result.stderr).toBe('');
      expect(readFileSync(output, 'utf8')).toBe('breaking=2\nversion_ok=false\nversion_message=bump it\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const gate = steps.find((s) => asString(s.name) === 'Fail on a missing version bump');
    expect(asString(gate?.if)).toBe("steps.verdict.outputs.version_ok != 'true'");
    expect(asString(gate?.run)).toContain('exit 1');
  });
});

describe('.github/workflows/ci.yml', () => {
  const ci = asObject(parseYaml(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8'))) ?? {};
  const test = asObject(asObject(ci.jobs)?.test) ?? {};
  const ciSteps = asArray(test.steps).map((s) => asObject(s) ?? {});
  const ciRuns = ciSteps.map((s) => asString(s.run)).filter((r): r is string => r !== undefined);
  const ciRun = readFileSync(join(ROOT, '.ci/run'), 'utf8');
  const commands = ciRun.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));

  it('runs on pull requests and on pushes to main, read-only', () => {
    const on = asObject(ci.on);
    expect(on && 'pull_request' in on).toBe(true);
    expect(asArray(asObject(on?.push)?.branches)).toEqual(['main']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('tests on Node 20, 22 and 24, each job running the consumer matrix on its own Node', () => {
    const include = asArray(asObject(asObject(test.strategy)?.matrix)?.include) ?? [];
    expect(include.map((row) => asObject(row)?.node)).toEqual([20, 22, 24]);
    expect(include.every((row) => String(asObject(row)?.consumer).startsWith(`${asObject(row)?.node}.`))).toBe(true);
    const node = asObject(ciSteps.find((s) => asString(s.uses)?.startsWith('actions/setup-node@'))?.with);
    expect(node?.['node-version']).toBe('${{ matrix.node }}');
    // An npm cache restored by setup-node would hide a missing install step, the very thing .ci/run guards.
    expect(node?.cache).toBeUndefined();
    expect(ciSteps.some((s) => asString(s.uses)?.startsWith('actions/checkout@'))).toBe(true);
  });

  it('runs .ci/run, and nothing else', () => {
    expect(ciRuns).toEqual(['.ci/run']);
    expect(statSync(join(ROOT, '.ci/run')).mode & 0o111).not.toBe(0);
  });

  it(".ci/run installs into an empty npm cache and HOME, then runs the README's test command", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const testCommand = /^(make test)\s+#/m.exec(readme)?.[1];
    expect(testCommand).toBe('make test');
    // The README's command, after the install; the consumer matrix runs after it.
    const install = commands.findIndex((l) => /^npm ci\b/.test(l));
    const test = commands.findIndex((l) => l.trim() === testCommand);
    expect(test).toBeGreaterThan(install);
    expect(ciRun).toMatch(/^scratch="\$\(mktemp -d\)"$/m);
    expect(ciRun).toMatch(/^export npm_config_cache="\$scratch\/[^"]+"$/m);
    expect(ciRun).toMatch(/^export HOME="\$scratch\/[^"]+"$/m);
    const cache = commands.findIndex((l) => l.startsWith('export npm_config_cache='));
    expect(install).toBeGreaterThan(cache);
    expect(cache).toBeGreaterThan(-1);
  });
});
