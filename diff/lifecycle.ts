// An operation's lifecycle, read the way the policy says: its stage (Confluent's `x-lifecycle-stage` and
// description badges, oasdiff's `x-stability-level`), when it was deprecated and when it goes away
// (`x-deprecated-at`, `x-sunset-at`, `x-sunset`). The policy file (`--lifecycle`) names other sources and stages,
// so the same reading works for other APIs.
import { readFileSync } from 'node:fs';
import { parseYaml } from '@redocly/openapi-core';
import { Ajv } from 'ajv';
import { InputError } from './errors.js';
import { asString, type JsonObject } from './json.js';
import type { Level } from './registry.js';

const STAGES = ['ga', 'preview', 'early-access', 'deprecated'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, string> = {
  ga: 'GA',
  preview: 'Preview',
  'early-access': 'Early Access',
  deprecated: 'Deprecated',
};

/** Stability order, lowest first: a stage moving left is a decrease. */
const ORDER: readonly Stage[] = ['early-access', 'preview', 'ga'];

export interface Policy {
  /** Extension keys naming the stage, the first present wins. */
  stageKeys: string[];
  /** A regular expression over the description whose first group is the stage text; `''` reads no badges. */
  badge: string;
  /** Stage text, lower-cased with runs of spaces, `_` and `-` read as one space → stage. */
  stages: Record<string, Stage>;
  /** The stage of an operation that names none. */
  defaultStage: Stage;
  deprecatedAtKeys: string[];
  sunsetKeys: string[];
  /** The level a breaking change takes in an operation of each stage (callers of GA code rely on it). */
  breaks: Record<Stage, Level>;
  /** Why, for the PR comment. */
  reasons: Partial<Record<Stage, string>>;
}

export const DEFAULT_POLICY: Policy = {
  stageKeys: ['x-lifecycle-stage', 'x-stability-level'],
  // Confluent's badge: [![Early Access](https://img.shields.io/badge/Lifecycle%20Stage-Early%20Access-%2345c6e8)]
  badge: 'img\\.shields\\.io/badge/Lifecycle%20Stage-([^-)]+)-',
  stages: {
    'general availability': 'ga',
    'generally available': 'ga',
    ga: 'ga',
    stable: 'ga',
    preview: 'preview',
    beta: 'preview',
    'limited availability': 'preview',
    'early access': 'early-access',
    ea: 'early-access',
    alpha: 'early-access',
    draft: 'early-access',
    deprecated: 'deprecated',
  },
  defaultStage: 'ga',
  deprecatedAtKeys: ['x-deprecated-at'],
  sunsetKeys: ['x-sunset-at', 'x-sunset'],
  breaks: { ga: 'breaking', deprecated: 'breaking', preview: 'warning', 'early-access': 'info' },
  // Confluent's published lifecycle policy.
  reasons: {
    ga: 'GA APIs will not change at short notice',
    preview: 'Preview APIs are unlikely to change, but may',
    'early-access': 'Early Access APIs may change at any time',
    deprecated: 'Deprecated APIs keep working until their announced sunset',
  },
};

export interface Lifecycle {
  stage: Stage;
  /** Where the stage came from: `x-lifecycle-stage: Preview`, `badge: Early Access`, `default`. */
  source: string;
  deprecated: boolean;
  deprecatedAt: string | undefined;
  /** ISO date (`2025-06-30`), or undefined when none is announced (or it is not a date). */
  sunset: string | undefined;
}

export function readLifecycle(op: JsonObject, policy: Policy): Lifecycle {
  const deprecated = op.deprecated === true;
  let stage: Stage | undefined;
  let source = 'default';
  for (const key of policy.stageKeys) {
    const text = asString(op[key]);
    const found = text === undefined ? undefined : stageOf(text, policy);
    if (found) {
      [stage, source] = [found, `${key}: ${text ?? ''}`];
      break;
    }
  }
  const description = asString(op.description);
  if (!stage && policy.badge && description) {
    const text = new RegExp(policy.badge).exec(description)?.[1];
    const found = text === undefined ? undefined : stageOf(decode(text), policy);
    if (found && text !== undefined) {
      [stage, source] = [found, `badge: ${decode(text)}`];
    }
  }
  if (deprecated && (!stage || stage === 'ga')) {
    stage = 'deprecated';
  }
  return {
    stage: stage ?? policy.defaultStage,
    source,
    deprecated: deprecated || stage === 'deprecated',
    deprecatedAt: date(first(op, policy.deprecatedAtKeys)),
    sunset: date(first(op, policy.sunsetKeys)),
  };
}

/** -1 decreased (fewer guarantees), 1 increased, 0 same or not ordered (deprecation is its own rule). */
export function stability(from: Stage, to: Stage): -1 | 0 | 1 {
  const [a, b] = [ORDER.indexOf(from), ORDER.indexOf(to)];
  if (a < 0 || b < 0 || a === b) {
    return 0;
  }
  return b < a ? -1 : 1;
}

function stageOf(text: string, policy: Policy): Stage | undefined {
  return policy.stages[normal(text)];
}

/** Stage text as the policy keys it: lower-cased, runs of spaces, `_` and `-` as one space. */
function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function first(op: JsonObject, keys: readonly string[]): unknown {
  for (const key of keys) {
    if (op[key] !== undefined) {
      return op[key];
    }
  }
  return undefined;
}

/** The calendar date of an RFC 3339 date or date-time (YAML may already have made it a Date). */
function date(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString() : asString(value);
  if (!text || !/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(Date.parse(text.slice(0, 10)))) {
    return undefined;
  }
  return text.slice(0, 10);
}

/** An object with one optional key per stage. */
function byStage(value: object): object {
  return { type: 'object', additionalProperties: false, properties: Object.fromEntries(STAGES.map((s) => [s, value])) };
}

const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    stageKeys: { type: 'array', items: { type: 'string' } },
    badge: { type: 'string' },
    stages: { type: 'object', additionalProperties: { enum: [...STAGES] } },
    defaultStage: { enum: [...STAGES] },
    deprecatedAtKeys: { type: 'array', items: { type: 'string' } },
    sunsetKeys: { type: 'array', items: { type: 'string' } },
    breaks: byStage({ enum: ['breaking', 'warning', 'info'] }),
    reasons: byStage({ type: 'string' }),
  },
} as const;

/** A policy file (YAML or JSON) over the defaults: `stages` and `breaks` merge key by key, the rest replace. */
export function loadPolicy(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file}: cannot read the lifecycle policy file`);
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new InputError(`${file}: YAML syntax error: ${first ?? ''}`);
  }
  const validate = new Ajv({ allErrors: false }).compile(POLICY_SCHEMA);
  if (!validate(parsed)) {
    const e = validate.errors?.[0];
    const where = e?.instancePath || '/';
    const extra = e?.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
    throw new InputError(`${file}: ${where}: ${e?.message ?? 'invalid'}${extra}`);
  }
  const given = parsed as Partial<Policy>;
  if (given.badge) {
    try {
      new RegExp(given.badge);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new InputError(`${file}: /badge: not a regular expression (${why})`);
    }
  }
  const stages: Record<string, Stage> = { ...DEFAULT_POLICY.stages };
  for (const [text, stage] of Object.entries(given.stages ?? {})) {
    stages[normal(text)] = stage;
  }
  return {
    ...DEFAULT_POLICY,
    ...given,
    stages,
    breaks: { ...DEFAULT_POLICY.breaks, ...given.breaks },
    reasons: { ...DEFAULT_POLICY.reasons, ...given.reasons },
  };
}
