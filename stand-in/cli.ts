#!/usr/bin/env node
/// <reference types="node" />
// `npx <package>-stand-in --port 4010 [--rate-limit 50/s] [--provision-ms 2000]`: the stand-in as a process.
import { parseArgs } from 'node:util';
import { corsFlag, credentialsFlag } from './flags.js';
import { startStandIn } from './index.js';

// parseArgs has no optional values, so every origin is spelled `--cors '*'` (quoted: the shell expands a bare *).
const USAGE = [
  'usage: stand-in [--port 4010] [--rate-limit 50/s] [--burst N] [--provision-ms 2000] [--deprovision-ms 500] [--seed N]',
  "                [--credentials KEY:SECRET]... [--cors ORIGIN]... [--cors '*']",
  '  --credentials  accept only this API key and secret (repeatable); others get a 401 (default: every well-formed one)',
  "  --cors         CORS for a page on this origin, e.g. http://localhost:5173 (repeatable); '*' allows every origin",
].join('\n');

async function main(): Promise<number> {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'rate-limit': { type: 'string' },
        burst: { type: 'string' },
        'provision-ms': { type: 'string' },
        'deprovision-ms': { type: 'string' },
        seed: { type: 'string' },
        credentials: { type: 'string', multiple: true },
        cors: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`stand-in: ${(err as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const num = (name: string): number | undefined => {
    const raw = values[name];
    if (raw === undefined) {
      return undefined;
    }
    const n = Number(raw);
    if (typeof raw !== 'string' || !Number.isFinite(n) || n < 0) {
      throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
    }
    return n;
  };
  try {
    const rate = values['rate-limit'] as string | undefined;
    const perSecond = rate === undefined ? undefined : Number(/^(\d+(?:\.\d+)?)(?:\/s)?$/.exec(rate)?.[1]);
    if (rate !== undefined && !(perSecond! > 0)) {
      throw new Error(`--rate-limit must look like 50/s, got "${rate}"`);
    }
    const stand = await startStandIn({
      port: num('port'),
      seed: num('seed'),
      rateLimit: perSecond ? { perSecond, burst: num('burst') } : undefined,
      phases: { provisionMs: num('provision-ms') ?? 2000, deprovisionMs: num('deprovision-ms') },
      credentials: credentialsFlag(values.credentials as string[] | undefined),
      cors: corsFlag(values.cors as string[] | undefined),
      log: (line) => console.log(line),
    });
    console.log(`stand-in listening on ${stand.url} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await stand.close();
    console.log('stand-in stopped');
    return 0;
  } catch (err) {
    console.error(`stand-in: ${(err as Error).message}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
