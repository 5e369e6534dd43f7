// Pacing shared between processes through Redis (Bottleneck's clustering): two worker processes, one token
// bucket at the server, zero failures. Starts its own redis-server on 127.0.0.1; installs Debian's package
// first when it is missing, and skips (saying why) only when that install fails.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketServer } from './fixtures/bucket.js';

const INSTALL = 'command -v redis-server || (apt-get update && apt-get install -y redis-server)';
let redis: ChildProcess | undefined;
let port = 0;
let missing = '';

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

beforeAll(async () => {
  try {
    execSync(INSTALL, { stdio: 'ignore', timeout: 300_000 });
  } catch {
    missing = `redis-server is not installed and \`${INSTALL}\` failed`;
    return;
  }
  port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('redis-server did not start in 10 s')), 10_000);
    redis!.stdout!.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('Ready to accept connections')) {
        clearTimeout(timer), ok();
      }
    });
    redis!.on('exit', (code) => fail(new Error(`redis-server exited with ${code}`)));
  });
}, 320_000);

afterAll(() => {
  redis?.kill();
});

interface Result {
  failed: number;
  ms: number;
  first?: string;
}

/** Starts the workers, and once all have said they are ready, tells them to go together. */
async function workers(argsList: string[][]): Promise<Result[]> {
  const children = argsList.map((args) =>
    spawn(process.execPath, ['--import', 'tsx', 'test/runtime/fixtures/redis-worker.ts', ...args], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map(() => ({ text: '' }));
  const ready = children.map(
    (child, i) =>
      new Promise<void>((ok) =>
        child.stdout.on('data', (c: Buffer) => ((outputs[i].text += c), outputs[i].text.startsWith('ready') && ok())),
      ),
  );
  const done = children.map(
    (child, i) =>
      new Promise<Result>((ok, fail) =>
        child.on('exit', (code) =>
          code
            ? fail(new Error(`worker exited with ${code}`))
            : ok(JSON.parse(outputs[i].text.trim().split('\n').pop()!)),
        ),
      ),
  );
  await Promise.all(ready);
  for (const child of children) {
    child.stdin.write('go\n');
  }
  return Promise.all(done);
}

describe('pacing shared through Redis', () => {
  it('two worker processes share one token bucket with zero failures', async (ctx) => {
    if (missing) {
      return ctx.skip(missing);
    }
    // Answers take 30 ms, so that the concurrency the two workers share shows at the server.
    const bucket = await bucketServer({ rate: 50, burst: 50, delayMs: 30 });
    try {
      const id = `cc-test-${process.pid}-${Date.now()}`;
      const results = await workers([
        [bucket.url, String(port), id, '100', 'shared'],
        [bucket.url, String(port), id, '100', 'shared'],
      ]);
      const took = Math.max(...results.map((r) => r.ms));
      expect(results.map((r) => r.failed)).toEqual([0, 0]);
      expect(bucket.served).toBe(200);
      // The 2 % target is the bench's; two processes on a busy 2-core machine see answers late (6 seen in CI's
      // run). Unpaced, a burst like this draws over 30 (pacing.test.ts); sharing is proven by the in-flight count below.
      expect(bucket.refused).toBeLessThanOrEqual(16);
      // One concurrency count for both processes (maxConcurrent 8), not 8 each.
      expect(bucket.maxInFlight).toBeLessThanOrEqual(8);
      expect(took).toBeGreaterThanOrEqual(2500); // (200 - 50) / 50 s at the server's rate
    } finally {
      await bucket.close();
    }
  }, 60_000);

  it('without pacing, the same two workers draw many 429s (the test above can fail)', async (ctx) => {
    if (missing) {
      return ctx.skip(missing);
    }
    const bucket = await bucketServer({ rate: 50, burst: 50 });
    try {
      const results = await workers([
        [bucket.url, String(port), 'unused', '100', 'none'],
        [bucket.url, String(port), 'unused', '100', 'none'],
      ]);
      expect(results.length).toBe(2);
      expect(bucket.refused).toBeGreaterThan(20);
    } finally {
      await bucket.close();
    }
  }, 60_000);
});
