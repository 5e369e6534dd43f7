// The stand-in's CLI, the package's `bin` (`npx confluent-cloud-stand-in`): prints its URL, serves, stops cleanly
// on Ctrl-C (SIGINT); bad flags get one line and exit code 1. Run from source through tsx (building dist/ takes
// half a minute on a shared machine); the bin's target is the same file compiled.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const GENERATED = path.join(ROOT, 'generated');
const CLI = path.join(GENERATED, 'src/testing/cli.ts');
const run = (args: string[]): string[] => ['--import', 'tsx', CLI, ...args];

it('the package names it as a bin, and it starts with a shebang', () => {
  const pkg = JSON.parse(readFileSync(path.join(GENERATED, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  expect(pkg.bin).toEqual({ 'confluent-cloud-stand-in': './dist/testing/cli.js' });
  expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

it('prints its URL, serves with the rate limit asked for, and stops on SIGINT with exit code 0', async () => {
  const child = spawn(process.execPath, run(['--rate-limit', '5/s', '--provision-ms', '100']), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 20 s:\n${out}`)), 20_000);
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const res = await fetch(`${url}/networking/v1/networks?environment=env-1`, {
    headers: { authorization: 'Basic a2V5OnNlY3JldA==' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-ratelimit-limit')).toBe('5');
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGINT');
  });
  expect(code).toBe(0);
  expect(out).toContain('stand-in stopped');
}, 90_000);

it('a bad flag gets one clear line and exit code 1, no stack trace', () => {
  const r = spawnSync(process.execPath, run(['--rate-limit', 'fast']), { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr.trim()).toBe('stand-in: --rate-limit must look like 50/s, got "fast"');
}, 90_000);
