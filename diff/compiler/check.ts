// The compiler's verdict: generate the base and head packages, put both and the probe in one Program (one
// type checker, lazily checking only what the probe touches), and turn the probe's diagnostics into breaks.
import path from 'node:path';
import ts from 'typescript';
import type { FileMap } from '../../generator/index.js';
import { COMPILER_OPTIONS, virtualHost } from './host.js';
import { buildProbe, type Check } from './probe.js';
import { readSurface, type Surface } from './surface.js';

export interface CompilerBreak {
  /** `networks.list` or a type name. */
  name: string;
  kind: 'method' | 'type';
  check: Check;
  /** The first compiler message, with the virtual paths taken out. */
  message: string;
  code: number;
}

export interface CompilerResult {
  checked: { methods: number; types: number };
  breaks: CompilerBreak[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so openapi-fetch resolves from its node_modules; nothing is ever written there.
const VIRTUAL = path.join(ROOT, '.tmp', 'api-diff-virtual');

export function compilePackages(packages: { base: FileMap; head: FileMap }): CompilerResult {
  const { host, files } = virtualHost(VIRTUAL);
  files.set(path.join(VIRTUAL, 'package.json'), '{ "type": "module" }\n');
  for (const side of ['base', 'head'] as const) {
    for (const [rel, text] of packages[side]) {
      if (rel.endsWith('.ts') || rel === 'package.json') {
        files.set(path.join(VIRTUAL, side, ...rel.split('/')), text);
      }
    }
  }
  const index = (side: string): string => path.join(VIRTUAL, side, 'src', 'index.ts');
  const roots = [index('base'), index('head')];
  const first = ts.createProgram({ rootNames: roots, options: COMPILER_OPTIONS, host });
  const surfaces: Record<'base' | 'head', Surface> = {
    base: readSurface(first, { index: index('base'), root: path.join(VIRTUAL, 'base') }),
    head: readSurface(first, { index: index('head'), root: path.join(VIRTUAL, 'head') }),
  };
  const probe = buildProbe({ ...surfaces, baseImport: './base/src/index.js', headImport: './head/src/index.js' });
  const probeFile = path.join(VIRTUAL, 'probe.ts');
  files.set(probeFile, probe.text);
  const program = ts.createProgram({
    rootNames: [...roots, probeFile],
    options: COMPILER_OPTIONS,
    host,
    oldProgram: first,
  });
  const source = program.getSourceFile(probeFile);
  if (!source) {
    throw new Error('the probe file did not load');
  }
  // By position, so each break keeps the message of its first failing check whatever order the checker reports in.
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].sort(
    (a, b) => (a.start ?? -1) - (b.start ?? -1),
  );

  const breaks = new Map<string, CompilerBreak>();
  for (const d of diagnostics) {
    const line = d.start === undefined ? -1 : source.getLineAndCharacterOfPosition(d.start).line;
    const entry = probe.lines.get(line);
    // A diagnostic outside a check line is a bug in the probe, not a verdict on the API.
    if (!entry) {
      throw new Error(`probe line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    const key = `${entry.kind} ${entry.name}`;
    if (breaks.has(key)) {
      continue;
    }
    breaks.set(key, { ...entry, message: cleanMessage(d.messageText), code: d.code });
  }
  return { checked: probe.checked, breaks: [...breaks.values()] };
}

/** The headline of the message chain plus its most specific line, without the virtual folder's paths. */
function cleanMessage(text: string | ts.DiagnosticMessageChain): string {
  const lines = ts
    .flattenDiagnosticMessageText(text, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const picked = lines.length > 1 ? [lines[0], lines[lines.length - 1]] : lines;
  const virtual = VIRTUAL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return picked
    .join(' … ')
    .replace(new RegExp(`import\\("${virtual}/base/src/[^"]*"\\)\\.`, 'g'), 'Old.')
    .replace(new RegExp(`import\\("${virtual}/head/src/[^"]*"\\)\\.`, 'g'), 'New.')
    .replace(/'(\{[^']{80,})'/g, (_, type: string) => `'${type.slice(0, 60)}…'`)
    .slice(0, 400);
}
