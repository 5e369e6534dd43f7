// The shape of .cache/corpus/results.json, and how one document's steps become a verdict and a cause.
import path from 'node:path';
import { normalise } from './causes.js';
import { ROOT } from './fetch.js';
import type { Limits, Step } from './steps.js';

export type Status = 'pass' | 'handled' | 'generate-failed' | 'typecheck-failed';

export interface DocResult {
  id: string;
  /** The document, relative to the repository root (it lives in the cache). */
  file: string;
  ours: { generate: Step; typecheck?: Step /** Big documents: generation alone, beside `bare.fresh`. */; fresh?: Step };
  bare: {
    generate: Step;
    typecheck?: Step /** Big documents: bench/bare-openapi-typescript.ts as a fresh process. */;
    fresh?: Step;
  };
  /** Set by `classify`. */
  status?: Status;
  /** Normalised group key of the failure (or of the handled refusal). */
  cause?: string;
}

export interface RunInfo {
  at: string;
  wallMs: number;
  documents: number;
  only?: string;
  part?: string;
}

export interface Results {
  packages: Record<string, { name: string; version: string }>;
  sample: { size: number; population: number; rule: string };
  limits: { document: Limits; github: Limits };
  jobs: number;
  machine: string;
  fullRun: RunInfo | undefined;
  lastRun: RunInfo;
  docs: DocResult[];
}

/**
 * pass: our package type-checks. handled: the document is broken: we refuse it in one clear line and
 * openapi-typescript refuses it too. Anything else is ours to fix, grouped by the normalised first error.
 */
export function classify(r: DocResult): DocResult {
  const specFile = path.resolve(ROOT, r.file);
  const gen = r.ours.generate;
  if (!gen.ok) {
    const why = gen.timedOut ? 'timed out' : normalise(gen.error ?? '', [specFile, path.relative(ROOT, specFile)]);
    if (gen.clear && !r.bare.generate.ok) {
      return { ...r, status: 'handled', cause: why };
    }
    return {
      ...r,
      status: 'generate-failed',
      cause: gen.timedOut || gen.clear ? why : `not a one-line refusal: ${why}`,
    };
  }
  const tsc = r.ours.typecheck;
  if (tsc?.ok) {
    return { ...r, status: 'pass', cause: undefined };
  }
  const why = !tsc
    ? 'not type-checked'
    : tsc.timedOut
      ? 'tsc timed out'
      : tsc.first
        ? `${tsc.first.code}: ${normalise(tsc.first.message)}`
        : normalise(tsc.error ?? '');
  return { ...r, status: 'typecheck-failed', cause: why };
}
