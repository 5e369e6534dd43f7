// fast-check arbitraries for valid OpenAPI 3.0 and 3.1 documents that aim at the generator's traps: names from a
// hostile alphabet, parameters in every location (required and optional), paging and waiting helpers, several
// media types, and $ref chains whose pointers need escaping (`~0`, `~1`, percent-encoding).
import fc from 'fast-check';

// Quotes, comment ends, pointer metacharacters, spaces, unicode, leading digits, reserved words' letters.
// `%` is left out: openapi-typescript 7.13 percent-decodes its own paths and throws on a key like `100%` (see
// the issue's note); every other character here has shown up in real specs' names.
const HOSTILE = [...'aZq09_$- /~.{}\'"*`é中:@+!?#|\\'];
const WORDS = ['constructor', '__proto__', 'default', 'class', 'Page', 'data', 'status', 'type', 'delete', 'then'];

const hostileName = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')),
);
const identifier = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/);

const escapeToken = (t: string): string => t.replace(/~/g, '~0').replace(/\//g, '~1');
/** A pointer to a component, spelled plain or percent-encoded (both valid: RFC 6901 §6). */
const refTo = (name: string, encode: boolean): string =>
  `#/components/schemas/${encode ? encodeURIComponent(escapeToken(name)) : escapeToken(name)}`;

type Schema = Record<string, unknown>;

function scalar(version: '3.0' | '3.1'): fc.Arbitrary<Schema> {
  return fc.oneof(
    fc.constant({ type: 'string' }),
    fc.constant({ type: 'integer' }),
    fc.constant({ type: 'boolean' }),
    fc.constant({ type: 'string', format: 'date-time' }),
    fc.uniqueArray(hostileName, { minLength: 1, maxLength: 3 }).map((e) => ({ type: 'string', enum: e })),
    version === '3.0' ? fc.constant({ type: 'string', nullable: true }) : fc.constant({ type: ['string', 'null'] }),
  );
}

export interface FuzzDocument {
  version: '3.0' | '3.1';
  document: Record<string, unknown>;
}

export const documentArbitrary: fc.Arbitrary<FuzzDocument> = fc
  .record({
    version: fc.constantFrom('3.0' as const, '3.1' as const),
    names: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4, comparator: (a, b) => a === b }),
  })
  .chain(({ version, names }) =>
    fc
      .record({
        components: fc.tuple(
          ...names.map((_, i) =>
            fc.record({
              props: fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4 }),
              kinds: fc.array(fc.oneof(scalar(version), fc.nat({ max: names.length - 1 }), fc.constant('array')), {
                minLength: 4,
                maxLength: 4,
              }),
              required: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
              encode: fc.boolean(),
              index: fc.constant(i),
            }),
          ),
        ),
        resources: fc.uniqueArray(identifier, { minLength: 1, maxLength: 3 }),
        ops: fc.array(
          fc.record({
            params: fc.array(
              fc.record({
                name: hostileName,
                in: fc.constantFrom('query', 'header', 'cookie'),
                required: fc.boolean(),
                schema: scalar(version),
              }),
              { maxLength: 3 },
            ),
            media: fc.subarray(
              [
                'application/json',
                'application/x-www-form-urlencoded',
                'multipart/form-data',
                'text/plain',
                'application/octet-stream',
                'application/vnd.api+json',
              ],
              { maxLength: 3 },
            ),
            bodyRequired: fc.boolean(),
            response: fc.nat({ max: 16 }),
            responseMedia: fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', 'none'),
            paged: fc.boolean(),
            pagedPost: fc.boolean(),
            waitable: fc.boolean(),
            encode: fc.boolean(),
            operationId: fc.option(hostileName, { nil: undefined }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map(({ components, resources, ops }) => ({
        version,
        document: build({ version, names, components, resources, ops }),
      })),
  );

interface Parts {
  version: '3.0' | '3.1';
  names: string[];
  components: { props: string[]; kinds: (Schema | number | string)[]; required: boolean[]; encode: boolean }[];
  resources: string[];
  ops: {
    params: { name: string; in: string; required: boolean; schema: Schema }[];
    media: string[];
    bodyRequired: boolean;
    response: number;
    responseMedia: string;
    paged: boolean;
    pagedPost: boolean;
    waitable: boolean;
    encode: boolean;
    operationId: string | undefined;
  }[];
}

function build(p: Parts): Record<string, unknown> {
  const schemas: Record<string, Schema> = {};
  p.components.forEach((c, i) => {
    const properties: Record<string, Schema> = {};
    c.props.forEach((prop, j) => {
      const kind = c.kinds[j % c.kinds.length]!;
      // A number is a $ref to another component (a chain, sometimes a cycle), spelled plain or percent-encoded.
      properties[prop] =
        typeof kind === 'number'
          ? { $ref: refTo(p.names[kind]!, c.encode) }
          : kind === 'array' || typeof kind === 'string'
            ? { type: 'array', items: { $ref: refTo(p.names[(i + 1) % p.names.length]!, !c.encode) } }
            : kind;
    });
    const required = c.props.filter((_, j) => c.required[j % c.required.length]);
    schemas[p.names[i]!] = { type: 'object', properties, ...(required.length ? { required } : {}) };
  });
  const paths: Record<string, Record<string, unknown>> = {};
  p.ops.forEach((op, i) => {
    const resource = p.resources[i % p.resources.length]!;
    const target = p.names[op.response % p.names.length]!;
    const ref = { $ref: refTo(target, op.encode) };
    const parameters: Schema[] = [];
    const seen = new Set<string>();
    for (const param of op.params) {
      const k = `${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`;
      if (!seen.has(k)) {
        seen.add(k);
        parameters.push({ ...param });
      }
    }
    const body = op.media.length
      ? {
          required: op.bodyRequired,
          content: Object.fromEntries(
            op.media.map((m) => [
              m,
              { schema: m.startsWith('text/') || m === 'application/octet-stream' ? { type: 'string' } : ref },
            ]),
          ),
        }
      : undefined;
    const response = (schema: unknown) =>
      op.responseMedia === 'none'
        ? { description: 'none' }
        : {
            description: 'ok',
            content: {
              [op.responseMedia]: {
                schema: op.responseMedia === 'application/json' ? schema : { type: 'string' },
              },
            },
          };
    const id = (suffix: string) =>
      op.operationId === undefined ? {} : { operationId: `${op.operationId}${suffix}${i}` };
    const collection = `/${resource}`;
    const item = `/${resource}/{${p.names[0]!.replace(/[{}/?#]/g, '') || 'id'}}`;
    const pathParam = {
      name: p.names[0]!.replace(/[{}/?#]/g, '') || 'id',
      in: 'path',
      required: true,
      schema: { type: 'string' },
    };
    paths[collection] ??= {};
    paths[item] ??= {};
    const listed = {
      type: 'object',
      properties: {
        data: { type: 'array', items: ref },
        metadata: { type: 'object', properties: { next: { type: 'string' } } },
      },
    };
    const pageToken = { name: 'page_token', in: 'query', required: false, schema: { type: 'string' } };
    if (op.paged && !paths[collection]!.get) {
      paths[collection]!.get = {
        ...id('List'),
        parameters: [...parameters, pageToken],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: listed } } } },
      };
    }
    if (op.pagedPost && body && !paths[collection]!.post) {
      // Paged POST: the iterator must take the body too (Confluent's metrics/v2).
      paths[collection]!.post = {
        ...id('Query'),
        parameters: [...parameters, pageToken],
        requestBody: body,
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: listed } } } },
      };
    } else if (body && !paths[collection]!.put) {
      paths[collection]!.put = { ...id('Put'), parameters, requestBody: body, responses: { '200': response(ref) } };
    }
    if (!paths[item]!.get) {
      const phased = {
        type: 'object',
        properties: { status: { type: 'object', required: ['phase'], properties: { phase: { type: 'string' } } } },
      };
      paths[item]!.get = {
        ...id('Get'),
        parameters: [pathParam, ...parameters],
        responses: {
          '200': op.waitable
            ? { description: 'ok', content: { 'application/json': { schema: phased } } }
            : response(ref),
        },
      };
    } else if (!paths[item]!.delete) {
      paths[item]!.delete = {
        ...id('Delete'),
        parameters: [pathParam, ...parameters],
        responses: { '204': { description: 'gone' } },
      };
    }
  });
  return {
    openapi: p.version === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: 'Fuzz API', version: '1.0.0' },
    paths,
    components: { schemas },
  };
}
