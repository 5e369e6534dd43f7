// The baseline worker: bare openapi-typescript (its Node API, as bench/bare-openapi-typescript.ts calls it)
// on many documents in one process, so the corpus pays its start-up once instead of per document.
// Usage: bare-batch.ts <jobs.json> <first index>. Prints one JSON line as each document starts and ends;
// the parent enforces the per-document time limit and restarts the worker after a hang or crash.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const [jobsFile, first] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsFile!, 'utf8')) as { spec: string; out: string }[];
for (let i = Number(first ?? 0); i < jobs.length; i++) {
  console.log(JSON.stringify({ start: i }));
  const started = performance.now();
  try {
    const ast = await openapiTS(pathToFileURL(jobs[i]!.spec), { silent: true });
    writeFileSync(jobs[i]!.out, astToString(ast));
    console.log(JSON.stringify({ done: i, ok: true, ms: Math.round(performance.now() - started) }));
  } catch (err) {
    const error =
      String((err as Error)?.message ?? err)
        .split('\n')
        .find((l) => l.trim()) ?? 'failed';
    console.log(
      JSON.stringify({ done: i, ok: false, ms: Math.round(performance.now() - started), error: error.slice(0, 400) }),
    );
  }
}
