// Lifecycles as model facts: declared in x-sdk-lifecycle (our spec), inferred from the phase enum (any spec),
// and one clear line for a malformed extension.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { lifecycleOf } from '../../generator/stages/model/lifecycle.js';
import type { OpenApiDocument, SchemaObject } from '../../generator/openapi.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const schema: SchemaObject = {
  type: 'object',
  properties: {
    status: {
      type: 'object',
      properties: {
        phase: {
          type: 'string',
          'x-extensible-enum': ['PROVISIONING', 'PENDING_ACCEPT', 'READY', 'FAILED', 'DEPROVISIONING', 'DISCONNECTED'],
        },
        error_message: { type: 'string' },
      },
    },
  },
} as SchemaObject;
const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} } as OpenApiDocument;
const at = (op: Record<string, unknown>) => lifecycleOf({ doc, op, path: '/things/{id}', schema });

describe('lifecycle model', () => {
  it('infers from the status.phase enum when the spec declares nothing', () => {
    expect(at({})).toMatchObject({
      phase: ['status', 'phase'],
      errorMessage: ['status', 'error_message'],
      working: ['PROVISIONING', 'PENDING_ACCEPT'],
      settled: ['READY'],
      failed: ['FAILED'],
      deleting: ['DEPROVISIONING'],
      gone: [{ status: 404 }],
      create: { ms: 600_000 },
      declared: false,
    });
    expect(lifecycleOf({ doc, op: {}, path: '/x/{id}', schema: { type: 'object' } })).toBeUndefined();
  });

  it('reads x-sdk-lifecycle: phases, gone answers, durations and a limit by field', () => {
    const l = at({
      'x-sdk-lifecycle': {
        working: ['PROVISIONING'],
        settled: ['PENDING_ACCEPT', 'READY'],
        failed: ['FAILED'],
        gone: [{ status: 404 }, { status: 403, code: 'forbidden_access' }],
        timeouts: { create: { default: '1h', by: 'spec.config.kind', values: { Dedicated: '72h' } }, delete: '5h' },
        polling: { first: '5s', max: '60s' },
      },
    });
    expect(l).toMatchObject({
      settled: ['PENDING_ACCEPT', 'READY'],
      gone: [{ status: 404 }, { status: 403, code: 'forbidden_access' }],
      create: { ms: 3_600_000, by: { field: ['spec', 'config', 'kind'], ms: { Dedicated: 259_200_000 } } },
      delete: { ms: 18_000_000 },
      firstPollMs: 5_000,
      maxPollMs: 60_000,
      declared: true,
    });
  });

  it.each([
    [{ settled: [], timeouts: { create: '1h', delete: '1h' } }, /settled must name at least one phase/],
    [{ settled: ['READY'], timeouts: { create: '2 hours', delete: '1h' } }, /timeouts.create must be a duration/],
    [
      { settled: ['READY'], timeouts: { create: '1h', delete: '1h' }, gone: [{ status: 500 }] },
      /gone\[0\].status must be a 4xx/,
    ],
    [{ settled: ['READY'], timeouts: { create: '1h', delete: '1h' }, ready: ['READY'] }, /unknown key ready/],
    [{ settled: 'READY', timeouts: { create: '1h', delete: '1h' } }, /settled must be a list of phases/],
  ])('refuses a malformed extension with one line naming the operation (%#)', (ext, message) => {
    const e = (() => {
      try {
        at({ 'x-sdk-lifecycle': ext });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(GeneratorError);
    expect((e as Error).message).toMatch(
      /^x-sdk-lifecycle of GET \/things\/\{id\} \(#\/paths\/~1things~1\{id\}\/get\/x-sdk-lifecycle\): /,
    );
    expect((e as Error).message).toMatch(message);
    expect((e as Error).message).not.toContain('\n');
  });

  it('the CLI says it in one line, exits 1 and writes nothing', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lifecycle-'));
    const spec = readFileSync(path.join(ROOT, 'test/fixtures/generator/helper-inputs/openapi.yaml'), 'utf8').replace(
      '      operationId: readThing\n',
      '      operationId: readThing\n      x-sdk-lifecycle: { settled: [RUNNING], timeouts: { create: 2 hours, delete: 1h } }\n',
    );
    expect(spec).toContain('x-sdk-lifecycle');
    writeFileSync(path.join(dir, 'bad.yaml'), spec);
    const out = path.join(dir, 'out');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'generator/cli.ts', '--spec', path.join(dir, 'bad.yaml'), '--out', out],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/x-sdk-lifecycle of GET \/things\/\{name\} .*timeouts.create must be a duration/);
    expect(existsSync(out)).toBe(false);
  });
});
