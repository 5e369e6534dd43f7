// The history score: the diff re-run over the spec's real history (test/diff/history/pairs.ts) against the
// verdicts judged by hand in test/diff/history/expected.json. A change agrees when the diff reports it, at the
// judged level, and reports nothing unjudged; a pair's verdict when verdict, semver and version check match.
// Skips, with the reason, where the history cannot be read (a shallow clone, no git, a commit not fetched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { commitExists, historyPairs, historyUnavailable, runPair, type PairResult } from './history/pairs.js';

interface ExpectedChange {
  rule: string;
  operation: string;
  location: string;
  level: string;
  reason?: string;
}
interface ExpectedPair {
  base: string;
  head: string;
  verdict: PairResult['verdict'];
  semver: PairResult['semver'];
  versionOk: boolean | undefined;
  changes: ExpectedChange[];
}

const expected: ExpectedPair[] = JSON.parse(readFileSync(join(ROOT, 'test/diff/history/expected.json'), 'utf8')).pairs;
const key = (c: { rule: string; operation: string; location: string }): string =>
  `${c.rule} ${c.operation} ${c.location}`.trim();
const short = (sha: string): string => sha.slice(0, 7);

const missing = expected.flatMap((p) => [p.base, p.head]).filter((c) => c !== 'empty' && !commitExists(c));
const unavailable =
  historyUnavailable() ??
  (missing.length
    ? `commits of the judged history are not in this clone: ${missing.map(short).join(', ')}`
    : undefined);
if (unavailable) {
  console.warn(`history score skipped: ${unavailable}`);
}

describe.skipIf(unavailable !== undefined)('history score', () => {
  it('the diff agrees with the judged verdicts on every spec commit', { timeout: 600_000 }, () => {
    const judged = new Map(expected.map((p) => [`${p.base}..${p.head}`, p]));
    const pairs = historyPairs();
    const unjudged = pairs.filter((p) => !judged.has(`${p.base}..${p.head}`));
    let changes = 0;
    let agreeing = 0;
    let verdicts = 0;
    let verdictsAgreeing = 0;
    const problems: string[] = [];
    for (const want of expected) {
      const got = runPair(want);
      const name = `${want.base === 'empty' ? 'empty' : short(want.base)}..${short(want.head)}`;
      verdicts += 1;
      const same = got.verdict === want.verdict && got.semver === want.semver && got.versionOk === want.versionOk;
      const reported = new Map(got.changes.map((c) => [key(c), c]));
      const keys = new Set([...want.changes.map(key), ...reported.keys()]);
      changes += keys.size;
      for (const w of want.changes) {
        const g = reported.get(key(w));
        if (!g) {
          problems.push(`${name}: not reported: ${key(w)} (judged ${w.level})`);
        } else if (g.level !== w.level) {
          problems.push(`${name}: ${key(w)} is ${g.level}, judged ${w.level}${w.reason ? `: ${w.reason}` : ''}`);
        } else {
          agreeing += 1;
        }
      }
      const wanted = new Set(want.changes.map(key));
      for (const g of got.changes) {
        if (!wanted.has(key(g))) {
          problems.push(`${name}: unjudged change: ${g.level} ${key(g)}: ${g.message}`);
        }
      }
      if (same) {
        verdictsAgreeing += 1;
      } else {
        problems.push(
          `${name}: verdict ${got.verdict}/${got.semver}/version ${String(got.versionOk)}, judged ${want.verdict}/${want.semver}/version ${String(want.versionOk)}`,
        );
      }
    }
    const score = `${agreeing}/${changes} changes and ${verdictsAgreeing}/${verdicts} verdicts agree`;
    console.log(`history score: ${score} (${expected.length} commit pairs)`);
    if (unjudged.length) {
      console.warn(
        `history: ${unjudged.length} spec commit pair(s) not judged yet (add them to test/diff/history/expected.json): ${unjudged.map((p) => `${short(p.base)}..${short(p.head)}`).join(', ')}`,
      );
    }
    expect(problems, score).toEqual([]);
  });
});
