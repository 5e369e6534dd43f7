// API diff on the large reference networking spec against an in-memory modified copy (a few removed and
// retyped properties, an added operation). Figure: median wall time of load + bundle + diff, target < 2 s;
// baseline: the same runs' load + bundle time alone.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { diffDocuments } from '../../diff/diff.js';
import { asObject, isObject, type JsonObject } from '../../diff/json.js';
import { loadSpec, loadSpecObject } from '../../diff/load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REFERENCE = path.join(ROOT, '../shared/reference/networking-v1.openapi.yaml');
const RUNS = 7;
const TARGET_MS = 2000;

/** The modified copy: edits a reviewer would expect to see, some breaking, some not. */
function modify(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  const schemas = asObject(asObject(copy.components)?.schemas) ?? {};
  const spec = asObject(asObject(schemas['networking.v1.NetworkSpec'])?.properties);
  if (spec) {
    delete spec.zones;
    delete spec.cidr;
    spec.region = { type: 'integer', description: 'retyped for the bench' };
  }
  const paths = asObject(copy.paths) ?? {};
  const list = asObject(paths['/networking/v1/networks'])?.get;
  if (isObject(list)) paths['/networking/v1/network-summaries'] = { get: { ...list, operationId: 'listNetworkSummaries' } };
  return copy;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default async function (): Promise<string> {
  const heading = '## API diff (networking-v1 reference vs a modified copy)';
  if (!existsSync(REFERENCE)) {
    return `${heading}\n\nSkipped: ${path.relative(ROOT, REFERENCE)} is not there (the reference spec is not part of the project).\n`;
  }
  const parsed = asObject(parseYaml(readFileSync(REFERENCE, 'utf8')));
  if (!parsed) throw new Error(`${REFERENCE}: not a mapping`);
  const modified = modify(parsed);

  const totals: number[] = [];
  const loads: number[] = [];
  let changes = { breaking: 0, warning: 0, info: 0, entries: 0 };
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const base = await loadSpec({ file: REFERENCE });
    // Bundling may rewrite the document in place: every run gets a fresh copy.
    const head = await loadSpecObject(structuredClone(modified), 'networking-v1.modified.yaml');
    const loaded = performance.now();
    const { report } = diffDocuments(base.doc, head.doc);
    const done = performance.now();
    loads.push(loaded - started);
    totals.push(done - started);
    changes = { ...report.summary, entries: report.changes.length };
  }
  const total = median(totals);
  const load = median(loads);
  const pass = total < TARGET_MS;
  return [
    heading,
    '',
    `${RUNS} runs, median wall time. Changes found: ${changes.entries} (${changes.breaking} breaking, ${changes.warning} warning, ${changes.info} info).`,
    '',
    '| Measure | Median | Ratio to load + bundle |',
    '|---|---|---|',
    `| load + bundle both specs (baseline) | ${load.toFixed(0)} ms | 1.00 |`,
    `| diff alone | ${(total - load).toFixed(0)} ms | ${((total - load) / load).toFixed(2)} |`,
    `| load + bundle + diff | ${total.toFixed(0)} ms | ${(total / load).toFixed(2)} |`,
    '',
    `Target: load + bundle + diff < ${TARGET_MS} ms — **${pass ? 'pass' : 'FAIL'}**.`,
    '',
  ].join('\n');
}
