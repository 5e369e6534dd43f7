// Reads what the render stage fills in: Handlebars templates and the hand-written runtime core.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Assets {
  /** Template path relative to templates/ (posix) → source. Partials live under `partials/`. */
  templates: Map<string, string>;
  /** Runtime file name → source, from runtime/ (TypeScript only). */
  runtime: Map<string, string>;
  generator: { name: string; version: string };
  runtimeDependency: string;
  typescriptVersion: string;
  /** Every name runtime/index.ts exports: the package's index re-exports them, so no model type may take one. */
  coreExports: string[];
  standIn: StandInAssets;
}

export function loadAssets(root = ROOT): Assets {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    devDependencies: Record<string, string>;
  };
  const runtime = readTree(path.join(root, 'runtime'), (f) => f.endsWith('.ts') && !f.includes('/'));
  return {
    templates: readTree(path.join(root, 'templates'), (f) => f.endsWith('.hbs')),
    runtime,
    coreExports: exportedNames(runtime.get('index.ts') ?? ''),
    generator: { name: pkg.name, version: pkg.version },
    runtimeDependency: `^${pkg.devDependencies['openapi-fetch']}`,
    typescriptVersion: `^${pkg.devDependencies.typescript}`,
    standIn: loadStandIn(root, pkg.devDependencies),
  };
}

/** The stand-in server (stand-in/ → src/testing/) and the packages its testing entry needs at run time. */
export interface StandInAssets {
  files: Map<string, string>;
  dependencies: { backend: string; formats: string; sampler: string; nodeTypes: string };
}

function loadStandIn(root: string, dev: Record<string, string>): StandInAssets {
  return {
    files: readTree(path.join(root, 'stand-in'), (f) => f.endsWith('.ts') && !f.includes('/')),
    dependencies: {
      // ~: 5.21 brings json-schema-ref-parser 16, which needs Node >= 22.19 (EBADENGINE on Node 20).
      backend: `~${dev['openapi-backend']}`,
      formats: `^${dev['ajv-formats']}`,
      sampler: `^${dev['openapi-sampler']}`,
      nodeTypes: `^${dev['@types/node']}`,
    },
  };
}

function readTree(dir: string, keep: (rel: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) {
    return out;
  }
  const entries = readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
  for (const rel of entries.map((e) => e.split(path.sep).join('/')).sort()) {
    if (keep(rel)) {
      out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
    }
  }
  return out;
}

/** Names a module exports, read with the compiler's parser (`export { A, type B } from`, declarations). */
function exportedNames(source: string): string[] {
  const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const node of file.statements) {
    if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      for (const el of node.exportClause.elements) {
        names.push(el.name.text);
      }
    } else if (
      ts.canHaveModifiers(node) &&
      ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      const name = (node as { name?: ts.Identifier }).name;
      if (name && ts.isIdentifier(name)) {
        names.push(name.text);
      }
      if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations) {
          if (ts.isIdentifier(d.name)) {
            names.push(d.name.text);
          }
        }
      }
    }
  }
  return names;
}
