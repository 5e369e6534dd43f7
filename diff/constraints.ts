// Request constraints that no compiler sees: a lower maximum, a higher minimum, a shorter maxLength, a new
// pattern, more minItems, a new format. Both sides still compile; calls that passed validation are refused.
import { display, type Json } from './json.js';
import type { ConstraintKey, SchemaView } from './schema.js';

export interface ConstraintChange {
  constraint: ConstraintKey;
  from: string;
  to: string;
  tightened: boolean;
}

// Upper bounds tighten when they drop (or appear); lower bounds when they rise (or appear).
const UPPER: readonly ConstraintKey[] = ['maximum', 'maxLength', 'maxItems'];
const LOWER: readonly ConstraintKey[] = ['minimum', 'minLength', 'minItems'];
// Not ordered: any new or different value refuses something that was accepted.
const OPAQUE: readonly ConstraintKey[] = ['pattern', 'format'];

export function constraintChanges(base: SchemaView, head: SchemaView): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  const push = (constraint: ConstraintKey, tightened: boolean): void => {
    const [from, to] = [base.constraints[constraint], head.constraints[constraint]];
    changes.push({ constraint, from: shown(from), to: shown(to), tightened });
  };
  for (const key of [...UPPER, ...LOWER]) {
    const from = bound(base, key);
    const to = bound(head, key);
    if (from === to) {
      continue;
    }
    const upper = UPPER.includes(key);
    if (from === undefined) {
      push(key, true);
    } else if (to === undefined) {
      push(key, false);
    } else {
      push(key, upper ? to < from : to > from);
    }
  }
  for (const key of OPAQUE) {
    const [from, to] = [opaque(base, key), opaque(head, key)];
    if (from === to) {
      continue;
    }
    push(key, to !== undefined);
  }
  return changes;
}

/**
 * A pattern or format as it limits values. `pattern` is searched, not anchored: `''` and `.*` match every string,
 * so they limit nothing and read as absent.
 */
function opaque(view: SchemaView, key: ConstraintKey): Json | undefined {
  const value = view.constraints[key];
  if (key === 'pattern' && (value === '' || value === '.*')) {
    return undefined;
  }
  return value;
}

/** An empty pattern is shown quoted, so the message does not end in nothing. */
function shown(value: Json | undefined): string {
  return value === '' ? "''" : display(value);
}

/** A numeric bound; OpenAPI 3.0's boolean exclusiveMaximum/exclusiveMinimum nudge it by a hair. */
function bound(view: SchemaView, key: ConstraintKey): number | undefined {
  const value = number(view.constraints[key]);
  const exclusive =
    key === 'maximum'
      ? view.constraints.exclusiveMaximum
      : key === 'minimum'
        ? view.constraints.exclusiveMinimum
        : undefined;
  // 3.1: exclusiveMaximum is itself the bound.
  if (typeof exclusive === 'number') {
    const strict = key === 'maximum' ? exclusive - Number.EPSILON : exclusive + Number.EPSILON;
    return value === undefined ? strict : key === 'maximum' ? Math.min(value, strict) : Math.max(value, strict);
  }
  if (value === undefined || exclusive !== true) {
    return value;
  }
  return key === 'maximum' ? value - Number.EPSILON : value + Number.EPSILON;
}

function number(value: Json | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
