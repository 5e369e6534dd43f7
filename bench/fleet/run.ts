// Starts a fleet of worker processes (bench/fleet/worker.ts) and a redis-server on 127.0.0.1, for the bench
// and the shared-pacing tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const WORKER = path.join(import.meta.dirname, 'worker.ts');

export interface WorkerResult {
  failed: number;
  ms: number;
  first?: string;
}

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A throwaway redis-server on 127.0.0.1 (no persistence); `port` reuses one, to restart it in place. */
export async function startRedis(port?: number): Promise<RedisServer> {
  const p = port ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('redis-server did not start in 10 s')), 10_000);
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk;
      if (text.includes('Ready to accept connections')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.on('exit', (code) => fail(new Error(`redis-server exited with ${code}`)));
  });
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    process: child,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return ok();
        }
        child.once('exit', () => ok());
        child.kill('SIGKILL');
      }),
  };
}

export interface FleetOptions {
  baseUrl: string;
  mode: 'default' | 'shared' | 'bottleneck' | 'bare' | 'off';
  processes: number;
  calls: number;
  redisUrl?: string;
  budget?: string;
  /** Called once every worker has started its calls. */
  onGo?: () => void;
  /** Lines the workers write on stderr (warnings). */
  stderr?: string[];
}

/** Starts the workers; once all say they are ready, tells them to go together. */
export async function fleet(o: FleetOptions): Promise<{ results: WorkerResult[]; wallMs: number }> {
  const args = [o.baseUrl, o.mode, String(o.calls), o.redisUrl ?? '', o.budget ?? ''];
  const children = Array.from({ length: o.processes }, () =>
    spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  const outputs = children.map(() => '');
  const ready = children.map(
    (child, i) =>
      new Promise<void>((ok) => {
        child.stdout.on('data', (c: Buffer) => {
          outputs[i] += c;
          if (outputs[i].startsWith('ready')) {
            ok();
          }
        });
      }),
  );
  for (const child of children) {
    child.stderr.on('data', (c: Buffer) => o.stderr?.push(...String(c).split('\n').filter(Boolean)));
  }
  const done = children.map(
    (child, i) =>
      new Promise<WorkerResult>((ok, fail) =>
        child.on('exit', (code) => {
          if (code) {
            fail(new Error(`worker exited with ${code}: ${outputs[i]}`));
          } else {
            ok(JSON.parse(outputs[i].trim().split('\n').pop()!));
          }
        }),
      ),
  );
  await Promise.all(ready);
  const t = performance.now();
  for (const child of children) {
    child.stdin.write('go\n');
  }
  o.onGo?.();
  const results = await Promise.all(done);
  return { results, wallMs: performance.now() - t };
}
