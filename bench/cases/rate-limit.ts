// Rate limit: 600 GETs with 64 in flight against a loopback server limited to 100 req/s (token bucket, burst
// 100), which answers 429 with Retry-After and X-RateLimit-* headers in whole seconds, as real servers do.
// Variants, interleaved in rounds, each against a fresh (full) bucket: bare openapi-fetch; the Stainless policy
// (each call retried on its own, twice, after Retry-After); our generated client with its default options.
import os from 'node:os';
import createClient from 'openapi-fetch';
import { ConfluentCloud, type paths } from '../../generated/src/index.js';
import { bucketServer } from '../../test/runtime/fixtures/bucket.js';

const N = 600;
const IN_FLIGHT = 64;
const RATE = 100;
const BURST = 100;
const ROUNDS = 2;
const IDEAL_S = (N - BURST) / RATE;
const ID = 'n-1';
const QUERY = { environment: 'env-1' };
const AUTH = { Authorization: `Basic ${btoa('key:secret')}` };

type Call = () => Promise<unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function variants(baseUrl: string): Record<string, Call> {
  const bare = createClient<paths>({ baseUrl, headers: AUTH });
  const get = async () => {
    const { data, error, response } = await bare.GET('/networking/v1/networks/{id}', {
      params: { path: { id: ID }, query: QUERY },
    });
    if (error) {
      throw Object.assign(new Error(`status ${response.status}`), { response });
    }
    return data;
  };
  const ours = new ConfluentCloud({ apiKey: 'key', apiSecret: 'secret', baseUrl });
  return {
    'bare openapi-fetch': get,
    'Stainless policy (2 retries per call after Retry-After)': async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await get();
        } catch (e) {
          const res = (e as { response?: Response }).response;
          if (attempt === 2 || res?.status !== 429) {
            throw e;
          }
          await sleep(Number(res.headers.get('retry-after') || 1) * 1000);
        }
      }
    },
    'our client (default options)': () => ours.networks.get(ID, QUERY),
  };
}

/** N calls, IN_FLIGHT workers pulling from one queue. */
async function run(call: Call): Promise<{ failed: number; wallS: number }> {
  let next = 0;
  let failed = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < N) {
        next++;
        await call().catch(() => failed++);
      }
    }),
  );
  return { failed, wallS: (performance.now() - t) / 1000 };
}

export default async function (): Promise<string> {
  const names = Object.keys(variants('http://127.0.0.1:1'));
  const results: Record<string, { failed: number; refused: number; wallS: number }[]> = Object.fromEntries(
    names.map((n) => [n, []]),
  );
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const bucket = await bucketServer({ rate: RATE, burst: BURST });
      try {
        const { failed, wallS } = await run(variants(bucket.url)[name]);
        results[name].push({ failed, refused: bucket.refused, wallS });
      } finally {
        await bucket.close();
      }
      await sleep(200);
    }
  }
  const worst = (name: string) => ({
    failed: Math.max(...results[name].map((x) => x.failed)),
    refused: Math.max(...results[name].map((x) => x.refused)),
    wallS: Math.max(...results[name].map((x) => x.wallS)),
  });
  const ours = worst('our client (default options)');
  const pass = (ok: boolean) => (ok ? '✅ pass' : '❌ fail');
  return [
    "## Rate limit: pacing at the server's limit",
    '',
    `${N} GETs, ${IN_FLIGHT} in flight, loopback token-bucket server at ${RATE} req/s (burst ${BURST}; whole-second Retry-After and X-RateLimit-Reset). ` +
      `${ROUNDS} interleaved rounds per variant, each against a fresh bucket; the worst round is shown. Ideal wall time (N − burst) / rate = ${IDEAL_S.toFixed(1)} s. ` +
      `Load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (a variant that draws no 429 at all could not outrun the limit on this machine).`,
    '',
    '| variant | failed calls | 429s the server sent | wall time | × ideal |',
    '|---|---:|---:|---:|---:|',
    ...names.map((n) => {
      const w = worst(n);
      return `| ${n} | ${w.failed} | ${w.refused} | ${w.wallS.toFixed(2)} s | ${(w.wallS / IDEAL_S).toFixed(2)}× |`;
    }),
    '',
    '| target (ours) | measured | result |',
    '|---|---:|---|',
    `| 0 failures | ${ours.failed} | ${pass(ours.failed === 0)} |`,
    `| wall time ≤ 1.10× ideal | ${(ours.wallS / IDEAL_S).toFixed(2)}× | ${pass(ours.wallS <= 1.1 * IDEAL_S)} |`,
    `| 429s ≤ 2 % of N (${(N * 0.02).toFixed(0)}) | ${ours.refused} | ${pass(ours.refused <= N * 0.02)} |`,
  ].join('\n');
}
