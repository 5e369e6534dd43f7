// A `@ts-expect-error` is satisfied by any error on its line, so a line with two mistakes, or with another
// mistake than the one it names, keeps passing after the generated types stop catching the one the test is
// about. Compile each type test with its directives removed (the real compiler, the repository's tsconfig)
// and require, on each line they covered, exactly one error, about the property the directive's comment
// starts with (`// @ts-expect-error owner.self is readOnly` → an error at or naming 'self'); none elsewhere.
// The compiler reports one excess property per object literal, so the tests keep each such mistake in an
// otherwise complete body.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TYPES = import.meta.dirname;
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b/;

mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
// Inside the repository (so `vitest` resolves from node_modules), in .tmp/, which tsconfig and git ignore.
const scratch = mkdtempSync(path.join(ROOT, '.tmp', 'type-tests-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface LineError {
  message: string;
  /** The source text the error points at. */
  at: string;
}

/** Errors per 1-based line of `file`, compiled with the repository's compiler options. */
export function errorsByLine(file: string): Map<number, LineError[]> {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram({ rootNames: [file], options });
  const source = program.getSourceFile(file)!;
  const found = new Map<number, LineError[]>();
  for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const start = d.start ?? 0;
    const line = source.getLineAndCharacterOfPosition(start).line + 1;
    const error = {
      message: ts.flattenDiagnosticMessageText(d.messageText, ' / '),
      at: source.text.slice(start, start + (d.length ?? 0)),
    };
    found.set(line, [...(found.get(line) ?? []), error]);
  }
  return found;
}

/** The test file without its directives (blank lines keep the numbering), imports pointed back at the repo. */
function withoutDirectives(file: string, into: string): { copy: string; covered: Map<number, string> } {
  const lines = readFileSync(file, 'utf8').split('\n');
  // Covered line → the property the comment names first.
  const covered = new Map(
    lines.flatMap((line, i) =>
      DIRECTIVE.test(line)
        ? [[i + 2, line.replace(DIRECTIVE, '').trim().split(/\s/)[0]!.replace(/[:,]$/, '')] as const]
        : [],
    ),
  );
  const text = lines
    .map((line) => (DIRECTIVE.test(line) ? '' : line))
    .join('\n')
    .replace(
      /from '(\.\.?\/[^']+)'/g,
      (_, spec: string) =>
        `from '${path
          .relative(into, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join('/')}'`,
    );
  const copy = path.join(into, path.basename(file).replace(/\.test-d\.ts$/, '.unchecked.ts'));
  writeFileSync(copy, text);
  return { copy, covered };
}

describe.each(
  readdirSync(TYPES)
    .filter((f) => f.endsWith('.test-d.ts'))
    .sort(),
)('%s', (name) => {
  it('each @ts-expect-error covers exactly one error, and the rest compiles', { timeout: 120_000 }, () => {
    const { copy, covered } = withoutDirectives(path.join(TYPES, name), scratch);
    expect(covered.size).toBeGreaterThan(5);
    const errors = errorsByLine(copy);
    const report = (lines: number[]) =>
      lines.map((l) => `${name}:${l}: ${(errors.get(l) ?? []).map((e) => e.message).join(' | ') || 'no error'}`);
    const about = (e: LineError, subject: string): boolean => {
      const [at, last] = [e.at.replace(/^['"]|['"]$/g, ''), subject.split('.').at(-1)!];
      return at === subject || at === last || e.message.includes(`'${last}'`);
    };
    const wrong = [...covered].filter(
      ([line, subject]) => errors.get(line)?.length !== 1 || !about(errors.get(line)![0]!, subject),
    );
    expect(
      report(wrong.map(([line]) => line)),
      'directive lines without exactly one error about what they name',
    ).toEqual([]);
    expect(report([...errors.keys()].filter((l) => !covered.has(l))), 'errors on lines without a directive').toEqual(
      [],
    );
  });
});
