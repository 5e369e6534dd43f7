// A baseUrl that is not an absolute http(s) URL is refused once, at construction; a failed connection names
// host:port; a port fetch will not use says so instead of "fetch failed".
import { describe, expect, it } from 'vitest';
import { APIClientError, ConfluentCloud, ConnectionError } from './fixtures/client.js';
import { deadPort } from './fixtures/server.js';

const creds = { apiKey: 'k', apiSecret: 's', pacing: false } as const;
const env = { environment: 'env-1' };

describe('baseUrl', () => {
  it.each(['127.0.0.1:4010', 'localhost:4010', 'api.confluent.cloud', 'ftp://example.com'])(
    'refuses %s at construction with one line',
    (baseUrl) => {
      const make = () => new ConfluentCloud({ ...creds, baseUrl });
      expect(make).toThrow(APIClientError);
      expect(make).toThrow(
        `baseUrl must be an absolute http:// or https:// URL (such as http://127.0.0.1:4010), not "${baseUrl}"`,
      );
    },
  );

  it('names host:port when the connection is refused', async () => {
    const baseUrl = await deadPort();
    const e = await new ConfluentCloud({ ...creds, baseUrl, maxRetries: 0 }).networks
      .get('n-1', env)
      .catch((e: unknown) => e);
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toContain(`connection to ${new URL(baseUrl).host} failed: ECONNREFUSED`);
  });

  it('says when fetch refuses the port itself', async () => {
    let calls = 0;
    const cc = new ConfluentCloud({
      ...creds,
      baseUrl: 'http://127.0.0.1:6000',
      maxRetries: 0,
      fetch: (r, i) => {
        calls++;
        return fetch(r, i);
      },
    });
    const e = await cc.networks.get('n-1', env).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toContain(
      'connection to 127.0.0.1:6000 failed: port 6000 is one fetch refuses to use',
    );
    expect(calls).toBe(1);
  });
});
