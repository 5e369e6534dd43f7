// An in-memory compiler host: the two generated packages and the probe live in a virtual folder inside the
// repository (never written), so `openapi-fetch` and the TypeScript libs resolve from the real node_modules.
import path from 'node:path';
import ts from 'typescript';

// No DOM lib: only the core uses fetch, Request or AbortSignal, and the core is the same on both sides, so
// those types may stay unresolved; lib.dom.d.ts alone would be most of the parse time.
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

export interface VirtualHost {
  host: ts.CompilerHost;
  /** Absolute virtual path → text. Add or replace files between programs. */
  files: Map<string, string>;
}

export function virtualHost(root: string): VirtualHost {
  const files = new Map<string, string>();
  const base = ts.createCompilerHost(COMPILER_OPTIONS, true);
  // Source files parsed once per host: the second program (with the probe) reuses every package file.
  const parsed = new Map<string, ts.SourceFile>();
  const inRoot = (p: string): boolean => p === root || p.startsWith(`${root}${path.sep}`);
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (p) => files.has(p) || (!inRoot(p) && base.fileExists(p)),
    readFile: (p) => files.get(p) ?? (inRoot(p) ? undefined : base.readFile(p)),
    directoryExists: (d) =>
      inRoot(d) ? [...files.keys()].some((f) => f.startsWith(`${d}${path.sep}`)) : ts.sys.directoryExists(d),
    getDirectories: (d) => (inRoot(d) ? [] : ts.sys.getDirectories(d)),
    realpath: (p) => (inRoot(p) ? p : (ts.sys.realpath?.(p) ?? p)),
    getSourceFile(fileName, languageVersion) {
      const text = files.get(fileName);
      if (text === undefined) {
        return inRoot(fileName) ? undefined : cachedLib(fileName, languageVersion, base);
      }
      let file = parsed.get(fileName);
      if (file?.text !== text) {
        file = ts.createSourceFile(fileName, text, languageVersion, true);
        parsed.set(fileName, file);
      }
      return file;
    },
    writeFile: () => undefined,
  };
  return { host, files };
}

// Files from disk (TypeScript's libs, openapi-fetch's types) do not change during a run: parse them once.
const libs = new Map<string, ts.SourceFile | undefined>();
function cachedLib(
  fileName: string,
  languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions,
  base: ts.CompilerHost,
): ts.SourceFile | undefined {
  if (!libs.has(fileName)) {
    libs.set(fileName, base.getSourceFile(fileName, languageVersion));
  }
  return libs.get(fileName);
}
