// The one place levels live. A rule file decides *whether* something changed and which variant it is
// (request vs response, open vs closed enum); this registry decides how much it matters.

export type Level = 'breaking' | 'warning' | 'info';
export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];

export interface RuleMeta {
  /** One level, or one per variant the rule reports. */
  level: Level | Readonly<Record<string, Level>>;
  description: string;
  /** Template; `{operation}` and `{location}` are always available, the rest are filled by the rule. */
  message: string;
  /** At info level, adds something callers can use: suggests a minor bump rather than a patch. */
  feature?: boolean;
}

/** Levels of a keyword rule: a request that refuses more breaks callers; a response that sends more warns. */
const KEYWORD_LEVELS = {
  'request-tightened': 'breaking',
  'request-changed': 'breaking',
  'request-loosened': 'info',
  'response-loosened': 'warning',
  'response-changed': 'warning',
  'response-tightened': 'info',
} as const;

const registry = {
  'operation-added': {
    level: 'info',
    feature: true,
    description: 'A new operation: a new method on the client.',
    message: 'Operation {operation} was added',
  },
  'operation-removed': {
    level: 'breaking',
    description: 'An operation was removed: calls to its method no longer compile.',
    message: 'Operation {operation} was removed',
  },
  'operation-deprecated': {
    level: 'warning',
    description: 'An operation became deprecated: its method is marked @deprecated and will be removed later.',
    message: 'Operation {operation} is now deprecated',
  },
  'sdk-name-changed': {
    level: 'breaking',
    description: 'x-sdk-resource or x-sdk-method changed: the generated method moved, so calls no longer compile.',
    message: 'Generated method changed from {from} to {to}',
  },
  'sdk-lifecycle-changed': {
    level: { behaviour: 'warning', polling: 'info', added: 'info', removed: 'breaking' },
    feature: true,
    description:
      'The lifecycle the generated waitFor / waitUntilDeleted run on changed (x-sdk-lifecycle, or the phases it is inferred from): the phases a wait ends or fails on, the answers that mean gone, the time limits. Calls still compile but wait differently (warning); polling delays are info; a waiter appearing is info, vanishing breaking.',
    message: 'Waiter of {operation}: {aspect} changed from {from} to {to}',
  },
  'parameter-added': {
    level: 'info',
    feature: true,
    description: 'A new optional parameter.',
    message: 'Optional parameter {location} was added',
  },
  'required-parameter-added': {
    level: 'breaking',
    description: 'A new required parameter: existing calls lack it and no longer compile.',
    message: 'Required parameter {location} was added',
  },
  'parameter-removed': {
    level: 'breaking',
    description: 'A parameter was removed: calls passing it no longer compile.',
    message: 'Parameter {location} was removed',
  },
  'parameter-became-required': {
    level: 'breaking',
    description: 'An optional parameter became required: calls omitting it no longer compile.',
    message: 'Parameter {location} became required',
  },
  'parameter-became-optional': {
    level: 'info',
    feature: true,
    description: 'A required parameter became optional.',
    message: 'Parameter {location} became optional',
  },
  'parameter-type-changed': {
    level: 'breaking',
    description: 'The type of a parameter changed: calls passing the old type no longer compile.',
    message: 'Type of parameter {location} changed from {from} to {to}',
  },
  'parameter-default-changed': {
    level: 'warning',
    description: 'The default of a parameter changed: calls omitting it behave differently.',
    message: 'Default of parameter {location} changed from {from} to {to}',
  },
  'parameter-deprecated': {
    level: 'warning',
    description: 'A parameter became deprecated: it is marked @deprecated and will be removed later.',
    message: 'Parameter {location} is now deprecated',
  },
  'request-body-added': {
    level: { required: 'breaking', optional: 'info' },
    feature: true,
    description: 'An operation now takes a request body; breaking when the body is required.',
    message: 'A {required} request body was added',
  },
  'request-body-removed': {
    level: 'breaking',
    description: 'An operation no longer takes a request body: calls passing one no longer compile.',
    message: 'The request body was removed',
  },
  'request-body-became-required': {
    level: 'breaking',
    description: 'An optional request body became required: calls omitting it no longer compile.',
    message: 'The request body became required',
  },
  'request-media-type-removed': {
    level: 'breaking',
    description: 'The request body no longer accepts a media type it accepted: calls sending it are refused.',
    message: 'Request media type {mediaType} was removed',
  },
  'request-property-added': {
    level: 'info',
    feature: true,
    description: 'A new optional property in a request body.',
    message: 'Optional request property {property} was added',
  },
  'required-request-property-added': {
    level: 'breaking',
    description: 'A new required property in a request body: existing calls lack it and no longer compile.',
    message: 'Required request property {property} was added',
  },
  'request-property-removed': {
    level: 'breaking',
    description: 'A property was removed from a request body: calls passing it no longer compile.',
    message: 'Request property {property} was removed',
  },
  'request-property-became-required': {
    level: 'breaking',
    description: 'An optional request property became required: calls omitting it no longer compile.',
    message: 'Request property {property} became required',
  },
  'request-property-became-optional': {
    level: 'info',
    feature: true,
    description: 'A required request property became optional.',
    message: 'Request property {property} became optional',
  },
  'property-became-read-only': {
    level: 'breaking',
    description:
      'A request property became readOnly: it leaves the request type, so calls passing it no longer compile.',
    message: 'Property {property} became read-only and can no longer be sent',
  },
  'response-property-added': {
    level: 'info',
    feature: true,
    description: 'A new property in a response body.',
    message: 'Response property {property} was added',
  },
  'response-property-removed': {
    level: 'breaking',
    description: 'A property was removed from a response body: code reading it no longer compiles.',
    message: 'Response property {property} was removed',
  },
  'response-property-became-optional': {
    level: 'breaking',
    description: 'A required response property became optional: it may be undefined where code assumes a value.',
    message: 'Response property {property} became optional',
  },
  'property-type-changed': {
    level: 'breaking',
    description: 'The type of a request or response property (or body) changed.',
    message: 'Type of {property} changed from {from} to {to}',
  },
  'property-nullability-changed': {
    level: {
      'request-narrowed': 'breaking',
      'response-widened': 'breaking',
      'request-widened': 'info',
      'response-narrowed': 'info',
    },
    description:
      'A property became nullable or stopped being nullable. Breaking when callers may no longer send null, or may ' +
      'now receive it.',
    message: '{property} {change}',
  },
  'enum-value-added': {
    level: { request: 'info', response: 'warning', 'response-open': 'info' },
    feature: true,
    description:
      'A new enum value. Requests: callers may send it. Responses: a closed enum union gains a member that ' +
      'exhaustive code does not handle; an open enum (x-extensible-enum) already admits it.',
    message: 'Enum value {value} was added',
  },
  'enum-value-removed': {
    level: { request: 'breaking', response: 'breaking', 'response-open': 'info' },
    description:
      'An enum value was removed. Requests: calls passing it no longer compile. Responses (closed enum): ' +
      'comparisons with the value no longer compile (TS2367). An open enum still admits any string.',
    message: 'Enum value {value} was removed',
  },
  'enum-constraint-added': {
    level: { request: 'breaking', 'request-open': 'info', response: 'warning', 'response-open': 'info' },
    description:
      'A plain value became an enum. Requests: values that were accepted are now refused (an open enum, ' +
      'x-extensible-enum, still admits any string). Responses (closed enum): the type narrows to a union, so ' +
      'comparisons with values outside it no longer compile (TS2367).',
    message: '{property} became an enum ({values})',
  },
  'enum-constraint-removed': {
    level: { request: 'info', response: 'breaking', 'response-open': 'info' },
    feature: true,
    description:
      'An enum became a plain value. Requests: any value may be sent. Responses (closed enum): the union widens to ' +
      'its base type, so code typed with the old union no longer compiles. An open enum already admitted any ' +
      'string.',
    message: '{property} is no longer an enum (was {values})',
  },
  'discriminator-added': {
    level: { request: 'breaking', response: 'warning' },
    description:
      'A union gained a discriminator: each variant types it as its literal value. Requests: values typed with the ' +
      'old string no longer compile. Responses: comparisons with other values no longer compile (TS2367).',
    message: '{property} is now discriminated by {discriminator}',
  },
  'discriminator-removed': {
    level: { request: 'info', response: 'breaking' },
    description:
      'A union lost its discriminator: the discriminator property widens back to its type, so code narrowing on it ' +
      '(or typed with a variant) no longer compiles. Requests accept more.',
    message: '{property} is no longer discriminated by {discriminator}',
  },
  'prefix-items-changed': {
    level: {
      'length-changed': 'breaking',
      'request-added': 'breaking',
      'response-added': 'info',
      'request-removed': 'info',
      'response-removed': 'breaking',
    },
    description:
      'prefixItems (a tuple) appeared, vanished or changed length. The generated type is a fixed tuple: tuples of ' +
      'another length are not assignable either way; an array becoming a tuple breaks requests, a tuple becoming ' +
      'an array breaks responses.',
    message: '{property} changed from {from} to {to}',
  },
  'pattern-properties-changed': {
    level: {
      'request-added': 'breaking',
      'response-added': 'info',
      'request-removed': 'info',
      'response-removed': 'breaking',
    },
    description:
      'A patternProperties pattern appeared or vanished: the generated index signature changes. Requests: a new ' +
      'pattern constrains values that were free. Responses: reads through a removed index signature no longer ' +
      'compile.',
    message: '{property}: pattern property {pattern} {change}',
  },
  'component-type-removed': {
    level: { removed: 'breaking', renamed: 'breaking' },
    description:
      'A component schema is gone, so its exported type is too: imports of it no longer compile. A rename (the ' +
      'same schema under another name) breaks imports just the same.',
    message: 'Exported type {type} {change}',
  },
  'discriminator-variant-added': {
    level: { request: 'info', response: 'warning' },
    feature: true,
    description: 'A new variant in a discriminated union; in a response, exhaustive handling misses it.',
    message: 'Variant {value} was added',
  },
  'discriminator-variant-removed': {
    level: 'breaking',
    description:
      'A variant was removed from a discriminated union: its type and narrowing on its value no longer compile.',
    message: 'Variant {value} was removed',
  },
  'response-status-added': {
    level: { success: 'warning', error: 'info' },
    feature: true,
    description:
      'A new response status. A new success status can change what a method returns; a new error status is documentation.',
    message: 'Response {status} was added',
  },
  'response-status-removed': {
    level: { success: 'breaking', error: 'info' },
    description: 'A response status was removed. A removed success status changes the return type.',
    message: 'Response {status} was removed',
  },
  'response-media-type-changed': {
    level: { narrowed: 'breaking', widened: 'info' },
    description:
      'The media types of a success response changed. Breaking when a previously returned media type is gone; info ' +
      'when media types were only added.',
    message: 'Media types of response {status} changed from {from} to {to}',
  },
  'response-header-added': {
    level: 'info',
    feature: true,
    description: 'A success response documents a new header.',
    message: 'Response header {header} was added',
  },
  'response-header-removed': {
    level: 'warning',
    description: 'A header documented on a success response is gone: code reading it still compiles but may get null.',
    message: 'Response header {header} was removed',
  },
  'request-constraint-tightened': {
    level: 'breaking',
    description:
      'A request constraint tightened (lower maximum, higher minimum, shorter maxLength, fewer maxItems, more ' +
      'minItems, a new or changed pattern or format): values that were accepted are refused. Both packages still ' +
      'compile.',
    message: '{property}: {constraint} tightened from {from} to {to}',
  },
  'request-constraint-loosened': {
    level: 'info',
    description: 'A request constraint loosened or dropped: more values are accepted.',
    message: '{property}: {constraint} loosened from {from} to {to}',
  },
  'dependent-constraint-changed': {
    level: KEYWORD_LEVELS,
    description:
      'dependentRequired or dependentSchemas changed. Requests: a new obligation ("with a, send b") refuses ' +
      'payloads that were accepted: breaking; a dropped one is info. Responses: mirrored (looser is a warning).',
    message: '{property}: {keyword} {change} ({from} → {to})',
  },
  'conditional-constraint-changed': {
    level: KEYWORD_LEVELS,
    description:
      'if/then/else changed, or a constraint inside a branch. Requests: a stricter branch (or a new condition) ' +
      'refuses payloads that were accepted: breaking; looser is info. Responses: mirrored (looser is a warning).',
    message: '{property}: {keyword} {change} ({from} → {to})',
  },
  'contains-constraint-changed': {
    level: KEYWORD_LEVELS,
    description:
      'contains, minContains or maxContains changed. Requests: arrays must now hold more (or other) matching ' +
      'items: breaking; looser is info. Responses: mirrored (looser is a warning).',
    message: '{property}: {keyword} {change} ({from} → {to})',
  },
  'unevaluated-constraint-changed': {
    level: KEYWORD_LEVELS,
    description:
      'propertyNames, unevaluatedProperties or unevaluatedItems changed. Requests: keys or items that were ' +
      'accepted are refused: breaking; looser is info. Responses: mirrored (looser is a warning).',
    message: '{property}: {keyword} {change} ({from} → {to})',
  },
  'content-constraint-changed': {
    level: KEYWORD_LEVELS,
    description:
      'contentSchema, contentMediaType or contentEncoding of a string changed. Requests: strings must now be ' +
      'encoded or shaped otherwise: breaking; looser is info. Responses: mirrored (looser is a warning).',
    message: '{property}: {keyword} {change} ({from} → {to})',
  },
  'security-changed': {
    level: { narrowed: 'breaking', widened: 'info' },
    description:
      'The effective security requirements changed. Breaking when a previously accepted way to authenticate is no ' +
      'longer accepted.',
    message: 'Security changed from {from} to {to}',
  },
  'deprecated-without-sunset': {
    level: 'warning',
    description:
      'An operation is deprecated with no sunset date (x-sunset-at or x-sunset, configurable): callers cannot tell ' +
      'how long it keeps working.',
    message: 'Operation {operation} is deprecated without a sunset date ({keys})',
  },
  'removed-before-sunset': {
    level: 'breaking',
    description:
      'A deprecated operation was removed before the sunset date it announced: callers were promised it until ' +
      'then. (Removed on or after its sunset, operation-removed is info.)',
    message: 'Operation {operation} was removed before its sunset {sunset} (today is {today})',
  },
  'lifecycle-stage-changed': {
    level: { decreased: 'warning', increased: 'info' },
    description:
      'The lifecycle stage of an operation changed (x-lifecycle-stage, x-stability-level or a lifecycle badge). ' +
      'Down (GA → Preview → Early Access): it promises less, and later breaks will be allowed. Up: info.',
    message: 'Lifecycle stage changed from {from} to {to}',
  },
  'description-changed': {
    level: 'info',
    description: 'A summary or description changed: documentation only, never breaking.',
    message: '{subject} changed',
  },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof registry;
export const RULES: Readonly<Record<RuleId, RuleMeta>> = registry;
export const RULE_IDS = Object.keys(registry).sort() as RuleId[];

export function levelOf(id: RuleId, variant: string | undefined): Level {
  const level = RULES[id].level;
  if (typeof level === 'string') {
    return level;
  }
  const chosen = variant === undefined ? undefined : level[variant];
  if (!chosen) {
    throw new Error(`rule ${id}: unknown variant ${String(variant)}`);
  }
  return chosen;
}

/** Variants of a rule (empty when it has a single level). */
export function variantsOf(id: RuleId): string[] {
  const level = RULES[id].level;
  return typeof level === 'string' ? [] : Object.keys(level);
}
