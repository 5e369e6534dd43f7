// Bad input exits 2 with one line that names the file (and the position when there is one); no stack.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'api-diff-cli-'));
const good = relative(ROOT, join(FIXTURES, 'operation-added/base.yaml'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(pattern);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .*:\d+:\d+\)/);
}

describe('bad input', { timeout: 120_000 }, () => {
  it('a YAML syntax error names file, line and column', () => {
    const bad = file('bad.yaml', 'openapi: 3.0.3\ninfo: { title: t\npaths: {}\n');
    const result = runCli(['--base', good, '--head', bad]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLine(result.stderr, new RegExp(`^api-diff: ${bad}:\\d+:\\d+: YAML syntax error: `));
  });

  it('an unresolvable $ref names the file holding it and where', () => {
    const bad = file(
      'ref.yaml',
      "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: './missing.yaml#/ok' }\n",
    );
    const result = runCli(['--base', bad, '--head', good]);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr, new RegExp(`^api-diff: ${bad}:7:\\d+: Can't resolve \\$ref`));
  });

  it('a missing file, a Swagger 2 file, and bad options', () => {
    const missing = runCli(['--base', good, '--head', 'nope/openapi.yaml']);
    expect(missing.status).toBe(2);
    expectOneLine(missing.stderr, /^api-diff: nope\/openapi\.yaml: file not found\n$/);

    const swagger = file('swagger.yaml', "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\n");
    const old = runCli(['--base', swagger, '--head', good]);
    expect(old.status).toBe(2);
    expectOneLine(old.stderr, new RegExp(`^api-diff: ${swagger}: `));

    const format = runCli(['--base', good, '--head', good, '--format', 'xml']);
    expect(format.status).toBe(2);
    expectOneLine(format.stderr, /--format must be one of markdown, json, github/);
    expect(runCli(['--head', good]).status).toBe(2);
  });

  it('identical specs exit 0 with no changes, and the compiler finds nothing', () => {
    const result = runCli(['--base', good, '--head', good, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      summary: { breaking: 0, warning: 0, info: 0, compiler: 0 },
      verdict: 'compatible',
      semver: 'none',
      changes: [],
      compiler: { status: 'checked', checked: { methods: 1, types: 24 }, breaking: [] },
    });
  });
});
