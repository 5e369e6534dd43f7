// The client reads the environment only for what it needs: nothing of the credentials' variables when credentials
// are passed, nothing of the log variable when logLevel is given. Deno with `--allow-env=<only mine>` throws on any
// other read; here a Proxy over process.env records each read, and can refuse them the way Deno does.
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../runtime/env.js';
import { ConfluentCloud } from './fixtures/client.js';

const realEnv = process.env;
afterEach(() => {
  process.env = realEnv;
});

/** Replaces process.env by one that records every name read; names in `refuse` throw like Deno's NotCapable. */
function watchEnv(values: Record<string, string>, refuse: string[] = []): string[] {
  const reads: string[] = [];
  process.env = new Proxy(values, {
    get(target, name) {
      // Only the client's names: the test runner reads its own while the test runs.
      if (typeof name === 'string' && name.startsWith('CONFLUENT_CLOUD_')) {
        reads.push(name);
        if (refuse.includes(name)) {
          throw new Error(`NotCapable: Requires env access to "${name}"`);
        }
      }
      return Reflect.get(target, name);
    },
  }) as NodeJS.ProcessEnv;
  return reads;
}

describe('environment', () => {
  it('reads nothing when credentials and logLevel are passed', () => {
    const reads = watchEnv({});
    new ConfluentCloud({ apiKey: 'k', apiSecret: 's', logLevel: 'warn' });
    new ConfluentCloud({ accessToken: 't', logLevel: 'off' });
    expect(reads).toEqual([]);
  });

  it('reads only the log variable when credentials are passed without logLevel, and survives its refusal', () => {
    const reads = watchEnv({}, ['CONFLUENT_CLOUD_LOG']);
    new ConfluentCloud({ apiKey: 'k', apiSecret: 's' });
    expect(reads).toEqual(['CONFLUENT_CLOUD_LOG']);
  });

  it('reads the credentials variables when no credentials are passed', () => {
    const reads = watchEnv({ CONFLUENT_CLOUD_API_KEY: 'k', CONFLUENT_CLOUD_API_SECRET: 's' });
    new ConfluentCloud({ logLevel: 'warn' });
    expect(new Set(reads)).toEqual(new Set(['CONFLUENT_CLOUD_API_KEY', 'CONFLUENT_CLOUD_API_SECRET']));
  });

  it('readEnv: unset, empty and unreadable are all undefined', () => {
    const p = 'CONFLUENT_CLOUD_';
    watchEnv({ [`${p}SET`]: 'v', [`${p}EMPTY`]: '' }, [`${p}REFUSED`]);
    expect([readEnv(`${p}SET`), readEnv(`${p}EMPTY`), readEnv(`${p}UNSET`), readEnv(`${p}REFUSED`)]).toEqual([
      'v',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
