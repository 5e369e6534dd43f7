// Load and bundle a spec: parse YAML/JSON, pull every external $ref into components, check the OpenAPI version.
// References left inside the bundle are local (`#/components/...`) and resolved lazily by schema.ts.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  bundle,
  createConfig,
  getLineColLocation,
  Source,
  YamlParseError,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { applySpecOverlays, GeneratorError } from '../generator/index.js';
import { InputError } from './errors.js';
import { asString, isObject, type JsonObject } from './json.js';

export interface LoadedSpec {
  /** Name used in messages: the file as given, or `ref:path` for a git base. */
  name: string;
  doc: JsonObject;
}

export interface LoadOptions {
  file: string;
  /** Shown instead of the file path in messages (a temp checkout shows as `origin/main:spec/openapi.yaml`). */
  displayName?: string;
  /** Paths under `dir` are shown as `prefix` + relative path (a temp checkout's other files). */
  alias?: { dir: string; prefix: string };
}

let configPromise: Promise<Config> | undefined;
function config(): Promise<Config> {
  // An empty config: no redocly.yaml lookup, no decorators, so bundling never rewrites content.
  configPromise ??= createConfig({});
  return configPromise;
}

export async function loadSpec(options: LoadOptions): Promise<LoadedSpec> {
  const file = resolve(options.file);
  const name = options.displayName ?? options.file;
  if (!existsSync(file)) {
    throw new InputError(`${name}: file not found`);
  }
  if (!statSync(file).isFile()) {
    throw new InputError(`${name}: not a file`);
  }
  const alias = options.alias;
  const rename = (text: string): string => {
    const named = text.split(file).join(name);
    return alias ? named.split(`${alias.dir}${sep}`).join(alias.prefix).split(alias.dir).join(alias.prefix) : named;
  };
  try {
    const result = await bundle({ ref: file, config: await config() });
    const loaded = checked({ name, parsed: result.bundle.parsed, problems: result.problems, rename });
    // The spec as the generator sees it: after the overlays it lists (generator/stages/overlay/).
    return { ...loaded, doc: applySpecOverlays({ document: loaded.doc, specFile: file }) as JsonObject };
  } catch (error) {
    if (error instanceof GeneratorError) {
      throw new InputError(rename(error.format()));
    }
    throw toInputError({ error, name, rename });
  }
}

/** Bundle a document already in memory (the bench's modified copy). `name` stands in for its path. */
export async function loadSpecObject(doc: JsonObject, name: string): Promise<LoadedSpec> {
  const absoluteRef = resolve(name);
  const source = new Source(absoluteRef, JSON.stringify(doc));
  const result = await bundle({ doc: { source, parsed: doc }, config: await config() });
  return checked({ name, parsed: result.bundle.parsed, problems: result.problems, rename: (t) => t });
}

interface CheckInput {
  name: string;
  parsed: unknown;
  problems: NormalizedProblem[];
  rename: (text: string) => string;
}

function checked({ name, parsed, problems, rename }: CheckInput): LoadedSpec {
  if (!isObject(parsed)) {
    throw new InputError(`${name}: not an OpenAPI document (top level is not a mapping)`);
  }
  const version = asString(parsed.openapi);
  if (!version || !/^3\.[01]\./.test(version)) {
    const found =
      version ?? (parsed.swagger !== undefined ? `swagger ${String(parsed.swagger)}` : 'no "openapi" field');
    throw new InputError(`${name}: expected OpenAPI 3.0 or 3.1, found ${found}`);
  }
  const problem = problems.find((p) => p.severity === 'error') ?? problems[0];
  if (problem) {
    throw new InputError(rename(describeProblem(problem)));
  }
  return { name, doc: parsed };
}

function describeProblem(problem: NormalizedProblem): string {
  const location = problem.location[0];
  if (!location) {
    return problem.message;
  }
  const file = relativeName(location.source.absoluteRef);
  // "Failed to parse: <reason> in "<file>" (l:c)": the file and position are already in front.
  const message = problem.message
    .replace(/^Failed to parse: /, 'YAML syntax error: ')
    .replace(/ in "[^"]*" \(\d+:\d+\)$/, '');
  try {
    const { start } = getLineColLocation(location);
    return `${file}:${start.line}:${start.col}: ${message}`;
  } catch {
    return `${file} ${location.pointer ?? ''}: ${message}`;
  }
}

interface ErrorInput {
  error: unknown;
  name: string;
  rename: (text: string) => string;
}

function toInputError({ error, name, rename }: ErrorInput): Error {
  if (error instanceof InputError) {
    return error;
  }
  if (error instanceof YamlParseError) {
    const file = relativeName(error.source.absoluteRef);
    const original: { reason?: unknown; message: string } = error.originalError;
    const reason = typeof original.reason === 'string' ? original.reason : original.message.split('\n')[0];
    return new InputError(rename(`${file}:${error.line}:${error.col}: YAML syntax error: ${reason}`));
  }
  if (error instanceof Error && /Unsupported specification/.test(error.message)) {
    return new InputError(`${name}: not an OpenAPI 3.0 or 3.1 document`);
  }
  if (error instanceof Error) {
    const message = error.message.replace(/^ENOENT: no such file or directory/, 'file not found');
    return new InputError(rename(`${name}: ${message}`));
  }
  return new InputError(`${name}: ${String(error)}`);
}

function relativeName(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel.startsWith('..') ? absolute : rel;
}
