// A minimal Language Server Protocol client over stdio (JSON-RPC, framed both ways), enough to open one file and
// ask for completions; for `tsgo --lsp --stdio`, TypeScript 7's language server. Requests the server sends
// (configuration, progress, registrations) get an empty answer, as a client that supports none of them gives.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { frame, onFrames } from './frames.js';

interface Message {
  id?: number | string;
  method?: string;
  params?: { items?: unknown[] };
  result?: unknown;
  error?: { message: string };
}

export interface LspServer {
  request<T = unknown>(method: string, params?: object): Promise<T>;
  notify(method: string, params?: object): void;
  close(): Promise<void>;
}

/** Starts `command ...args`, then initializes it for the folder `root`. */
export async function startLsp(options: { command: string; args: string[]; root: string }): Promise<LspServer> {
  const child = spawn(options.command, options.args, { stdio: 'pipe' });
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (err: Error) => void }>();
  let id = 0;
  const send = (message: object): void => {
    child.stdin.write(frame({ jsonrpc: '2.0', ...message }));
  };
  onFrames(child.stdout, (raw) => {
    const m = raw as Message;
    if (m.method !== undefined && m.id !== undefined) {
      const result = m.method === 'workspace/configuration' ? (m.params?.items ?? []).map(() => null) : null;
      send({ id: m.id, result });
      return;
    }
    const waiter = typeof m.id === 'number' ? pending.get(m.id) : undefined;
    if (waiter) {
      pending.delete(m.id as number);
      m.error ? waiter.reject(new Error(`lsp: ${m.error.message}`)) : waiter.resolve(m.result);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: LspServer = {
    request: <T>(method: string, params?: object) =>
      new Promise<T>((resolve, reject) => {
        id += 1;
        pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
        send({ id, method, params });
      }),
    notify: (method, params) => send({ method, params }),
    close: async () => {
      // Both take no params: the server refuses even an empty object.
      await server.request('shutdown');
      server.notify('exit');
      child.stdin.end();
      await exited;
    },
  };
  const rootUri = pathToFileURL(options.root).href;
  await server.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } },
  });
  server.notify('initialized', {});
  return server;
}
