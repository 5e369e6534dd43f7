// The defects an independent fault test found (issue 12), each against a real loopback server.
import { describe, expect, it } from 'vitest';
import { ConfluentCloud, InvalidResponseError } from './fixtures/client.js';
import { json, network, serve } from './fixtures/server.js';

const creds = { apiKey: 'key', apiSecret: 'secret' };
const env = { environment: 'env-1' };
const full = JSON.stringify(network('n-1'));

describe('a body that fails after the headers is retried like a failed connection', () => {
  it('retries a GET whose connection resets mid-body', async () => {
    const s = await serve((_, res, n) => {
      if (n > 1) {
        return json(res, network('n-1'));
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(full.length) });
      res.write(full.slice(0, 10));
      setTimeout(() => res.socket!.destroy(), 20);
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    await expect(cc.networks.get('n-1', env)).resolves.toMatchObject({ id: 'n-1' });
    expect(s.hits.length).toBe(2);
  });

  it('retries a GET whose body trickles past timeoutMs', async () => {
    const s = await serve((_, res, n) => {
      if (n > 1) {
        return json(res, network('n-1'));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
      const drip = setInterval(() => (res.writableEnded || res.destroyed ? clearInterval(drip) : res.write(' ')), 50);
      res.on('close', () => clearInterval(drip));
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url, timeoutMs: 400 });
    const t = Date.now();
    await expect(cc.networks.get('n-1', env)).resolves.toMatchObject({ id: 'n-1' });
    expect(s.hits.length).toBe(2);
    expect(Date.now() - t).toBeGreaterThanOrEqual(390);
  });

  it('still does not re-send a POST whose body failed (it may have been applied)', async () => {
    const s = await serve((_, res) => {
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': String(full.length) });
      res.write(full.slice(0, 10));
      setTimeout(() => res.socket!.destroy(), 20);
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const body = {
      spec: { cloud: 'AWS', region: 'us-east-1', connection_types: ['PRIVATELINK'], environment: { id: 'env-1' } },
    };
    await expect(cc.networks.create(body)).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(s.hits.length).toBe(1);
  });
});

describe('a 2xx whose body is not JSON', () => {
  it('gives InvalidResponseError with the status, headers, request id and the text', async () => {
    const html = '<html>maintenance</html>';
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'x-request-id': 'rid-7' });
      res.end(html);
    });
    const cc = new ConfluentCloud({ ...creds, baseUrl: s.url });
    const e = (await cc.networks.get('n-1', env).catch((e: unknown) => e)) as InvalidResponseError;
    expect(e).toBeInstanceOf(InvalidResponseError);
    expect(e.name).toBe('InvalidResponseError');
    expect([e.status, e.requestId, e.headers.get('content-type'), e.body]).toEqual([200, 'rid-7', 'text/html', html]);
    expect(e.message).toBe('GET /networking/v1/networks/n-1 → 200 with a body that is not JSON (request id rid-7)');
    expect(s.hits.length).toBe(1); // the server's answer, not a transport failure: not retried
  });
});

describe('an abort while an async accessToken is pending', () => {
  it('rejects at once with the reason and sends nothing', async () => {
    const s = await serve((_, res) => json(res, network('n-1')));
    const cc = new ConfluentCloud({
      accessToken: () => new Promise<string>((r) => setTimeout(() => r('tok'), 500)),
      baseUrl: s.url,
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort('stop'), 50);
    const t = Date.now();
    await expect(cc.networks.get('n-1', env, { signal: ac.signal })).rejects.toBe('stop');
    expect(Date.now() - t).toBeLessThan(400);
    await new Promise((r) => setTimeout(r, 700)); // the token has come by now: still nothing may go out
    expect(s.hits.length).toBe(0);
  });

  it('rejects promptly even when the token never comes', async () => {
    const s = await serve(() => {});
    const cc = new ConfluentCloud({
      accessToken: () => new Promise<string>(() => {}),
      baseUrl: s.url,
      timeoutMs: 20_000,
    });
    const ac = new AbortController();
    setTimeout(() => ac.abort('stop'), 50);
    const t = Date.now();
    await expect(cc.networks.get('n-1', env, { signal: ac.signal })).rejects.toBe('stop');
    expect(Date.now() - t).toBeLessThan(1000);
  });
});
