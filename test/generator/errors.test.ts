// Bad input: one clear line naming the file and the place, exit code 1, no stack trace, OUT untouched.
// These all fail before the write step; a write that fails midway is test/generator/write.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/generator-errors';

function generate(spec: string, out: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'generator/cli.ts', '--spec', spec, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

// Each case starts node with tsx: seconds on a busy 2-core machine, well past vitest's 5 s default.
describe('bad input', { timeout: 60_000 }, () => {
  it.each([
    ['invalid-yaml.yaml', /invalid-yaml\.yaml:\d+:\d+: invalid YAML\/JSON/],
    [
      'unresolved-ref.yaml',
      /unresolved-ref\.yaml:11:\d+ \(#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\): unresolved \$ref/,
    ],
    [
      'unresolved-ref.json',
      /unresolved-ref\.json \(#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\): unresolved \$ref: #\/components\/schemas\/Gone/,
    ],
    [
      'unresolved-percent-ref.yaml',
      /unresolved-percent-ref\.yaml:\d+:\d+ \(#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\): unresolved \$ref: #\/paths\/~1chargers~1%7BchargerId%7D\/get\/responses\/200$/m,
    ],
    [
      'percent-name.json',
      /percent-name\.json \(#\/components\/schemas\/Done100%\): the name "Done100%" has a % that starts no percent-escape/,
    ],
    [
      'parameter-in-body.yaml',
      /parameter-in-body\.yaml \(#\/paths\/~1a\/post\/parameters\/0\): a parameter needs a name and an "in" of path, query, header or cookie \(got "body"\)/,
    ],
    ['openapi-version.yaml', /openapi-version\.yaml: Unsupported OpenAPI version: 2\.5\.0$/m],
    ['swagger-2.yaml', /swagger-2\.yaml \(#\/swagger\): Swagger 2\.0 is not supported/],
    ['does-not-exist.yaml', /does-not-exist\.yaml: spec file not found/],
  ])('%s', (file, message) => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'gen-err-'));
    const out = path.join(parent, 'out');
    mkdirSync(path.join(out, 'src'), { recursive: true });
    writeFileSync(path.join(out, 'src', 'keep.ts'), 'export const before = 1;\n');
    const r = generate(`${FIXTURES}/${file}`, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing was written: the previous output is as it was, and nothing was staged beside it.
    expect(readdirSync(out, { recursive: true })).toEqual(['src', path.join('src', 'keep.ts')]);
    expect(readFileSync(path.join(out, 'src', 'keep.ts'), 'utf8')).toBe('export const before = 1;\n');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('an output folder that cannot be written is one line too', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'gen-err-'));
    writeFileSync(path.join(parent, 'a-file'), 'not a folder\n');
    const r = generate('test/fixtures/generator/responses/openapi.yaml', path.join(parent, 'a-file', 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^error: cannot write .*a-file\/out: E[A-Z]+ /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown flag is a usage error (exit 2)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'generator/cli.ts', '--nope'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--nope'/);
  });
});
