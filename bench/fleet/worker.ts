// One process of the fleet bench and of test/runtime/redis.test.ts: COUNT GETs, all at once, through its own
// client on runtime/ (or bare openapi-fetch). Says "ready", waits for "go" on stdin (so the fleet starts
// together), then prints {"failed", "ms", "first"} as its last line.
// argv: baseUrl mode(default|shared|bottleneck|bare|off) count [redisUrl budget]
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/src/schema.js';
import { ConfluentCloud } from '../../test/runtime/fixtures/client.js';
import type { ClientOptions, Pacer } from '../../runtime/index.js';

const [baseUrl, mode, count, redisUrl, budget] = process.argv.slice(2);

async function bottleneck(): Promise<{ pacer: Pacer; stop: () => Promise<void> }> {
  const { default: Bottleneck } = await import('bottleneck');
  const { bottleneckPacer } = await import('../../runtime/pacing-bottleneck.js');
  const url = new URL(redisUrl);
  // Set up as runtime/README.md showed it: the reservoir at the server's limit (100 a second, burst 100).
  const limiter = new Bottleneck({
    id: budget,
    datastore: 'ioredis',
    clientOptions: { host: url.hostname, port: Number(url.port) },
    clearDatastore: false,
    maxConcurrent: 10,
    reservoir: 100,
    reservoirIncreaseInterval: 100,
    reservoirIncreaseAmount: 10,
    reservoirIncreaseMaximum: 100,
  });
  await limiter.ready();
  return { pacer: bottleneckPacer(limiter), stop: () => limiter.disconnect() };
}

let call: () => Promise<unknown>;
let stop = async () => {};
if (mode === 'bare') {
  const bare = createClient<paths>({ baseUrl, headers: { Authorization: `Basic ${btoa('key:secret')}` } });
  call = async () => {
    const { error, response } = await bare.GET('/networking/v1/networks/{id}', {
      params: { path: { id: 'n-1' }, query: { environment: 'env-1' } },
    });
    if (error) {
      throw new Error(`status ${response.status}`);
    }
  };
} else {
  let pacing: ClientOptions['pacing'];
  if (mode === 'shared') {
    // The fleet starts together: connect before saying ready (a busy machine may take seconds to), so no
    // process starts on the in-process fallback. A URL works too; the tests of the fallback use one.
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    await new Promise((ok) => redis.once('ready', ok));
    pacing = { redis, budget };
    stop = async () => {
      redis.disconnect();
    };
  } else if (mode === 'bottleneck') {
    const b = await bottleneck();
    pacing = b.pacer;
    stop = b.stop;
  } else {
    pacing = mode !== 'off';
  }
  const cc = new ConfluentCloud({ apiKey: 'key', apiSecret: 'secret', baseUrl, pacing });
  call = () => cc.networks.get('n-1', { environment: 'env-1' });
}
console.log('ready');
await new Promise((ok) => process.stdin.once('data', ok));
const t = performance.now();
let pending = Number(count);
// A variant that stalls (Bottleneck's clustering did, at 16 processes) is reported, not waited for forever.
const DEADLINE_MS = 60_000;
const timer = setTimeout(() => {
  console.log(
    JSON.stringify({ failed: pending, ms: performance.now() - t, first: `${pending} calls unfinished after 60 s` }),
  );
  process.exit(0);
}, DEADLINE_MS);
const results = await Promise.allSettled(Array.from({ length: Number(count) }, () => call().finally(() => pending--)));
clearTimeout(timer);
const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
console.log(
  JSON.stringify({ failed: failed.length, ms: performance.now() - t, first: failed[0] && String(failed[0].reason) }),
);
await stop();
process.stdin.destroy();
process.exit(0);
