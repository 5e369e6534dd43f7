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
}

export function loadAssets(root = ROOT): Assets {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; devDependencies: Record<string, string> };
  return {
    templates: readTree(path.join(root, 'templates'), (f) => f.endsWith('.hbs')),
    runtime: readTree(path.join(root, 'runtime'), (f) => f.endsWith('.ts') && !f.includes('/')),
    generator: { name: pkg.name, version: pkg.version },
    runtimeDependency: `^${pkg.devDependencies['openapi-fetch']}`,
    typescriptVersion: `^${pkg.devDependencies['typescript']}`,
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
