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

/** Starts the CLI with `args` and waits for the URL it prints; `stop()` sends SIGINT and resolves the exit code. */
async function serve(
  args: string[],
): Promise<{ url: string; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, run(args), { stdio: ['ignore', 'pipe', 'pipe'] });
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
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
  return { url, output: () => out, stop };
}

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const NETWORKS = '/networking/v1/networks?environment=env-1';
const preflight = (url: string, origin: string) =>
  fetch(`${url}${NETWORKS}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });

it('prints its URL, serves with the rate limit asked for, and stops on SIGINT with exit code 0', async () => {
  const stand = await serve(['--rate-limit', '5/s', '--provision-ms', '100']);
  const res = await fetch(`${stand.url}${NETWORKS}`, { headers: { authorization: 'Basic a2V5OnNlY3JldA==' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-ratelimit-limit')).toBe('5');
  expect(await stand.stop()).toBe(0);
  expect(stand.output()).toContain('stand-in stopped');
}, 90_000);

it('--credentials accepts only the keys named; --cors answers preflights from the origins named', async () => {
  const stand = await serve([
    ...['--credentials', 'KEY:SECRET', '--credentials', 'OTHER:with:colons'],
    ...['--cors', 'http://app.test', '--cors', 'https://admin.test:8443'],
  ]);
  try {
    const status = async (authorization: string) =>
      (await fetch(`${stand.url}${NETWORKS}`, { headers: { authorization } })).status;
    expect(await status(basic('KEY', 'SECRET'))).toBe(200);
    expect(await status(basic('OTHER', 'with:colons'))).toBe(200);
    expect(await status(basic('KEY', 'wrong'))).toBe(401);
    expect(await status(basic('WRONG', 'SECRET'))).toBe(401);

    for (const origin of ['http://app.test', 'https://admin.test:8443']) {
      const res = await preflight(stand.url, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization');
    }
    // Another origin's preflight is a plain call: no CORS headers, and the credentials are still asked for.
    const other = await preflight(stand.url, 'http://elsewhere.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.status).toBe(401);
  } finally {
    expect(await stand.stop()).toBe(0);
  }
}, 90_000);

it("--cors '*' allows every origin; without --credentials every well-formed key is accepted", async () => {
  const stand = await serve(['--cors', '*']);
  try {
    const res = await preflight(stand.url, 'http://elsewhere.test');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const call = await fetch(`${stand.url}${NETWORKS}`, { headers: { authorization: basic('some', 'key') } });
    expect(call.status).toBe(200);
  } finally {
    expect(await stand.stop()).toBe(0);
  }
}, 90_000);

it('--help names the new flags', () => {
  const r = spawnSync(process.execPath, run(['--help']), { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("[--credentials KEY:SECRET]... [--cors ORIGIN]... [--cors '*']");
}, 90_000);

it.each([
  [['--rate-limit', 'fast'], '--rate-limit must look like 50/s, got "fast"'],
  [['--credentials', 'KEYSECRET'], '--credentials must look like KEY:SECRET, got a value with no colon'],
  [['--credentials', ':SECRET'], '--credentials must look like KEY:SECRET, got a value with an empty key'],
  [['--credentials', 'KEY:'], '--credentials must look like KEY:SECRET, got a value with an empty secret'],
  [
    ['--cors', 'http://app.test/'],
    `--cors must be an origin such as http://localhost:5173 (scheme, host, port; no path) or '*', got "http://app.test/"`,
  ],
  [
    ['--cors', 'app.test'],
    `--cors must be an origin such as http://localhost:5173 (scheme, host, port; no path) or '*', got "app.test"`,
  ],
  [['--cors', '*', '--cors', 'http://app.test'], "--cors '*' allows every origin: drop the other --cors values"],
])(
  'a bad flag (%j) gets one clear line and exit code 1, no stack trace',
  (args, line) => {
    const r = spawnSync(process.execPath, run(args), { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`stand-in: ${line}`);
  },
  90_000,
);
