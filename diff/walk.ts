// Pairs base and head: operations by method + path shape, parameters by location + name, responses by
// status, properties by name, union variants by discriminator value. Every rule hook sees every pair.
import type { JsonObject } from './json.js';
import { readOperations, type Operation } from './operations.js';
import {
  DOCUMENT,
  type Direction,
  type DocumentPair,
  type Emit,
  type Finding,
  type LifecycleContext,
  type Readers,
  type Rule,
} from './rule.js';
import type { RuleId } from './registry.js';

export interface RawFinding extends Finding {
  id: RuleId;
  operation: string;
}

type Hook = keyof Omit<Rule, 'id'>;

/** Deepest nesting compared; a guard against pathological specs on top of the cycle guard. */
const MAX_DEPTH = 48;

export interface WalkInput {
  readers: Readers;
  rules: readonly Rule[];
  exports?: DocumentPair['exports'];
  lifecycle: LifecycleContext;
  /** Both sides' operations, when the caller has read them already. */
  operations?: { base: Map<string, Operation>; head: Map<string, Operation> };
}

export function walk(input: WalkInput): RawFinding[] {
  const { readers, rules } = input;
  const findings: RawFinding[] = [];
  for (const rule of rules) {
    const pair = { exports: input.exports ?? (() => undefined), readers };
    rule.document?.(pair, (f) => findings.push({ ...f, id: rule.id, operation: DOCUMENT }));
  }
  const base = input.operations?.base ?? readOperations(readers.base);
  const head = input.operations?.head ?? readOperations(readers.head);
  const keys = [...new Set([...base.keys(), ...head.keys()])].sort();
  for (const key of keys) {
    const pair = { base: base.get(key), head: head.get(key), lifecycle: input.lifecycle, readers };
    const label = (pair.head ?? pair.base)?.label ?? key;
    // One emit per rule and operation, not per call: the walk calls every hook at every schema pair.
    const emits = rules.map(
      (rule): Emit =>
        (f) =>
          findings.push({ ...f, id: rule.id, operation: label }),
    );
    const visit = <H extends Hook>(hook: H, call: (rule: Rule, emit: Emit) => void): void => {
      rules.forEach((rule, i) => {
        const emit = emits[i];
        if (rule[hook] && emit) {
          call(rule, emit);
        }
      });
    };
    visit('operation', (rule, emit) => rule.operation?.(pair, emit));
    if (pair.base && pair.head) {
      compareOperation({ base: pair.base, head: pair.head, readers, visit });
    }
  }
  return findings;
}

type Visit = <H extends Hook>(hook: H, call: (rule: Rule, emit: Emit) => void) => void;

function compareOperation(input: { base: Operation; head: Operation; readers: Readers; visit: Visit }): void {
  const { base, head, readers, visit } = input;
  const baseParams = new Map(base.parameters.map((p) => [p.key, p]));
  const headParams = new Map(head.parameters.map((p) => [p.key, p]));
  for (const key of [...new Set([...baseParams.keys(), ...headParams.keys()])].sort()) {
    const b = baseParams.get(key);
    const h = headParams.get(key);
    const shown = h ?? b;
    if (!shown) {
      continue;
    }
    const location = `${shown.in} ${shown.name}`;
    visit('parameter', (rule, emit) => rule.parameter?.({ base: b, head: h, location, readers }, emit));
    if (b?.schema && h?.schema) {
      const style = h?.style ?? b?.style;
      const deepObject = style === 'deepObject';
      const ctx = { visit, readers, direction: 'request' as const, prefix: location, inParameter: true, deepObject };
      compareSchemas(ctx, b.schema, h.schema);
    }
  }

  visit('requestBody', (rule, emit) => rule.requestBody?.({ base: base.body, head: head.body }, emit));
  if (base.body?.schema && head.body?.schema) {
    compareSchemas(
      { visit, readers, direction: 'request', prefix: 'request', inParameter: false },
      base.body.schema,
      head.body.schema,
    );
  }

  const statuses = [...new Set([...base.responses.keys(), ...head.responses.keys()])].sort();
  for (const status of statuses) {
    const b = base.responses.get(status);
    const h = head.responses.get(status);
    visit('response', (rule, emit) => rule.response?.({ status, base: b, head: h }, emit));
    if (b?.schema && h?.schema) {
      const prefix = `response ${status}`;
      compareSchemas({ visit, readers, direction: 'response', prefix, inParameter: false }, b.schema, h.schema);
    }
  }
}

interface SchemaContext {
  visit: Visit;
  readers: Readers;
  direction: Direction;
  /** `request`, `response 200`, `query status` */
  prefix: string;
  inParameter: boolean;
  /** A deepObject query parameter: its properties go on the wire as `filter[size]`. */
  deepObject?: boolean;
}

function compareSchemas(ctx: SchemaContext, base: JsonObject, head: JsonObject): void {
  descend({ ctx, base, head, path: '', stack: [] });
}

interface Step {
  ctx: SchemaContext;
  base: JsonObject;
  head: JsonObject;
  path: string;
  /** Resolved schema pairs on the current branch: a pair met again is a cycle and is not re-entered. */
  stack: Array<[JsonObject, JsonObject]>;
}

function descend(step: Step): void {
  const { ctx, path, stack } = step;
  const { readers, direction } = ctx;
  const base = readers.base.view(step.base);
  const head = readers.head.view(step.head);
  if (stack.length >= MAX_DEPTH || stack.some(([b, h]) => b === base.node && h === head.node)) {
    return;
  }
  const inner: Array<[JsonObject, JsonObject]> = [...stack, [base.node, head.node]];
  const location = place(ctx, path);
  // Inside a parameter the parameter is the subject: `query status`, `query status[]`, `query filter[size]`.
  const shownPath = ctx.inParameter ? location : path || '(body)';
  ctx.visit('schema', (rule, emit) =>
    rule.schema?.(
      { direction, location, path: shownPath, subPath: path, inParameter: ctx.inParameter, base, head, readers },
      emit,
    ),
  );

  const names = [...new Set([...base.properties.keys(), ...head.properties.keys()])].sort();
  for (const name of names) {
    const b = base.properties.get(name);
    const h = head.properties.get(name);
    const childPath = path ? `${path}.${name}` : name;
    const visible = (p: typeof b): boolean => p !== undefined && !(direction === 'request' ? p.readOnly : p.writeOnly);
    const pair = {
      direction,
      location: place(ctx, childPath),
      path: ctx.inParameter ? place(ctx, childPath) : childPath,
      base: b,
      head: h,
      baseVisible: visible(b),
      headVisible: visible(h),
    };
    ctx.visit('property', (rule, emit) => rule.property?.(pair, emit));
    if (b && h && pair.baseVisible && pair.headVisible) {
      descend({ ctx, base: b.schema, head: h.schema, path: childPath, stack: inner });
    }
  }

  if (base.items && head.items) {
    descend({ ctx, base: base.items, head: head.items, path: `${path}[]`, stack: inner });
  }
  // Tuple positions and index signatures, as the generated types have them.
  base.prefixItems?.forEach((b, i) => {
    const h = head.prefixItems?.[i];
    if (h) {
      descend({ ctx, base: b, head: h, path: `${path}[${i}]`, stack: inner });
    }
  });
  for (const [pattern, b] of base.patternProperties ?? []) {
    const h = head.patternProperties?.get(pattern);
    if (h) {
      descend({ ctx, base: b, head: h, path: `${path}{${pattern}}`, stack: inner });
    }
  }
  if (base.additional && head.additional) {
    descend({ ctx, base: base.additional, head: head.additional, path: `${path}{}`, stack: inner });
  }
  if (base.variants && head.variants) {
    const label = base.variants.discriminator ?? head.variants.discriminator;
    for (const [key, b] of base.variants.entries) {
      const h = head.variants.entries.get(key);
      if (!h) {
        continue;
      }
      const segment = label ? `[${label}=${key}]` : `[${key}]`;
      descend({ ctx, base: b, head: h, path: `${path}${segment}`, stack: inner });
    }
  }
}

function join(prefix: string, path: string): string {
  return path ? `${prefix} ${path}` : prefix;
}

/**
 * Where a path is, as the caller sees it: `request spec.cloud`; inside a parameter its serialized name,
 * `query filter[size]` for a deepObject, `query filter.size` otherwise.
 */
function place(ctx: SchemaContext, path: string): string {
  if (!ctx.inParameter || !path) {
    return join(ctx.prefix, path);
  }
  if (ctx.deepObject) {
    return ctx.prefix + path.replace(/^([^.[{]+)/, '[$1]').replace(/\.([^.[{]+)/g, '[$1]');
  }
  return ctx.prefix + (/^[[{]/.test(path) ? path : `.${path}`);
}
