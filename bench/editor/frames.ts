// Messages framed as `Content-Length: N\r\n\r\n<N bytes of JSON>`: how both tsserver and LSP servers answer.
import type { Readable } from 'node:stream';

/** Calls `handle` with each JSON message read from `stream`. */
export function onFrames(stream: Readable, handle: (message: unknown) => void): void {
  let buffer = Buffer.alloc(0);
  stream.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      const length = end < 0 ? undefined : /Content-Length: (\d+)/i.exec(buffer.toString('latin1', 0, end))?.[1];
      if (length === undefined || buffer.length < end + 4 + Number(length)) {
        return;
      }
      const body = buffer.toString('utf8', end + 4, end + 4 + Number(length));
      buffer = buffer.subarray(end + 4 + Number(length));
      handle(JSON.parse(body));
    }
  });
}

/** One message framed for a server that reads frames (LSP). */
export const frame = (message: object): string => {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
};
