// Each rule's fixture pair gives exactly its expected.json, and reports the rule it is named after.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../diff/registry.js';
import type { Report } from '../../diff/report.js';
import { diffFiles, FIXTURES } from './helpers.js';

const ruleDirs = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort();

describe('rule fixtures', () => {
  it('there is one fixture directory per rule', () => {
    expect(ruleDirs).toEqual([...RULE_IDS]);
  });

  it.each(ruleDirs)('%s', async (id) => {
    const dir = join(FIXTURES, id);
    const expected: Report = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    // A fixture about dates fixes the day it is judged on (options.json: { "today": "2025-06-30" }).
    const file = join(dir, 'options.json');
    const options = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    const { report } = await diffFiles(join(dir, 'base.yaml'), join(dir, 'revision.yaml'), options);
    expect(report).toEqual(expected);
    expect(report.changes.map((c) => c.id)).toContain(id);
  });
});
