// Reads what the render stage fills in: Handlebars templates and the hand-written runtime core.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Assets {
  /** Template path relative to templates/ (posix) → source. Partials live under `partials/`. */
  templates: Map<string, string>;
  /** Runtime file name → source, from runtime/ (TypeScript only). */
  runtime: Map<string, string>;
  generator: { name: string; version: string };
  runtimeDependency: string;
  typescriptVersion: string;
  standIn: StandInAssets;
}

export function loadAssets(root = ROOT): Assets {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; devDependencies: Record<string, string> };
  return {
    templates: readTree(path.join(root, 'templates'), (f) => f.endsWith('.hbs')),
    runtime: readTree(path.join(root, 'runtime'), (f) => f.endsWith('.ts') && !f.includes('/')),
    generator: { name: pkg.name, version: pkg.version },
    runtimeDependency: `^${pkg.devDependencies['openapi-fetch']}`,
    typescriptVersion: `^${pkg.devDependencies['typescript']}`,
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
    dependencies: { backend: `^${dev['openapi-backend']}`, formats: `^${dev['ajv-formats']}`, sampler: `^${dev['openapi-sampler']}`, nodeTypes: `^${dev['@types/node']}` },
  };
}

function readTree(dir: string, keep: (rel: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const entries = readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
  for (const rel of entries.map((e) => e.split(path.sep).join('/')).sort()) {
    if (keep(rel)) out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
  }
  return out;
}
