// A minimal client of TypeScript's tsserver: its JSON protocol over stdio (one request a line in; answers and
// events framed by Content-Length out), enough to open a file and ask what an editor asks.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { onFrames } from './frames.js';

interface Answer {
  type: 'response' | 'event';
  request_seq?: number;
  success?: boolean;
  message?: string;
  body?: unknown;
}

export interface TsServer {
  /** Sends a request and resolves its response body; rejects when tsserver reports a failure. */
  request<T = unknown>(command: string, args: object): Promise<T>;
  close(): Promise<void>;
}

/** Starts `node <tsserverJs>` with no typings installer, as an editor would for one project. */
export function startTsServer(tsserverJs: string): TsServer {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [tsserverJs, '--disableAutomaticTypingAcquisition', '--suppressDiagnosticEvents'],
    { stdio: 'pipe' },
  );
  const pending = new Map<number, { resolve: (body: unknown) => void; reject: (err: Error) => void }>();
  let seq = 0;
  onFrames(child.stdout, (message) => {
    const answer = message as Answer;
    const waiter = answer.type === 'response' ? pending.get(answer.request_seq!) : undefined;
    if (waiter) {
      pending.delete(answer.request_seq!);
      answer.success ? waiter.resolve(answer.body) : waiter.reject(new Error(`tsserver: ${answer.message}`));
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    request: <T>(command: string, args: object) =>
      new Promise<T>((resolve, reject) => {
        seq += 1;
        pending.set(seq, { resolve: resolve as (body: unknown) => void, reject });
        child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
      }),
    close: async () => {
      child.stdin.write(`${JSON.stringify({ seq: ++seq, type: 'request', command: 'exit' })}\n`);
      child.stdin.end();
      await exited;
    },
  };
}
