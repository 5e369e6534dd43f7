// Turns the model into the exact strings templates print (signatures, calls, doc blocks),
// so templates stay free of logic and every string is testable here.
import { jsdoc, tsKey, tsString } from '../../helpers.js';
import type { ArgModel, MethodModel, PagingModel, ResourceModel, SdkModel, WaiterModel } from '../model/index.js';

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

export function resourceView(resource: ResourceModel): ResourceView {
  const methods: MethodView[] = [];
  for (const m of resource.methods) {
    methods.push(methodView(m));
    if (m.paging) {
      methods.push(iteratorView(m, m.paging));
    }
  }
  const waiters = resource.methods.filter((m) => m.waiter);
  for (const get of waiters) {
    methods.push(waiterView(get, get.waiter!));
  }
  const core = ['APIResource', 'type RequestOptions'];
  if (waiters.length) {
    core.push('type WaitOptions');
  }
  return {
    className: resource.className,
    property: resource.property,
    fileName: resource.fileName,
    doc: jsdoc([resource.description ? firstParagraph(resource.description) : `Operations on ${resource.property}.`]),
    imports: [...new Set(resource.methods.flatMap((m) => m.referencedTypes))].sort().join(', '),
    coreImports: core.join(', '),
    methods,
  };
}

function argList(args: ArgModel[]): string[] {
  return args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`);
}

function methodView(m: MethodModel): MethodView {
  return {
    doc: jsdoc(
      [
        m.summary,
        m.description && m.description !== m.summary ? firstParagraph(m.description) : undefined,
        `\`${m.httpMethod} ${m.path}\``,
        m.body && m.body.media.length > 1
          ? `Sends \`${m.body.mediaType}\`; pass \`options.contentType\` for ${m.body.media
              .slice(1)
              .map((t) => `\`${t.mediaType}\``)
              .join(', ')}.`
          : undefined,
        m.deprecated && '@deprecated The API marks this operation as deprecated.',
      ],
      '  ',
    ),
    name: m.name,
    signature: [...argList(m.args), 'options?: RequestOptions'].join(', '),
    returnType: `Promise<${m.response.type}>`,
    call: `this._client.request<${m.response.type}>(${requestLiteral(m)}, options)`,
  };
}

function iteratorView(m: MethodModel, paging: PagingModel): MethodView {
  const next = paging.nextPath.join('.');
  return {
    doc: jsdoc(
      [
        `Every ${paging.itemType} across all pages: follows \`${next}\` and repeats your filters.`,
        `\`${m.httpMethod} ${m.path}\``,
      ],
      '  ',
    ),
    name: paging.iterator,
    signature: [...argList(paging.args), 'options?: RequestOptions'].join(', '),
    returnType: `AsyncIterable<${paging.itemType}>`,
    call: `this._client.paginate<${paging.itemType}>(${requestLiteral(m)}, ${pagingLiteral(paging)}, options)`,
  };
}

/** What the core needs to walk the pages: the token parameter, the items field and where `next` is. */
function pagingLiteral(p: PagingModel): string {
  return `{ tokenParam: ${tsString(p.tokenParam)}, items: ${tsString(p.itemsField)}, next: [${p.nextPath.map(tsString).join(', ')}] }`;
}

function waiterView(get: MethodModel, waiter: WaiterModel): MethodView {
  const phases = `Known phases: ${waiter.phases.join(', ')}.${waiter.readyPhase ? ` Usually wait for ${waiter.readyPhase}.` : ''}`;
  const getArgs = waiter.args.filter((a) => a.kind !== 'wait').map((a) => a.name);
  return {
    doc: jsdoc(
      [
        `Polls \`${get.name}\` until \`wait.until\` returns true; throws TimeoutError after \`wait.timeoutMs\` and ResourceFailedError when \`status.phase\` is FAILED.`,
        waiter.phases.length ? phases : undefined,
      ],
      '  ',
    ),
    name: waiter.name,
    signature: argList(waiter.args).join(', '),
    returnType: `Promise<${get.response.type}>`,
    call: `this._client.waitFor((o) => this.${get.name}(${[...getArgs, 'o'].join(', ')}), wait)`,
  };
}

/** The one-line request the method hands the core; JSON bodies and JSON responses are the core's defaults. */
function requestLiteral(m: MethodModel): string {
  const parts = [`method: ${tsString(m.httpMethod)}`, `path: ${tsString(m.path)}`];
  const params: string[] = [];
  const pathArgs = m.args.filter((a) => a.kind === 'path');
  if (pathArgs.length) {
    params.push(`path: { ${pathArgs.map((a) => pair(a.wireName!, a.name)).join(', ')} }`);
  }
  if (m.params.query) {
    params.push('query');
  }
  if (m.params.header) {
    params.push('header: headers');
  }
  if (m.params.cookie) {
    params.push('cookie: cookies');
  }
  if (params.length) {
    parts.push(`params: { ${params.join(', ')} }`);
  }
  if (m.body) {
    parts.push('body');
  }
  if (m.body && m.body.mediaType !== 'application/json') {
    parts.push(`contentType: ${tsString(m.body.mediaType)}`);
  }
  if (m.response.parseAs !== 'json' && m.response.parseAs !== 'void') {
    parts.push(`parseAs: ${tsString(m.response.parseAs)}`);
  }
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
