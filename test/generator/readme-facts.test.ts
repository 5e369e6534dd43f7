// The README states the runtime's defaults and the waiters' polling from their sources, not from hand-typed numbers:
// a spec whose lifecycle polls differently gets a README that says so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import * as defaults from '../../runtime/defaults.js';
import { durationText } from '../../generator/stages/render/durations.js';

const spec = (polling: string): string => `
openapi: 3.0.3
info: { title: Widgets, version: 1.0.0 }
paths:
  /widgets/{id}:
    get:
      operationId: getWidget
      x-sdk-lifecycle:
        settled: [READY]
        failed: [FAILED]
        timeouts: { create: 1h, delete: 1h }
        polling: ${polling}
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: { type: string }
                  status: { type: object, properties: { phase: { type: string, enum: [PROVISIONING, READY, FAILED] } } }
`;

async function readme(polling: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'readme-facts-')), 'openapi.yaml');
  writeFileSync(file, spec(polling));
  return (await generate({ spec: file })).get('README.md')!;
}

describe('README facts', () => {
  it.each([
    ['{ first: 2s, max: 30s }', '2 s', '30 s'],
    ['{ first: 10s, max: 5m }', '10 s', '5 min'],
  ])('polling %s reads "after %s, doubling to a %s cap"', async (polling, first, max) => {
    expect(await readme(polling)).toContain(`after ${first},\ndoubling to a ${max} cap`);
  });

  it('states the retry defaults of runtime/defaults.ts', async () => {
    const text = await readme('{ first: 5s, max: 1m }');
    expect(text).toContain(`retries (default ${defaults.MAX_RETRIES};`);
    expect(text).toContain(`timeoutMs? (default ${defaults.TIMEOUT_MS})`);
    expect(text).toContain(`more than ${durationText(defaults.MAX_RATE_LIMIT_WAIT_MS)} is not waited out`);
    expect(text).toContain(
      `from ${durationText(defaults.BACKOFF_BASE_MS)} up to ${durationText(defaults.BACKOFF_MAX_MS)}.`,
    );
  });
});
