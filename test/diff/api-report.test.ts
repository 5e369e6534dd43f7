// The API report: the committed one is current with generated/, and a surface change shows as changed lines.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiReport } from '../../diff/api-report.js';
import { generate, writePackage } from '../../generator/index.js';
import { FIXTURES, ROOT } from './helpers.js';

// Inside the repository (.tmp/ is ignored), so the packages resolve openapi-fetch from its node_modules.
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const scratch = mkdtempSync(join(ROOT, '.tmp', 'api-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('API report', { timeout: 120_000 }, () => {
  it('the committed api-report.md is the report of generated/', () => {
    expect(readFileSync(join(ROOT, 'api-report.md'), 'utf8')).toBe(apiReport(join(ROOT, 'generated')));
  });

  it('a removed query parameter is one removed line; the method lines stay', async () => {
    const lines = async (file: string, dir: string): Promise<string[]> => {
      writePackage(join(scratch, dir), await generate({ spec: join(FIXTURES, 'parameter-removed', file) }));
      // Without the header line, which names the folder.
      return apiReport(join(scratch, dir)).split('\n').slice(1);
    };
    const before = await lines('base.yaml', 'base');
    const after = await lines('revision.yaml', 'head');
    expect(before.filter((l) => !after.includes(l))).toEqual(['- `page_size?: number`']);
    expect(after.filter((l) => !before.includes(l))).toEqual([]);
    expect(after).toContain('- `listThings(query: ListThingsParams, options?: RequestOptions): Promise<void>`');
  });
});
