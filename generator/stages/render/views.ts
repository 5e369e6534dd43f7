// Turns the model into the exact strings templates print (signatures, calls, doc blocks),
// so templates stay free of logic and every string is testable here.
import { jsdoc, tsKey, tsString } from '../../helpers.js';
import type { LifecycleModel, TimeoutModel } from '../model/lifecycle.js';
import { durationText, limitText } from './durations.js';
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
  /** `const LIFECYCLE: Lifecycle = {...};` per waitable get: the model's facts the waits run on. */
  constants: string[];
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
  const constants: string[] = [];
  for (const get of waiters) {
    const name = lifecycleName(get);
    constants.push(`const ${name}: Lifecycle = ${lifecycleLiteral(get.waiter!.lifecycle)};`);
    methods.push(waiterView(get, get.waiter!, name), deletedView(get, get.waiter!, name));
  }
  const core = ['APIResource', 'type RequestOptions'];
  if (waiters.length) {
    core.push('type Lifecycle', 'type WaitOptions');
  }
  return {
    className: resource.className,
    property: resource.property,
    fileName: resource.fileName,
    doc: jsdoc([resource.description ? firstParagraph(resource.description) : `Operations on ${resource.property}.`]),
    imports: [...new Set(resource.methods.flatMap((m) => m.referencedTypes))].sort().join(', '),
    coreImports: core.join(', '),
    constants,
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

const lifecycleName = (get: MethodModel) => (get.name === 'get' ? 'LIFECYCLE' : `${get.name}Lifecycle`);

/** The runtime's Lifecycle, from the model: phases, limits and polling, as a literal. */
function lifecycleLiteral(l: LifecycleModel): string {
  const list = (xs: string[]) => `[${xs.map(tsString).join(', ')}]`;
  const rule = (t: TimeoutModel) =>
    t.by
      ? `{ ms: ${t.ms}, by: { field: ${list(t.by.field)}, ms: { ${Object.entries(t.by.ms)
          .map(([k, v]) => `${tsKey(k)}: ${v}`)
          .join(', ')} } } }`
      : `{ ms: ${t.ms} }`;
  const fields = [
    `phase: ${list(l.phase)}`,
    ...(l.errorMessage ? [`errorMessage: ${list(l.errorMessage)}`] : []),
    `working: ${list(l.working)}`,
    `settled: ${list(l.settled)}`,
    `failed: ${list(l.failed)}`,
    `deleting: ${list(l.deleting)}`,
    `create: ${rule(l.create)}`,
    `delete: ${rule(l.delete)}`,
    `firstPollMs: ${l.firstPollMs}`,
    `maxPollMs: ${l.maxPollMs}`,
  ];
  return `{\n${fields.map((f) => `  ${f},`).join('\n')}\n}`;
}

function waiterView(get: MethodModel, waiter: WaiterModel, lifecycle: string): MethodView {
  const l = waiter.lifecycle;
  const getArgs = waiter.args.filter((a) => a.kind !== 'wait').map((a) => a.name);
  return {
    doc: jsdoc(
      [
        l.settled.length
          ? `Polls \`${get.name}\` until the resource is settled (${l.settled.join(' or ')}), or until \`wait.until\` returns true.`
          : `Polls \`${get.name}\` until \`wait.until\` returns true.`,
        `Gives up with TimeoutError after ${limitText(l.create)} (\`wait.timeoutMs\`); polls at once, then after ${durationText(l.firstPollMs)}, doubling to ${durationText(l.maxPollMs)}.`,
        `${l.failed.length ? `Throws ResourceFailedError (with \`status.error_message\`) on ${l.failed.join(' or ')}; ` : ''}5xx, 429 and dropped connections are polled through; every other error stops the wait at once.`,
      ],
      '  ',
    ),
    name: waiter.name,
    signature: argList(waiter.args).join(', '),
    returnType: `Promise<${get.response.type}>`,
    call: `this._client.waitFor((o) => this.${get.name}(${[...getArgs, 'o'].join(', ')}), ${lifecycle}, wait)`,
  };
}

function deletedView(get: MethodModel, waiter: WaiterModel, lifecycle: string): MethodView {
  const l = waiter.lifecycle;
  const getArgs = waiter.deletedArgs.filter((a) => a.kind !== 'wait').map((a) => a.name);
  const gone = l.gone.map((g) => (g.code ? `${g.status} \`${g.code}\`` : String(g.status))).join(' or ');
  return {
    doc: jsdoc(
      [
        `Polls \`${get.name}\` until the resource is gone (GoneError: ${gone}), after a delete.`,
        `Gives up with TimeoutError after ${limitText(l.delete)} (\`wait.timeoutMs\`); fails like \`${waiter.name}\` otherwise.`,
      ],
      '  ',
    ),
    name: waiter.deletedName,
    signature: argList(waiter.deletedArgs).join(', '),
    returnType: 'Promise<void>',
    call: `this._client.waitUntilDeleted((o) => this.${get.name}(${[...getArgs, 'o'].join(', ')}), ${lifecycle}, wait)`,
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
    ...(goneLiteral(model) ? [`gone: ${goneLiteral(model)}`] : []),
  ];
  return {
    className: model.clientName,
    doc: jsdoc([`Client for the ${model.title}.`, `Resources: ${model.resources.map((r) => r.property).join(', ')}.`]),
    resources: model.resources.map((r) => ({ property: r.property, className: r.className, fileName: r.fileName })),
    sdk: `{ ${sdk.join(', ')} }`,
  };
}

/** The answers that mean gone for this API, when they are more than the core's default (a 404). */
function goneLiteral(model: SdkModel): string | undefined {
  const seen = new Map<string, string>();
  for (const m of model.resources.flatMap((r) => r.methods)) {
    for (const g of m.waiter?.lifecycle.gone ?? []) {
      const text = g.code ? `{ status: ${g.status}, code: ${tsString(g.code)} }` : `{ status: ${g.status} }`;
      seen.set(text, text);
    }
  }
  const all = [...seen.values()];
  return all.length === 0 || (all.length === 1 && all[0] === '{ status: 404 }') ? undefined : `[${all.join(', ')}]`;
}
