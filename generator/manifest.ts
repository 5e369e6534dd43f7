// The manifest a generated package carries: which files in its folder the generator wrote, and from what.
// The write stage replaces or deletes only the files a folder's manifest lists; every other file is the user's.
import type { FileMap } from './stages/render/index.js';

/** Inside the output folder; a dotfile, so `ls` and the package's `files` list (npm pack) leave it out. */
export const MANIFEST_FILE = '.codegen-manifest.json';

export interface Manifest {
  generator?: { name: string; version: string };
  spec?: { source?: string; title?: string; sha256?: string };
  /** The package name (package.json `name`). */
  package?: string;
  /** Every file the generator wrote here, the manifest itself excepted (posix paths, sorted). */
  files: string[];
}

export interface ManifestInput {
  generator?: { name: string; version: string };
  source?: string;
  title?: string;
  packageName?: string;
  specHash?: string;
}

/** `files` with its manifest added (the map stays sorted by path). */
export function withManifest(files: FileMap, input: ManifestInput): FileMap {
  const listed = [...files.keys()].filter((f) => f !== MANIFEST_FILE).sort();
  const by = input.generator ? `${input.generator.name} ${input.generator.version}` : 'the generator';
  const from = input.source ? ` from ${input.source}` : '';
  const manifest = {
    '//': `Written by ${by}${from}. DO NOT EDIT. The next generation replaces or deletes these files, and only these.`,
    generator: input.generator,
    spec: { source: input.source, title: input.title, sha256: input.specHash },
    package: input.packageName,
    files: listed,
  };
  const all = new Map(files);
  all.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  return new Map([...all.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The manifest in `text`, or why it is not one (a manifest is trusted only as far as it is well formed). */
export function parseManifest(text: string): Manifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return 'not a JSON object';
  }
  const m = value as Record<string, unknown>;
  if (!Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string')) {
    return '"files" is not a list of paths';
  }
  // A listed path is deleted on the next run: never one outside the folder.
  const unsafe = m.files.find((f: string) => !isInsidePath(f));
  if (unsafe !== undefined) {
    return `"files" lists ${JSON.stringify(unsafe)}, which is not a path inside the folder`;
  }
  const spec = m.spec && typeof m.spec === 'object' ? (m.spec as Record<string, unknown>) : {};
  const generator = m.generator as Manifest['generator'];
  return {
    generator: typeof generator?.name === 'string' && typeof generator.version === 'string' ? generator : undefined,
    spec: {
      source: typeof spec.source === 'string' ? spec.source : undefined,
      title: typeof spec.title === 'string' ? spec.title : undefined,
      sha256: typeof spec.sha256 === 'string' ? spec.sha256 : undefined,
    },
    package: typeof m.package === 'string' ? m.package : undefined,
    files: m.files as string[],
  };
}

/** A relative posix path that stays inside its folder: no `..`, `.` or empty segment, no leading `/`, no `\`. */
function isInsidePath(file: string): boolean {
  if (!file || file.startsWith('/') || file.includes('\\')) {
    return false;
  }
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
