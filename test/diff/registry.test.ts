// The registry is the single source of levels: every rule has one, plus a description and a message,
// IDs are kebab-case and equal to the file names, and the README's table is generated from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, RULE_IDS, RULES, variantsOf } from '../../diff/registry.js';
import { rules } from '../../diff/rules/index.js';
import { rulesTable } from '../../diff/rules-table.js';
import { ROOT } from './helpers.js';

const REQUIRED = [
  'operation-added',
  'operation-removed',
  'parameter-added',
  'required-parameter-added',
  'parameter-removed',
  'parameter-became-required',
  'parameter-type-changed',
  'request-property-added',
  'required-request-property-added',
  'request-property-removed',
  'request-property-became-required',
  'response-property-added',
  'response-property-removed',
  'response-property-became-optional',
  'property-type-changed',
  'enum-value-added',
  'enum-value-removed',
  'response-status-added',
  'response-status-removed',
  'security-changed',
];

describe('rule registry', () => {
  it('has the 20 required rule IDs', () => {
    for (const id of REQUIRED) {
      expect(RULE_IDS).toContain(id);
    }
  });

  it.each(RULE_IDS)('%s has a level, a description and a message', (id) => {
    const meta = RULES[id];
    const levels = typeof meta.level === 'string' ? [meta.level] : Object.values(meta.level);
    expect(levels.length).toBeGreaterThan(0);
    for (const level of levels) {
      expect(LEVELS).toContain(level);
    }
    expect(meta.description.length).toBeGreaterThan(10);
    expect(meta.message.length).toBeGreaterThan(5);
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    if (typeof meta.level !== 'string') {
      expect(variantsOf(id).length).toBeGreaterThan(1);
    }
  });

  it('rule files, the rule list and the registry name the same IDs', () => {
    const files = readdirSync(join(ROOT, 'diff/rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([...RULE_IDS]);
    expect(rules.map((r) => r.id).sort()).toEqual([...RULE_IDS]);
  });

  it('the README rule table is the generated one', () => {
    const readme = readFileSync(join(ROOT, 'diff/README.md'), 'utf8');
    const match = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    expect(match?.[1]).toBe(rulesTable());
  });
});
