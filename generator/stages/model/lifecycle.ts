// A resource's lifecycle as a fact of the model: the phases that mean working, settled, failed and deleting,
// what "gone" looks like, and how long a create and a delete may take. Our spec declares it in `x-sdk-lifecycle`
// on the GET-by-id operation; for other specs it is inferred from the `status.phase` enum, as before.
import { GeneratorError } from '../../errors.js';
import { deref, findProperty, type OpenApiDocument, type SchemaObject } from '../../openapi.js';
import { enumValues } from './schema-text.js';

/** An answer that means the resource is gone: a status, and for a status other than 404 the error code. */
export interface GoneModel {
  status: number;
  code?: string;
}

/** A time limit in ms, optionally by the value of a field of the resource (e.g. `spec.config.kind`). */
export interface TimeoutModel {
  ms: number;
  by?: { field: string[]; ms: Record<string, number> };
}

export interface LifecycleModel {
  /** Where the phase is: `['status', 'phase']`. */
  phase: string[];
  /** Where a failure's message is, when the resource has one: `['status', 'error_message']`. */
  errorMessage: string[] | undefined;
  working: string[];
  settled: string[];
  failed: string[];
  deleting: string[];
  gone: GoneModel[];
  create: TimeoutModel;
  delete: TimeoutModel;
  /** Delay before the second poll; later ones double up to `maxPollMs`. */
  firstPollMs: number;
  maxPollMs: number;
  /** Whether the spec declared it (`x-sdk-lifecycle`) or it was inferred from the phase enum. */
  declared: boolean;
}

const READY = /^(READY|PROVISIONED|ACTIVE|AVAILABLE|RUNNING)$/;
const FAILED = /^(FAILED|ERROR)$/;
const DELETING = /^(DEPROVISIONING|DELETING)$/;
/** Neither on the way to settled nor a failure a wait should report: the other side's doing, or already gone. */
const ASIDE = /^(DISCONNECTED|DELETED)$/;
const INFERRED = { create: { ms: 600_000 }, delete: { ms: 600_000 }, firstPollMs: 5_000, maxPollMs: 60_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Where an operation is, for the one line a malformed extension gets. */
export interface LifecycleInput {
  doc: OpenApiDocument;
  op: Record<string, unknown>;
  /** The operation's path, e.g. `/networking/v1/networks/{id}`. */
  path: string;
  /** The resource schema of the GET's success response. */
  schema: SchemaObject | undefined;
}

/** The lifecycle of the resource a GET by id returns, or undefined when it has no phases. */
export function lifecycleOf({ doc, op, path, schema }: LifecycleInput): LifecycleModel | undefined {
  const declared = op['x-sdk-lifecycle'];
  if (declared !== undefined) {
    const pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/x-sdk-lifecycle`;
    return parse(declared, (what) => {
      throw new GeneratorError(`x-sdk-lifecycle of GET ${path} (${pointer}): ${what}`);
    });
  }
  const phase = findProperty(doc, findProperty(doc, schema, 'status'), 'phase');
  if (!phase) {
    return undefined;
  }
  const phases = enumValues(deref(doc, phase)).values;
  const failed = phases.filter((p) => FAILED.test(p));
  const deleting = phases.filter((p) => DELETING.test(p));
  const onPath = phases.filter((p) => !FAILED.test(p) && !DELETING.test(p) && !ASIDE.test(p));
  const ready = onPath.findIndex((p) => READY.test(p));
  // Without a phase named like READY, the last one on the path is where a create ends.
  const end = ready === -1 ? onPath.length - 1 : ready;
  const errorMessage = findProperty(doc, findProperty(doc, schema, 'status'), 'error_message');
  return {
    phase: ['status', 'phase'],
    errorMessage: errorMessage ? ['status', 'error_message'] : undefined,
    working: onPath.slice(0, end),
    settled: onPath.slice(end, end + 1),
    failed,
    deleting,
    gone: [{ status: 404 }],
    ...INFERRED,
    declared: false,
  };
}

type Fail = (what: string) => never;

function parse(raw: unknown, fail: Fail): LifecycleModel {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('must be an object');
  }
  const x = raw as Record<string, unknown>;
  const known = ['phase', 'errorMessage', 'working', 'settled', 'failed', 'deleting', 'gone', 'timeouts', 'polling'];
  const unknown = Object.keys(x).find((k) => !known.includes(k));
  if (unknown) {
    return fail(`unknown key ${unknown} (known: ${known.join(', ')})`);
  }
  const phases = (key: string, required: boolean): string[] => {
    const v = x[key];
    if (v === undefined && !required) {
      return [];
    }
    if (!Array.isArray(v) || !v.every((p) => typeof p === 'string' && p)) {
      return fail(`${key} must be a list of phases`);
    }
    return v as string[];
  };
  const settled = phases('settled', true);
  if (!settled.length) {
    return fail('settled must name at least one phase');
  }
  const timeouts = object(x.timeouts, 'timeouts', fail);
  const polling = x.polling === undefined ? {} : object(x.polling, 'polling', fail);
  return {
    phase: field(x.phase ?? 'status.phase', 'phase', fail),
    errorMessage: x.errorMessage === undefined ? undefined : field(x.errorMessage, 'errorMessage', fail),
    working: phases('working', false),
    settled,
    failed: phases('failed', false),
    deleting: phases('deleting', false),
    gone: gone(x.gone, fail),
    create: timeout(timeouts.create, 'timeouts.create', fail),
    delete: timeout(timeouts.delete, 'timeouts.delete', fail),
    firstPollMs: polling.first === undefined ? 5_000 : duration(polling.first, 'polling.first', fail),
    maxPollMs: polling.max === undefined ? 60_000 : duration(polling.max, 'polling.max', fail),
    declared: true,
  };
}

function object(v: unknown, key: string, fail: Fail): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    return fail(`${key} must be an object`);
  }
  return v as Record<string, unknown>;
}

/** `status.phase` → `['status', 'phase']`. */
function field(v: unknown, key: string, fail: Fail): string[] {
  if (typeof v !== 'string' || !/^[\w-]+(\.[\w-]+)*$/.test(v)) {
    return fail(`${key} must be a dotted field path such as status.phase`);
  }
  return v.split('.');
}

/** `2h`, `90m`, `5s`, `500ms`. */
function duration(v: unknown, key: string, fail: Fail): number {
  const m = typeof v === 'string' ? DURATION.exec(v.trim()) : null;
  if (!m) {
    return fail(`${key} must be a duration such as 2h, 90m or 5s, not ${JSON.stringify(v)}`);
  }
  return Math.round(Number(m[1]) * UNIT[m[2]!]!);
}

/** `2h`, or `{ default: 1h, by: spec.config.kind, values: { Dedicated: 72h } }`. */
function timeout(v: unknown, key: string, fail: Fail): TimeoutModel {
  if (typeof v === 'string') {
    return { ms: duration(v, key, fail) };
  }
  const t = object(v, key, fail);
  const values = object(t.values, `${key}.values`, fail);
  return {
    ms: duration(t.default, `${key}.default`, fail),
    by: {
      field: field(t.by, `${key}.by`, fail),
      ms: Object.fromEntries(Object.entries(values).map(([k, d]) => [k, duration(d, `${key}.values.${k}`, fail)])),
    },
  };
}

function gone(v: unknown, fail: Fail): GoneModel[] {
  if (v === undefined) {
    return [{ status: 404 }];
  }
  if (!Array.isArray(v) || !v.length) {
    return fail('gone must be a list such as [{ status: 404 }, { status: 403, code: forbidden_access }]');
  }
  return v.map((g, i) => {
    const o = object(g, `gone[${i}]`, fail);
    if (typeof o.status !== 'number' || o.status < 400 || o.status > 499) {
      return fail(`gone[${i}].status must be a 4xx status`);
    }
    if (o.code !== undefined && typeof o.code !== 'string') {
      return fail(`gone[${i}].code must be a string`);
    }
    return o.code === undefined ? { status: o.status } : { status: o.status, code: o.code };
  });
}
