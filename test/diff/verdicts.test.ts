// Verdicts the field's own test suite showed wrong: each fixture pair under _verdicts/ is judged the way the
// generated client sees it (query parameters by their serialized shape, security by scope sets, text and
// binary bodies as the string or Blob the generator gives them, a pattern that matches everything as none).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFiles, FIXTURES } from './helpers.js';

const DIR = join(FIXTURES, '_verdicts');

async function changes(name: string): Promise<string[]> {
  const { report } = await diffFiles(join(DIR, name, 'base.yaml'), join(DIR, name, 'revision.yaml'));
  return report.changes.map((c) => `${c.level} ${c.id} ${c.operation} ${c.location}: ${c.message}`);
}

describe('verdicts a TypeScript caller would give', () => {
  it('a property of a deepObject query parameter changing type is a parameter type change, named as sent', async () => {
    expect(await changes('deep-object-query')).toEqual([
      'breaking parameter-type-changed GET /things query filter[size]: Type of parameter query filter[size] changed from string to number',
    ]);
  });

  it('needing fewer OAuth scopes is widened (info), needing one more is narrowed (breaking)', async () => {
    expect(await changes('oauth-scope-removed')).toEqual([
      'info security-changed GET /things security: Security changed from oauth[things:read,things:write] to oauth[things:read]',
      'breaking security-changed POST /things security: Security changed from oauth[things:write] to oauth[things:admin,things:write]',
    ]);
  });

  it('schema edits inside an XML body are no change: the generator types it as a string', async () => {
    expect(await changes('xml-body')).toEqual([]);
  });

  it("an empty pattern (or '.*') limits nothing: dropping a pattern for '' loosens it", async () => {
    expect(await changes('empty-pattern')).toEqual([
      "info request-constraint-loosened POST /things request label: label: pattern loosened from ^[a-z]+$ to ''",
    ]);
  });
});
