// The corpus tooling's own logic: grouping keys, refusal detection, verdicts, the deterministic sample, and
// the openapi-typescript worker (a real child process) going on after a document it refuses.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isClearRefusal, normalise, parseTscErrors } from '../../corpus/causes.js';
import { ROOT } from '../../corpus/fetch.js';
import { classify, type DocResult } from '../../corpus/results.js';
import { pickSample } from '../../corpus/sample.js';
import { runBareBatch } from '../../corpus/steps.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('normalise', () => {
  it('puts messages that differ only in names, pointers, paths and numbers in one group', () => {
    const a =
      'error: .cache/corpus/x/api/1forge.com.json (#/paths/~1symbols/get): two operations map to the same client method forex.list (the other is #/paths/~1quotes/get); set x-sdk-resource / x-sdk-method';
    const b =
      'error: /abs/api/b.json (#/paths/~1a~1{id}/post): two operations map to the same client method things.create (the other is #/paths/~1b/post); set x-sdk-resource / x-sdk-method';
    expect(normalise(a, ['.cache/corpus/x/api/1forge.com.json'])).toBe(normalise(b, ['/abs/api/b.json']));
    expect(normalise("Cannot find name 'providerId'.")).toBe(normalise("Cannot find name 'orgId'."));
    expect(normalise("Cannot find name 'providerId'.")).not.toBe(
      normalise("Module '\"./core/index.js\"' has already exported a member named 'Page'."),
    );
  });
});

describe('parseTscErrors', () => {
  it('reads file, code and message of each error line', () => {
    const out =
      "src/a.ts(3,7): error TS2304: Cannot find name 'x'.\n  more text\nerror TS5058: The specified path does not exist: 'y'.\n";
    expect(parseTscErrors(out)).toEqual([
      { file: 'src/a.ts', code: 'TS2304', message: "Cannot find name 'x'." },
      { file: '', code: 'TS5058', message: "The specified path does not exist: 'y'." },
    ]);
  });
});

describe('isClearRefusal', () => {
  it('accepts one line with exit 1, and nothing that crashed', () => {
    expect(isClearRefusal(1, 'error: spec.yaml (#/paths): OPTIONS is not supported\n')).toBe(true);
    expect(isClearRefusal(1, 'internal error: TypeError: x is undefined\n    at f (a.ts:1:1)\n')).toBe(false);
    expect(isClearRefusal(1, 'TypeError: boom\n    at f (a.ts:1:1)\n')).toBe(false);
    expect(isClearRefusal(1, 'internal error: boom\n')).toBe(false);
    expect(isClearRefusal(2, 'error: one line\n')).toBe(false);
  });
});

describe('classify', () => {
  const base = (over: Partial<DocResult>): DocResult => ({
    id: 'a.json',
    file: 'a.json',
    ours: { generate: { ok: false, ms: 1, timedOut: false, error: 'error: a.json (#/x): bad thing', clear: true } },
    bare: { generate: { ok: false, ms: 1, timedOut: false, error: 'refused' } },
    ...over,
  });
  it('counts a clear refusal as handled only when openapi-typescript refuses too', () => {
    expect(classify(base({})).status).toBe('handled');
    expect(classify(base({ bare: { generate: { ok: true, ms: 1, timedOut: false } } })).status).toBe('generate-failed');
  });
  it('groups type-check failures by the first error code and its normalised message', () => {
    const r = classify(
      base({
        ours: {
          generate: { ok: true, ms: 1, timedOut: false },
          typecheck: {
            ok: false,
            ms: 1,
            timedOut: false,
            first: { file: 'f.ts', code: 'TS2304', message: "Cannot find name 'orgId'." },
          },
        },
      }),
    );
    expect(r).toMatchObject({ status: 'typecheck-failed', cause: "TS2304: Cannot find name '…'." });
  });
});

describe('pickSample', () => {
  it('is the same on every call, spread over the sorted list, and OpenAPI 3.x only', () => {
    const api = path.join(scratch, 'api');
    for (let i = 0; i < 40; i++) {
      const dir = path.join(api, `v${String(i).padStart(2, '0')}.com`);
      mkdirSync(dir, { recursive: true });
      // Every fourth document is Swagger 2.0 and must be skipped.
      writeFileSync(
        path.join(dir, 'openapi.json'),
        JSON.stringify(i % 4 === 0 ? { swagger: '2.0' } : { openapi: '3.0.0' }),
      );
    }
    const first = pickSample(api, 10);
    expect(first.population).toBe(40);
    expect(first.docs).toHaveLength(10);
    expect(pickSample(api, 10).docs).toEqual(first.docs);
    for (const d of first.docs) {
      expect(JSON.parse(readFileSync(d.file, 'utf8')).openapi).toBe('3.0.0');
    }
    expect(first.docs[0]!.id).toBe('v01.com/openapi.json');
    expect(first.docs.at(-1)!.id).toBe('v37.com/openapi.json');
  });
});

describe('runBareBatch', () => {
  it('runs openapi-typescript on each document and goes on after a refusal and after a time-out', async () => {
    const dir = path.join(scratch, 'bare');
    const jobs = [
      { spec: path.join(ROOT, 'spec/openapi.yaml'), out: path.join(dir, 'killed.ts') },
      { spec: path.join(scratch, 'missing.json'), out: path.join(dir, 'missing.ts') },
      { spec: path.join(ROOT, 'spec/openapi.yaml'), out: path.join(dir, 'ours.ts') },
    ];
    // 1 ms for the first document: its worker is killed, and a fresh one must take the rest.
    const steps = await runBareBatch(jobs, dir, (i) => (i === 0 ? 1 : 100_000));
    expect(steps[0]).toMatchObject({ ok: false, timedOut: true });
    expect(steps[1]).toMatchObject({ ok: false, timedOut: false });
    expect(steps[2]).toMatchObject({ ok: true });
    expect(readFileSync(jobs[2]!.out, 'utf8')).toContain('export interface paths');
  }, 200_000);
});
