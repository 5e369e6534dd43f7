// Turns the model into the exact strings templates print (signatures, calls, doc blocks),
// so templates stay free of logic and every string is testable here.
import { jsdoc, tsKey, tsString } from '../../helpers.js';
import type { MethodModel, ResourceModel, SdkModel } from '../model/index.js';

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

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function resourceView(resource: ResourceModel): ResourceView {
  const methods: MethodView[] = [];
  for (const m of resource.methods) {
    methods.push(methodView(m));
    if (m.iterator) methods.push(listAllView(m));
  }
  const waiters = resource.methods.filter((m) => m.waiter);
  for (const get of waiters) methods.push(waitForView(get));

  const types = new Set<string>();
  for (const m of resource.methods) {
    const named = [...m.args.map((a) => a.type), m.returnType, m.iterator ? m.pageItemType : undefined].flatMap((t) => (t ?? '').split(' | '));
    for (const t of named) if (IDENT.test(t) && !BUILTIN.has(t)) types.add(t);
  }
  const core = ['APIResource', 'type RequestOptions'];
  if (waiters.length) core.push('type WaitOptions');
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

/** Type names the language or the platform provides: never imported from models. */
const BUILTIN = new Set(['void', 'undefined', 'string', 'number', 'boolean', 'unknown', 'Blob', 'ArrayBuffer', 'ArrayBufferView']);

function argList(m: MethodModel): string[] {
  return m.args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`);
}

function methodView(m: MethodModel): MethodView {
  return {
    doc: jsdoc(
      [
        m.summary,
        m.description && m.description !== m.summary ? firstParagraph(m.description) : undefined,
        `\`${m.httpMethod} ${m.path}\``,
        m.body && m.body.mediaTypes.length > 1 ? `Sends \`${m.body.mediaType}\`; pass \`options.contentType\` for ${m.body.mediaTypes.slice(1).map((t) => `\`${t.mediaType}\``).join(', ')}.` : undefined,
        m.deprecated && '@deprecated The API marks this operation as deprecated.',
      ],
      '  ',
    ),
    name: m.name,
    signature: [...argList(m), 'options?: RequestOptions'].join(', '),
    returnType: `Promise<${m.returnType}>`,
    call: `this._client.request<${m.returnType}>(${requestLiteral(m)}, options)`,
  };
}

function listAllView(m: MethodModel): MethodView {
  const args = argList(m).filter((a) => !a.startsWith('body'));
  return {
    doc: jsdoc([`Every ${m.pageItemType} across all pages: follows \`metadata.next\` and repeats your filters.`, `\`${m.httpMethod} ${m.path}\``], '  '),
    name: m.iterator!,
    signature: [...args, 'options?: RequestOptions'].join(', '),
    returnType: `AsyncIterable<${m.pageItemType}>`,
    call: `this._client.paginate<${m.pageItemType}>(${requestLiteral(m)}, options)`,
  };
}

function waitForView(get: MethodModel): MethodView {
  const phases = get.phases?.length ? `Known phases: ${get.phases.join(', ')}.${get.readyPhase ? ` Usually wait for ${get.readyPhase}.` : ''}` : undefined;
  return {
    doc: jsdoc(
      [
        `Polls \`${get.name}\` until \`wait.until\` returns true; throws TimeoutError after \`wait.timeoutMs\` and ResourceFailedError when \`status.phase\` is FAILED.`,
        phases,
      ],
      '  ',
    ),
    name: get.waiter!,
    signature: [...argList(get), `wait: WaitOptions<${get.returnType}>`].join(', '),
    returnType: `Promise<${get.returnType}>`,
    call: `this._client.waitFor((o) => this.${get.name}(${[...get.args.map((a) => a.name), 'o'].join(', ')}), wait)`,
  };
}

/** The one-line request the method hands the core; JSON bodies and JSON responses are the core's defaults. */
function requestLiteral(m: MethodModel): string {
  const parts = [`method: ${tsString(m.httpMethod)}`, `path: ${tsString(m.path)}`];
  const params: string[] = [];
  const pathArgs = m.args.filter((a) => a.kind === 'path');
  if (pathArgs.length) params.push(`path: { ${pathArgs.map((a) => pair(a.wireName!, a.name)).join(', ')} }`);
  if (m.queryType) params.push('query');
  if (m.headerType) params.push('header: headers');
  if (m.cookieType) params.push('cookie: cookies');
  if (params.length) parts.push(`params: { ${params.join(', ')} }`);
  if (m.body) parts.push('body');
  if (m.body && m.body.mediaType !== 'application/json') parts.push(`contentType: ${tsString(m.body.mediaType)}`);
  if (m.parseAs !== 'json' && m.parseAs !== 'void') parts.push(`parseAs: ${tsString(m.parseAs)}`);
  return `{ ${parts.join(', ')} }`;
}

function pair(wireName: string, local: string): string {
  return local === wireName ? local : `${tsKey(wireName)}: ${local}`;
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

export function clientView(model: SdkModel): ClientView {
  const sdk = [
    `packageName: ${tsString(model.packageName)}`,
    `packageVersion: ${tsString(model.packageVersion)}`,
    `defaultBaseUrl: ${tsString(model.defaultBaseUrl)}`,
    ...(model.envPrefix ? [`envPrefix: ${tsString(model.envPrefix)}`] : []),
    ...(model.resources.some((r) => r.methods.some((m) => m.security.length)) ? [] : [`credentials: 'optional'`]),
  ];
  return {
    className: model.clientName,
    doc: jsdoc([`Client for the ${model.title}.`, `Resources: ${model.resources.map((r) => r.property).join(', ')}.`]),
    resources: model.resources.map((r) => ({ property: r.property, className: r.className, fileName: r.fileName })),
    sdk: `{ ${sdk.join(', ')} }`,
  };
}
