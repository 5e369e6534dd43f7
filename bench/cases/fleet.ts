// Many processes, one rate limit: P worker processes, each with its own client, make N GETs at once against one
// loopback token bucket (100 req/s, burst 100; 429 with Retry-After, X-RateLimit-Remaining and a relative
// X-RateLimit-Reset, in whole seconds). Variants: each process pacing alone (the default), pacing shared
// through Redis (`pacing: { redis, budget }`), the old Bottleneck adapter, and bare openapi-fetch.
// Wall time is from "go" to the last call's end in the slowest process (process start-up excluded).
import { execSync } from 'node:child_process';
import os from 'node:os';
import { fleet, startRedis } from '../fleet/run.js';
import { bucketServer } from '../../test/runtime/fixtures/bucket.js';

const RATE = 100;
const BURST = 100;
const SHAPES = [
  { processes: 4, calls: 150 },
  { processes: 16, calls: 50 },
];
const MODES = [
  ['default', 'default (each process paces alone)'],
  ['shared', 'shared through Redis (`pacing: { redis, budget }`)'],
  ['bottleneck', 'old `bottleneckPacer` (Bottleneck clustering, reservoir at the limit)'],
  ['bare', 'bare openapi-fetch'],
] as const;

/** Script calls Redis ran (EVAL + EVALSHA), from INFO commandstats. */
const scriptCalls = (port: number) =>
  execSync(`redis-cli -p ${port} INFO commandstats`)
    .toString()
    .split('\n')
    .filter((l) => /^cmdstat_eval(sha)?:/.test(l))
    .reduce((sum, l) => sum + Number(/calls=(\d+)/.exec(l)![1]), 0);

export default async function (): Promise<string> {
  const rows: string[] = [];
  const loads: number[] = [os.loadavg()[0]];
  let target = '';
  for (const { processes, calls } of SHAPES) {
    const n = processes * calls;
    const ideal = (n - BURST) / RATE;
    for (const [mode, label] of MODES) {
      const redis = await startRedis();
      const bucket = await bucketServer({ rate: RATE, burst: BURST });
      try {
        const { results } = await fleet({
          baseUrl: bucket.url,
          mode,
          processes,
          calls,
          redisUrl: redis.url,
          budget: `bench-${mode}`,
        });
        const failed = results.reduce((s, r) => s + r.failed, 0);
        const wall = Math.max(...results.map((r) => r.ms)) / 1000;
        const scripts = mode === 'shared' || mode === 'bottleneck' ? (scriptCalls(redis.port) / n).toFixed(2) : '–';
        rows.push(
          `| ${processes} × ${calls} | ${label} | ${failed} | ${bucket.refused} (${((100 * bucket.refused) / n).toFixed(1)} %) | ${wall.toFixed(2)} s | ${(wall / ideal).toFixed(2)}× | ${scripts} |`,
        );
        if (processes === 4 && mode === 'shared') {
          const ok = (b: boolean) => (b ? '✅ pass' : '❌ fail');
          target = [
            '| target (shared, 4 × 150) | measured | result |',
            '|---|---:|---|',
            `| 0 failures | ${failed} | ${ok(failed === 0)} |`,
            `| 429s ≤ 2 % of ${n} (${n * 0.02}) | ${bucket.refused} | ${ok(bucket.refused <= n * 0.02)} |`,
            `| wall time ≤ 1.15× ideal | ${(wall / ideal).toFixed(2)}× | ${ok(wall <= 1.15 * ideal)} |`,
          ].join('\n');
        }
      } finally {
        await bucket.close();
        await redis.stop();
      }
      loads.push(os.loadavg()[0]);
    }
  }
  return [
    '## Fleet: many processes, one rate limit',
    '',
    `P processes × N GETs (all at once, each process its own client) against one loopback token bucket at ${RATE} req/s (burst ${BURST}; whole-second Retry-After and relative X-RateLimit-Reset). ` +
      `Ideal wall time (P·N − burst) / rate. Wall time: from "go" to the end of the slowest process's last call. ` +
      `Redis scripts per call: EVAL/EVALSHA calls Redis ran, divided by the calls. ` +
      `Load average (1 min) during the run: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores.`,
    '',
    '| processes × calls | variant | failed | 429s | wall time | × ideal | Redis scripts per call |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    target,
  ].join('\n');
}
