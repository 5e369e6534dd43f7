// Version discipline, as Redocly's `diff --check-version`: the package version (`info.x-sdk.version`, the
// generator's fallback 0.0.0) must move with the verdict. Breaking → a new major (a new minor before 1.0);
// operations added → a new minor, as the report's suggested bump says (so `make diff` and --check-version agree).
import semver from 'semver';
import { asObject, asString, type JsonObject } from './json.js';

export type RequiredBump = 'major' | 'minor' | 'none';

export interface VersionCheck {
  base: string;
  head: string;
  required: RequiredBump;
  ok: boolean;
  /** What is missing, for the comment and stderr; empty when ok. */
  message: string;
}

function packageVersion(doc: JsonObject): string {
  return asString(asObject(asObject(doc.info)?.['x-sdk'])?.version) ?? '0.0.0';
}

export function checkVersion(input: {
  base: JsonObject;
  head: JsonObject;
  breaking: boolean;
  operationsAdded: boolean;
}): VersionCheck {
  const base = packageVersion(input.base);
  const head = packageVersion(input.head);
  const [from, to] = [semver.parse(base), semver.parse(head)];
  if (!from || !to) {
    const bad = from ? head : base;
    return { base, head, required: 'none', ok: false, message: `info.x-sdk.version "${bad}" is not a semver version` };
  }
  const required: RequiredBump = input.breaking
    ? from.major >= 1
      ? 'major'
      : 'minor'
    : input.operationsAdded
      ? 'minor'
      : 'none';
  const moved =
    required === 'major'
      ? to.major > from.major
      : required === 'minor'
        ? to.major > from.major || (to.major === from.major && to.minor > from.minor)
        : true;
  if (moved) {
    return { base, head, required, ok: true, message: '' };
  }
  const next = semver.inc(from, required === 'none' ? 'patch' : required);
  const why = input.breaking ? 'the change is breaking' : 'operations were added';
  return {
    base,
    head,
    required,
    ok: false,
    message: `${why}, so info.x-sdk.version must move to at least ${next ?? required} (it is ${head}, was ${base})`,
  };
}
