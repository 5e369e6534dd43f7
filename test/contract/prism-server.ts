// A local stand-in for the API: Prism mocking the bundled spec on 127.0.0.1, with request validation
// turned into errors (--errors), so a request that breaks the spec fails loudly. Used by the contract tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface MockServer {
  url: string;
  port: number;
  /** Prism's log lines (violations show up here). */
  log: string[];
  stop(): Promise<void>;
}

export interface MockOptions {
  spec: string;
  /** A fixed port; by default a free one is picked. */
  port?: number;
  startTimeoutMs?: number;
}

export async function startMock(options: MockOptions): Promise<MockServer> {
  const port = options.port ?? (await freePort());
  if (options.port !== undefined && !(await isFree(options.port))) {
    throw new Error(
      `port ${options.port} on 127.0.0.1 is busy: stop whatever uses it, or leave the port unset to pick a free one`,
    );
  }
  const bin = path.join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');
  const child = spawn(
    process.execPath,
    [bin, 'mock', options.spec, '--host', '127.0.0.1', '--port', String(port), '--errors'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) {
        // Prism colours its log; the escape character is what a colour code starts with.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour codes is the point
        log.push(line.replace(/\x1b\[[0-9;]*m/g, ''));
      }
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await waitUntilListening(child, log, options.startTimeoutMs ?? 60_000);
  return { url: `http://127.0.0.1:${port}`, port, log, stop: () => stop(child) };
}

function waitUntilListening(child: ChildProcess, log: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`Prism did not start within ${timeoutMs} ms:\n${log.slice(-10).join('\n')}`)),
      timeoutMs,
    );
    const onData = (): void => {
      if (log.some((l) => /Prism is listening/.test(l))) {
        done();
      }
    };
    const onExit = (code: number | null): void =>
      done(new Error(`Prism exited (code ${code}) before listening:\n${log.slice(-10).join('\n')}`));
    const done = (err?: Error): void => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (err) {
        child.kill();
        reject(err);
      } else {
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
