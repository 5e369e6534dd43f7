// `make bench`: runs every bench/cases/*.ts in order and writes bench/RESULTS.md.
// Figures are ratios against a baseline measured in the same run, because these machines are noisy.
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = path.join(import.meta.dirname, 'cases');
const only = process.argv.slice(2);
const sections: string[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length && !only.includes(name)) {
    continue;
  }
  console.log(`bench: ${name} …`);
  const started = performance.now();
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<string> };
  const section = await mod.default();
  console.log(section);
  sections.push(`${section.trim()}\n\n_(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)_`);
}
const header = [
  '# Benchmark results',
  '',
  'Written by `make bench` (`bench/run.ts`). Every figure compares against a baseline measured in the same run.',
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${os.platform()} ${os.arch()}.`,
  '',
].join('\n');
if (!only.length) {
  writeFileSync(path.join(import.meta.dirname, 'RESULTS.md'), `${header}\n${sections.join('\n\n')}\n`);
}
