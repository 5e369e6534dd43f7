// Logging: what a debug log says about each attempt and wait, and that no credential ever reaches it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfluentCloud, type Logger } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const env = { environment: 'env-1' };
const SECRET = 'sEcReT-do-not-log-0987';
const TOKEN = 'tok-do-not-log-1234';
afterEach(() => vi.unstubAllEnvs());

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, error: keep('error'), warn: keep('warn'), info: keep('info'), debug: keep('debug') };
}

describe('logging', () => {
  it('logs each attempt at debug: method, path, status, request id, and each wait with its reason', async () => {
    const s = await serve((_, res, n) =>
      n === 1
        ? json(res, {}, { status: 503, headers: { 'retry-after': '0', 'x-request-id': 'r-1' } })
        : n === 2
          ? json(res, {}, { status: 503, headers: { 'x-request-id': 'r-2' } })
          : n === 3
            ? json(
                res,
                {},
                {
                  status: 429,
                  headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0', 'x-request-id': 'r-3' },
                },
              )
            : json(res, network('n-1'), { headers: { 'x-request-id': 'r-4' } }),
    );
    const logger = capture();
    const cc = new ConfluentCloud({
      apiKey: 'key',
      apiSecret: SECRET,
      baseUrl: s.url,
      logger,
      logLevel: 'debug',
      maxRetries: 3,
      pacing: false,
    });
    await cc.networks.get('n-1', env);
    const lines = logger.lines.filter((l) => l.startsWith('debug'));
    expect(lines[0]).toMatch(
      /^debug \[confluent-cloud-client\] GET \/networking\/v1\/networks\/n-1 → 503 \(request id r-1\), attempt 1 of 4, \d+ ms$/,
    );
    expect(lines[1]).toMatch(/GET \/networking\/v1\/networks\/n-1: attempt 2 after 0\.00 s \(Retry-After\)$/);
    expect(lines[2]).toContain('→ 503 (request id r-2), attempt 2 of 4');
    expect(lines[3]).toMatch(/attempt 3 after (0\.[7-9]\d|1\.00) s \(backoff\)$/);
    expect(lines[4]).toContain('→ 429 (request id r-3), attempt 3 of 4');
    expect(lines[5]).toMatch(/attempt 4 after 0\.00 s \(rate-limit reset\)$/);
    expect(lines[6]).toContain('→ 200 (request id r-4), attempt 4 of 4');
    expect(lines).toHaveLength(7);
  });

  it('never logs a secret, the Authorization header or credentials in a URL, at debug level', async () => {
    const s = await serve((_, res, n) =>
      n % 2 ? json(res, {}, { status: 503, headers: { 'retry-after': '0' } }) : json(res, network('n-1')),
    );
    const withCredentials = s.url.replace('http://', `http://user:${SECRET}@`);
    const logger = capture();
    const clients = [
      new ConfluentCloud({ apiKey: 'key', apiSecret: SECRET, baseUrl: s.url, logger, logLevel: 'debug' }),
      new ConfluentCloud({ accessToken: TOKEN, baseUrl: s.url, logger, logLevel: 'debug' }),
      new ConfluentCloud({ accessToken: async () => TOKEN, baseUrl: s.url, logger, logLevel: 'debug' }),
    ];
    for (const cc of clients) {
      await cc.networks.get('n-1', env);
      await cc.networks.list({ environment: 'env-1', page_token: SECRET });
    }
    const broken = new ConfluentCloud({
      apiKey: 'key',
      apiSecret: 'x',
      baseUrl: withCredentials,
      logger,
      logLevel: 'debug',
      maxRetries: 1,
    });
    const e = (await broken.networks.get('n-1', env).catch((e: unknown) => e)) as Error;
    const text = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThanOrEqual(12);
    expect(text).toContain('failed: '); // the URL with credentials was refused, and that was logged
    for (const secret of [SECRET, TOKEN, Buffer.from(`key:${SECRET}`).toString('base64')]) {
      expect(text).not.toContain(secret);
      expect(e.message).not.toContain(secret);
    }
    expect(text).not.toMatch(/authorization/i);
  });

  it('turns debug on from CONFLUENT_CLOUD_LOG, and logs nothing at debug by default', async () => {
    const s = await serve((_, res) => json(res, network('n-1')));
    const quiet = capture();
    vi.stubEnv('CONFLUENT_CLOUD_LOG', undefined);
    await new ConfluentCloud({ apiKey: 'key', apiSecret: 'secret', baseUrl: s.url, logger: quiet }).networks.get(
      'n-1',
      env,
    );
    expect(quiet.lines).toEqual([]);
    vi.stubEnv('CONFLUENT_CLOUD_LOG', 'debug');
    const loud = capture();
    await new ConfluentCloud({ apiKey: 'key', apiSecret: 'secret', baseUrl: s.url, logger: loud }).networks.get(
      'n-1',
      env,
    );
    expect(loud.lines).toHaveLength(1);
    expect(loud.lines[0]).toContain('GET /networking/v1/networks/n-1 → 200');
    const off = capture();
    await new ConfluentCloud({
      apiKey: 'key',
      apiSecret: 'secret',
      baseUrl: s.url,
      logger: off,
      logLevel: 'off',
    }).networks.get('n-1', env);
    expect(off.lines).toEqual([]);
  });

  it('logs rate-limit waits at info, as the progress hook hears them', async () => {
    const s = await serve((_, res, n) =>
      n === 1 ? json(res, {}, { status: 429, headers: { 'retry-after': '1' } }) : json(res, network('n-1')),
    );
    const logger = capture();
    const cc = new ConfluentCloud({ apiKey: 'key', apiSecret: 'secret', baseUrl: s.url, logger, logLevel: 'info' });
    await cc.networks.get('n-1', env);
    expect(logger.lines[0]).toMatch(
      /^info \[confluent-cloud-client\] rate limit: 1 calls waiting, resuming in (0\.9\d|1\.00) s \(retry-after\)$/,
    );
  });
});
