// The waiter's lifecycle is a model fact (generator/stages/model/lifecycle.ts): declared in x-sdk-lifecycle on a
// GET by id, or inferred from the `status.phase` enum. The generated waitFor / waitUntilDeleted run on it, so a
// change there changes what a wait returns, when it fails and how long it may take, with no type changing.
// Both sides are read through the generator's own lifecycleOf, so declaring what was inferred is not a change.
import { GeneratorError, lifecycleOf, type LifecycleModel, type OpenApiDocument } from '../../generator/index.js';
import type { Operation } from '../operations.js';
import type { Emit, Rule } from '../rule.js';
import type { SchemaReader } from '../schema.js';

function lifecycle(op: Operation, reader: SchemaReader): LifecycleModel | undefined {
  if (op.method.toLowerCase() !== 'get' || !/\}$/.test(op.path)) {
    return undefined;
  }
  // The generator's success response: the first 2xx (the model reads the same one).
  const status = [...op.responses.keys()].filter((s) => /^2/.test(s)).sort()[0];
  const schema = status === undefined ? undefined : op.responses.get(status)?.schema;
  try {
    return lifecycleOf({ doc: reader.doc as OpenApiDocument, op: op.raw, path: op.path, schema });
  } catch (error) {
    // A malformed extension: the generator refuses the spec with its own one-line error.
    if (error instanceof GeneratorError) {
      return undefined;
    }
    throw error;
  }
}

const list = (values: readonly string[]): string => (values.length ? `[${values.join(', ')}]` : '[]');
const ms = (value: number): string => {
  const unit = [3_600_000, 60_000, 1000].find((u) => value % u === 0);
  return unit ? `${value / unit}${{ 3600000: 'h', 60000: 'm', 1000: 's' }[unit]}` : `${value}ms`;
};
const limit = (t: LifecycleModel['create']): string =>
  t.by
    ? `${ms(t.ms)} (by ${t.by.field.join('.')}: ${Object.entries(t.by.ms)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')})`
    : ms(t.ms);
const gone = (g: LifecycleModel['gone']): string =>
  list(g.map((a) => (a.code ? `${a.status} ${a.code}` : String(a.status))));
const field = (f: string[] | undefined): string => (f ? f.join('.') : 'none');

/** What each aspect reads as, and how much a change to it matters. */
const ASPECTS: [aspect: string, variant: string, show: (l: LifecycleModel) => string][] = [
  ['phase field', 'behaviour', (l) => field(l.phase)],
  ['error message field', 'behaviour', (l) => field(l.errorMessage)],
  ['working phases', 'behaviour', (l) => list(l.working)],
  ['settled phases', 'behaviour', (l) => list(l.settled)],
  ['failed phases', 'behaviour', (l) => list(l.failed)],
  ['deleting phases', 'behaviour', (l) => list(l.deleting)],
  ['gone answers', 'behaviour', (l) => gone(l.gone)],
  ['create time limit', 'behaviour', (l) => limit(l.create)],
  ['delete time limit', 'behaviour', (l) => limit(l.delete)],
  ['polling', 'polling', (l) => `${ms(l.firstPollMs)} doubling to ${ms(l.maxPollMs)}`],
];

function compare(base: LifecycleModel | undefined, head: LifecycleModel | undefined, emit: Emit): void {
  if (!base && !head) {
    return;
  }
  if (!base || !head) {
    const [from, to] = base ? ['a waiter', 'none'] : ['none', 'a waiter'];
    emit({ location: 'x-sdk-lifecycle', variant: base ? 'removed' : 'added', params: { aspect: 'waiter', from, to } });
    return;
  }
  for (const [aspect, variant, show] of ASPECTS) {
    const [from, to] = [show(base), show(head)];
    if (from !== to) {
      emit({ location: `x-sdk-lifecycle ${aspect}`, variant, params: { aspect, from, to } });
    }
  }
}

const rule: Rule = {
  id: 'sdk-lifecycle-changed',
  operation({ base, head, readers }, emit) {
    if (!base || !head) {
      return;
    }
    compare(lifecycle(base, readers.base), lifecycle(head, readers.head), emit);
  },
};
export default rule;
