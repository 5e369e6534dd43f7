// Turns the model into the exact strings templates print (signatures, calls, doc blocks),
// so templates stay free of logic and every string is testable here.
import { camelCase, jsdoc, tsKey, tsString } from '../helpers.js';
import type { BuiltModel } from '../model/build.js';
import type { RawMethod } from '../model/operations.js';
import type { ResourceModel } from '../model/types.js';

type Resource = Omit<ResourceModel, 'methods'> & { methods: RawMethod[] };

export interface MethodView {
  doc: string;
  name: string;
  signature: string;
  returnType: string;
  call: string;
}

export interface ResourceView {
  className: string;
  property: string;
  fileName: string;
  doc: string;
  imports: string;
  coreImports: string;
  methods: MethodView[];
}

export function resourceView(resource: Resource): ResourceView {
  const methods: MethodView[] = [];
  for (const m of resource.methods) {
    methods.push(methodView(m));
    if (m.pageItemType && m.name === 'list') methods.push(listAllView(m));
  }
  const get = resource.methods.find((m) => m.name === 'get' && m.phases);
  if (get) methods.push(waitForView(get));

  const types = new Set<string>();
  for (const m of resource.methods) {
    for (const t of [m.bodyType, m.queryType, m.returnType === 'void' ? undefined : m.returnType, m.pageItemType]) {
      if (t && /^[A-Za-z_$][\w$]*$/.test(t)) types.add(t);
    }
  }
  const core = ['APIResource', 'type RequestOptions'];
  if (get) core.push('type WaitOptions');
  return {
    className: resource.className,
    property: resource.property,
    fileName: resource.fileName,
    doc: jsdoc([resource.description ? firstParagraph(resource.description) : `Operations on ${resource.property}.`]),
    imports: [...types].sort().join(', '),
    coreImports: core.join(', '),
    methods,
  };
}

function methodView(m: RawMethod): MethodView {
  const args: string[] = m.pathParams.map((p) => `${camelCase(p.name)}: ${p.type.startsWith('integer') || p.type.startsWith('number') ? 'number' : 'string'}`);
  if (m.bodyType) args.push(`body${m.bodyRequired ? '' : '?'}: ${m.bodyType}`);
  if (m.queryType) args.push(`query${m.queryRequired ? '' : '?'}: ${m.queryType}`);
  args.push('options?: RequestOptions');
  return {
    doc: jsdoc(
      [
        m.summary,
        m.description && m.description !== m.summary ? firstParagraph(m.description) : undefined,
        `\`${m.httpMethod} ${m.path}\``,
        m.deprecated && '@deprecated The API marks this operation as deprecated.',
      ],
      '  ',
    ),
    name: m.name,
    signature: args.join(', '),
    returnType: `Promise<${m.returnType}>`,
    call: `this._client.request<${m.returnType}>(${requestLiteral(m)}, options)`,
  };
}

function listAllView(m: RawMethod): MethodView {
  const q = m.queryType ? `query${m.queryRequired ? '' : '?'}: ${m.queryType}, ` : '';
  return {
    doc: jsdoc([`Every ${m.pageItemType} across all pages: follows \`metadata.next\` and repeats your filters.`, `\`${m.httpMethod} ${m.path}\``], '  '),
    name: 'listAll',
    signature: `${q}options?: RequestOptions`,
    returnType: `AsyncIterable<${m.pageItemType}>`,
    call: `this._client.paginate<${m.pageItemType}>(${requestLiteral(m)}, options)`,
  };
}

function waitForView(get: RawMethod): MethodView {
  const pathArgs = get.pathParams.map((p) => camelCase(p.name));
  const args = [...get.pathParams.map((p) => `${camelCase(p.name)}: string`)];
  const passQuery = get.queryType ? ['query'] : [];
  if (get.queryType) args.push(`query${get.queryRequired ? '' : '?'}: ${get.queryType}`);
  args.push(`wait: WaitOptions<${get.returnType}>`);
  const phases = get.phases?.length ? `Known phases: ${get.phases.join(', ')}.${get.readyPhase ? ` Usually wait for ${get.readyPhase}.` : ''}` : undefined;
  return {
    doc: jsdoc(
      [
        `Polls \`get\` until \`wait.until\` returns true; throws TimeoutError after \`wait.timeoutMs\` and ResourceFailedError when \`status.phase\` is FAILED.`,
        phases,
      ],
      '  ',
    ),
    name: 'waitFor',
    signature: args.join(', '),
    returnType: `Promise<${get.returnType}>`,
    call: `this._client.waitFor((o) => this.get(${[...pathArgs, ...passQuery, 'o'].join(', ')}), wait)`,
  };
}

function requestLiteral(m: RawMethod): string {
  const parts = [`method: ${tsString(m.httpMethod)}`, `path: ${tsString(m.path)}`];
  const params: string[] = [];
  if (m.pathParams.length) params.push(`path: { ${m.pathParams.map((p) => pair(p.name)).join(', ')} }`);
  if (m.queryType) params.push('query');
  if (params.length) parts.push(`params: { ${params.join(', ')} }`);
  if (m.bodyType) parts.push('body');
  return `{ ${parts.join(', ')} }`;
}

function pair(name: string): string {
  const local = camelCase(name);
  return local === name ? name : `${tsKey(name)}: ${local}`;
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0]!.trim();
}

export interface ClientView {
  className: string;
  doc: string;
  resources: { property: string; className: string; fileName: string }[];
  sdk: string;
}

export function clientView(model: BuiltModel): ClientView {
  const sdk = [
    `packageName: ${tsString(model.packageName)}`,
    `packageVersion: ${tsString(model.packageVersion)}`,
    `defaultBaseUrl: ${tsString(model.defaultBaseUrl)}`,
    ...(model.envPrefix ? [`envPrefix: ${tsString(model.envPrefix)}`] : []),
  ];
  return {
    className: model.clientName,
    doc: jsdoc([`Client for the ${model.title}.`, `Resources: ${model.resources.map((r) => r.property).join(', ')}.`]),
    resources: model.resources.map((r) => ({ property: r.property, className: r.className, fileName: r.fileName })),
    sdk: `{ ${sdk.join(', ')} }`,
  };
}
