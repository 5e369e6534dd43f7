// The one rule for the order of a generated function's arguments, for methods and the helpers beside them:
// path parameters by position, then the object arguments, the required ones before the optional ones.
// TypeScript refuses a required parameter after an optional one (TS1016), so no helper may add one at the end.
import { localName } from '../../helpers.js';
import type { ArgModel, ParamModel } from './types.js';

/** Identifiers the generated code itself uses beside the arguments. */
const TAKEN = ['body', 'query', 'headers', 'cookies', 'options', 'wait', 'o'];

export interface SignatureInput {
  pathParams: ParamModel[];
  /** TypeScript type of each path parameter, by wire name. */
  pathTypes: Map<string, string>;
  /** The object arguments (body, query, headers, cookies), in their preferred order. */
  objects: ArgModel[];
}

export function signature({ pathParams, pathTypes, objects }: SignatureInput): ArgModel[] {
  const taken = new Set(TAKEN);
  const path: ArgModel[] = pathParams.map((p) => {
    const name = localName(p.name, taken);
    taken.add(name);
    return { name, kind: 'path', type: pathTypes.get(p.name) ?? 'string', optional: false, wireName: p.name };
  });
  return [...path, ...ordered(objects)];
}

/** A helper's arguments: the method's, plus its own (`wait`), under the same rule. */
export function withArgs(args: ArgModel[], extra: ArgModel[]): ArgModel[] {
  const path = args.filter((a) => a.kind === 'path');
  return [...path, ...ordered([...args.filter((a) => a.kind !== 'path'), ...extra])];
}

function ordered(objects: ArgModel[]): ArgModel[] {
  return [...objects.filter((a) => !a.optional), ...objects.filter((a) => a.optional)];
}
