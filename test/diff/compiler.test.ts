// The compiler's verdict: both packages generated from the fixture pair, old calls and reads compiled against
// the new package. Where the rules and the compiler agree, where the compiler catches what the rules miss or
// misjudge, and where the compiler accepts what the wire refuses.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePackages } from '../../diff/compiler/check.js';
import { generatePackages } from '../../diff/compiler/packages.js';
import { combine, WIRE_NOTE, type VerdictReport } from '../../diff/verdict.js';
import { diffFiles, FIXTURES } from './helpers.js';
import { loadSpec } from '../../diff/load.js';

async function verdictOf(dir: string): Promise<VerdictReport> {
  const [base, head] = [join(dir, 'base.yaml'), join(dir, 'revision.yaml')];
  const { report } = await diffFiles(base, head);
  const [b, h] = await Promise.all([loadSpec({ file: base }), loadSpec({ file: head })]);
  const packages = await generatePackages({ base: { file: base, doc: b.doc }, head: { file: head, doc: h.doc } });
  if (typeof packages === 'string') {
    throw new Error(packages);
  }
  return combine({ report, compiler: { result: compilePackages(packages), operations: packages.operations } });
}

const breaks = (r: VerdictReport): string[] =>
  r.compiler.breaking.map((b) => `${b.kind} ${b.name} ${b.check}${b.operation ? ` ${b.operation}` : ''}`);

describe('compiler check', { timeout: 120_000 }, () => {
  it.each([
    ['parameter-type-changed', ['method things.listThings call GET /things', 'type ListThingsParams input']],
    ['parameter-removed', ['method things.listThings literal GET /things', 'type ListThingsParams literal']],
    [
      'response-property-became-optional',
      [
        'method things.getThing return GET /things/{id}',
        'method things.listThings return GET /things',
        'type ListThingsResponse output',
        'type Thing output',
      ],
    ],
    ['enum-value-removed', ['method things.listThings call GET /things', 'type ListThingsParams input']],
    ['operation-removed', ['method things.deleteThing removed DELETE /things/{id}']],
  ])('agrees with the rules on %s', async (fixture, expected) => {
    const report = await verdictOf(join(FIXTURES, fixture));
    expect(report.compiler.status).toBe('checked');
    expect(breaks(report)).toEqual(expected);
    expect(report.verdict).toBe('breaking');
    for (const c of report.changes.filter((c) => c.level === 'breaking')) {
      expect(c.compiler).toBe('breaking');
      expect(c.note).toBeUndefined();
    }
    expect(report.compiler.breaking.filter((b) => b.kind === 'method').every((b) => b.rules)).toBe(true);
  });

  it.each(['response-property-added', 'parameter-added', 'description-changed'])(
    'finds nothing where the rules find nothing breaking: %s',
    async (fixture) => {
      const report = await verdictOf(join(FIXTURES, fixture));
      expect(report.compiler.status).toBe('checked');
      expect(report.compiler.breaking).toEqual([]);
      expect(report.verdict).toBe('compatible');
      expect(report.changes.every((c) => c.compiler === 'compiles')).toBe(true);
    },
  );

  it('a removed response property breaks reads', async () => {
    const report = await verdictOf(join(FIXTURES, 'response-property-removed'));
    expect(report.compiler.breaking.find((b) => b.check === 'reads')?.message).toMatch(
      /^Property 'display_name' does not exist on type/,
    );
  });

  it('a query parameter narrowed inside a deepObject filter: the rule and the compiler agree', async () => {
    const report = await verdictOf(join(FIXTURES, '_compiler/query-parameter-narrowed'));
    expect(report.changes.map((c) => `${c.level} ${c.id} ${c.location} ${c.compiler}`)).toEqual([
      'breaking parameter-type-changed query filter[size] breaking',
    ]);
    expect(breaks(report)).toEqual(['method things.listThings call GET /things', 'type ListThingsParams input']);
    expect(report.compiler.breaking[0]?.message).toContain("Type 'string' is not assignable to type 'number'");
    expect(report.compiler.breaking[0]?.rules).toBe(true);
    expect(report).toMatchObject({ verdict: 'breaking', semver: 'major', summary: { breaking: 1, compiler: 2 } });
  });

  it('catches a response enum widened inside a union variant, which the rules call a warning', async () => {
    const report = await verdictOf(join(FIXTURES, '_compiler/union-variant-widened'));
    expect(report.changes.map((c) => `${c.level} ${c.id}`)).toEqual(['warning enum-value-added']);
    expect(report.changes[0]?.compiler).toBe('breaking');
    expect(breaks(report)).toEqual([
      'method things.getThing return GET /things/{id}',
      'type Large output',
      'type Thing output',
    ]);
    expect(report.compiler.breaking[0]?.message).toMatch(/"g"/);
    expect(report).toMatchObject({ verdict: 'breaking', semver: 'major' });
  });

  it('catches a named type that changed only through a $ref it uses, outside every operation', async () => {
    const report = await verdictOf(join(FIXTURES, '_compiler/ref-only-type-change'));
    expect(report.changes).toEqual([]);
    expect(breaks(report)).toEqual(['type Audit output', 'type AuditEntry output']);
    expect(report.compiler.breaking[0]?.message).toContain("Type 'number' is not assignable to type 'string'");
    expect(report.verdict).toBe('breaking');
  });

  it.each(['discriminator-added', 'discriminator-removed', 'prefix-items-changed', 'component-type-removed'])(
    'a break once only the compiler saw now has a rule of its own: %s',
    async (fixture) => {
      const report = await verdictOf(join(FIXTURES, fixture));
      expect(report.compiler.breaking.length).toBeGreaterThan(0);
      // Rules-only mode names it, and every method or removed type the compiler flags is covered by a rule.
      expect(report.changes.filter((c) => c.level === 'breaking').map((c) => c.id)).toContain(fixture);
      for (const b of report.compiler.breaking.filter((b) => b.kind === 'method' || b.check === 'removed')) {
        expect(b.rules).toBe(true);
      }
    },
  );

  it('a removed exported type is judged by its own probe, not an operation', async () => {
    const report = await verdictOf(join(FIXTURES, 'component-type-removed'));
    expect(report.changes.map((c) => `${c.exportedType} ${c.compiler}`)).toEqual(['Audit breaking', 'Owner breaking']);
    expect(report.changes.every((c) => c.note === undefined)).toBe(true);
  });

  it('a tightened request constraint compiles but stays breaking, with the wire note', async () => {
    const report = await verdictOf(join(FIXTURES, 'request-constraint-tightened'));
    expect(report.compiler.breaking).toEqual([]);
    expect(report.changes.length).toBe(6);
    for (const c of report.changes) {
      expect(c).toMatchObject({ level: 'breaking', compiler: 'compiles', note: WIRE_NOTE });
    }
    expect(report).toMatchObject({ verdict: 'breaking', semver: 'major' });
  });
});
