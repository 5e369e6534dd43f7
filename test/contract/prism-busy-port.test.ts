// The Prism mock used by the contract tests refuses a busy port with a clear message instead of a stack trace or a hang.
import { createServer } from 'node:net';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startMock } from './prism-server.js';

it('a busy port gets a clear message', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    await expect(
      startMock({ spec: path.resolve(import.meta.dirname, '../../generated/openapi.json'), port }),
    ).rejects.toThrow(
      `port ${port} on 127.0.0.1 is busy: stop whatever uses it, or leave the port unset to pick a free one`,
    );
  } finally {
    blocker.close();
  }
});
