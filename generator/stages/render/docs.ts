// Markdown docs from the model: one page per resource, a models page and the package README.
// This module picks the facts and links for each row; the templates lay the rows out.
import { firstLine, mdCell, tsKey, tsString } from '../../helpers.js';
import type { MethodModel, ParamModel, SdkModel, TypeModel } from '../model/index.js';
import { durationText, limitText } from './durations.js';
import { callArgs, methodCall, methodExample, pathLiterals, queryLiteral } from './examples.js';
import * as defaults from '../../../runtime/defaults.js';

export interface DocsInput {
  model: SdkModel;
  render: (template: string, data: object) => string;
}

const AUTH_KIND: Record<string, string> = {
  basic: 'HTTP basic: an API key and secret',
  bearer: 'a bearer access token',
  oauth2: 'an OAuth access token, sent as a bearer token',
  apiKey: 'an API key',
  other: 'a custom scheme',
};

type Link = (type: string) => string;

export function docsFiles({ model, render }: DocsInput): Map<string, string> {
  const files = new Map<string, string>();
  const typeNames = new Set(model.types.map((t) => t.name));
  const linker =
    (base: string): Link =>
    (type) =>
      typeNames.has(type) ? `[\`${type}\`](${base}#${type.toLowerCase()})` : `\`${type}\``;
  const fromDocs = linker('models.md');
  const fromRoot = linker('docs/models.md');
  const ctx = (resource: string) => ({ packageName: model.packageName, clientName: model.clientName, resource });

  const resources = model.resources.map((r) => ({
    ...r,
    title: r.tag ?? r.className,
    descriptionText: r.description?.trim(),
    rows: r.methods.map((m) => ({
      name: m.name,
      anchor: m.name.toLowerCase(),
      request: `${m.httpMethod} ${m.path}`,
      summary: mdCell(m.summary),
    })),
    helpers: [
      ...r.methods.flatMap((m) =>
        m.paging
          ? [
              {
                name: m.paging.iterator,
                how: `follows \`${m.paging.nextPath.join('.')}\``,
                what: 'Iterate every item across all pages',
              },
            ]
          : [],
      ),
      ...r.methods.flatMap((m) =>
        m.waiter
          ? [
              {
                name: m.waiter.name,
                how: `polls \`${m.name}\``,
                what: `Wait until settled (${m.waiter.lifecycle.settled.join(' or ')}) or a condition holds, within ${limitText(m.waiter.lifecycle.create)}`,
              },
              {
                name: m.waiter.deletedName,
                how: `polls \`${m.name}\``,
                what: `Wait until deleted (gone), within ${limitText(m.waiter.lifecycle.delete)}`,
              },
            ]
          : [],
      ),
    ],
    ...resourceExamples(r.property, r.methods),
    operations: r.methods.map((m) => ({
      name: m.name,
      signature: `client.${r.property}.${m.name}(${[...m.args.map((a) => `${a.name}${a.optional ? '?' : ''}`), 'options?'].join(', ')})`,
      request: `${m.httpMethod} ${m.path}`,
      summary: m.summary,
      description: m.description && m.description.trim() !== m.summary ? m.description.trim() : undefined,
      lifecycle: m.lifecycle ?? 'Not stated in the spec',
      deprecated: m.deprecated,
      example: methodExample(m, ctx(r.property)),
      params: paramRows(m, fromDocs),
      returns: returns(m, fromDocs),
      auth: m.security.length ? m.security.map((alt) => `\`${alt.join(' + ')}\``).join(' or ') : 'None',
      headers: [
        ...(m.params.header?.params ?? []).map((h) => `\`${h.name}\`${h.required ? ' (required)' : ''}`),
        '`User-Agent`',
        ...(m.body ? [`\`Content-Type: ${m.body.mediaType}\``] : []),
        ...(m.security.length ? ['`Authorization`'] : []),
      ].join(', '),
      responses: m.responses.map((res) => ({
        status: res.status,
        description: mdCell(res.description),
        body: res.bodyType ? fromDocs(res.bodyType) : '',
        headers: res.headers.map((h) => `\`${h}\``).join(', '),
      })),
      paging: m.paging && {
        iterator: m.paging.iterator,
        itemType: m.paging.itemType,
        next: m.paging.nextPath.join('.'),
      },
    })),
  }));

  for (const r of resources) {
    files.set(`docs/${r.fileName}.md`, render('docs/resource.md.hbs', { resource: r, model }));
  }
  files.set(
    'docs/models.md',
    render('docs/models.md.hbs', { types: model.types.map((t) => typeView(t, fromDocs)), model }),
  );
  const first = resources[0];
  const quick = quickStart(model);
  const paged = model.resources.flatMap((r) => r.methods.filter((m) => m.paging).map((m) => ({ r, m })))[0];
  files.set(
    'README.md',
    render('README.md.hbs', {
      model,
      auth: authView(model),
      retry: retryView(),
      resources,
      index: resources.map((r) => ({
        title: r.title,
        fileName: r.fileName,
        property: r.property,
        types: [...new Set(r.methods.flatMap((m) => m.referencedTypes))]
          .filter((t) => typeNames.has(t))
          .sort()
          .map(fromRoot)
          .join(', '),
        methods: r.operations.map((o) => ({ signature: o.signature, request: o.request })),
      })),
      example: quick ? methodExample(quick.method, ctx(quick.resource)) : undefined,
      // A spec without operations (webhooks only, say) still gets a README whose examples compile.
      first: first ?? { getCall: '// This API has no operations.', rawExample: 'console.log(typeof client.raw.GET);' },
      waitable: resources.find((r) => r.methods.some((m) => m.waiter)),
      polling: pollingView(model),
      pageable: paged && {
        method: `client.${paged.r.property}.${paged.m.name}`,
        iterator: `client.${paged.r.property}.${paged.m.paging!.iterator}`,
        next: paged.m.paging!.nextPath.join('.'),
        example: resources.find((r) => r.property === paged.r.property)!.listAllExample,
      },
    }),
  );
  return files;
}

/** The Quick start calls something harmless: a list, else a get, else any GET; a write only when there is nothing else. */
function quickStart(model: SdkModel): { method: MethodModel; resource: string } | undefined {
  const all = model.resources.flatMap((r) => r.methods.map((method) => ({ method, resource: r.property })));
  const pick = (test: (m: MethodModel) => boolean) => all.find(({ method }) => test(method));
  return (
    pick((m) => m.httpMethod === 'GET' && !!m.paging) ??
    pick((m) => m.httpMethod === 'GET' && m.name === 'get') ??
    pick((m) => m.httpMethod === 'GET') ??
    all[0]
  );
}

function authView(model: SdkModel) {
  const kinds = new Set(model.security.map((s) => s.kind));
  return {
    schemes: model.security.map((s) => `\`${s.name}\` (${AUTH_KIND[s.kind]})`),
    basic: kinds.has('basic'),
    bearer: kinds.has('bearer') || kinds.has('oauth2'),
    apiKeys: model.security.flatMap((s) =>
      s.apiKey ? [{ scheme: s.name, name: s.apiKey.name, in: s.apiKey.in, header: s.apiKey.in === 'header' }] : [],
    ),
  };
}

function paramRows(m: MethodModel, link: Link) {
  const row = (p: ParamModel) => ({
    name: p.name,
    where: p.in as string,
    type: `\`${mdCell(p.type)}\``,
    description: `${mdCell(p.description)}${p.deprecated ? ' **Deprecated.**' : ''}`,
    required: p.required ? 'required' : p.default !== undefined ? `default \`${p.default}\`` : 'optional',
  });
  const { path, query, header, cookie } = m.params;
  const rows: ReturnType<typeof row>[] = [
    ...path,
    ...(query?.params ?? []),
    ...(header?.params ?? []),
    ...(cookie?.params ?? []),
  ].map(row);
  if (m.body) {
    rows.push({
      name: 'body',
      where: 'body',
      type: link(m.body.type),
      description: 'The request body.',
      required: m.body.required ? 'required' : 'optional',
    });
  }
  return rows;
}

function returns(m: MethodModel, link: Link): string {
  const { type, status } = m.response;
  if (type === 'void') {
    return 'Nothing (`void`).';
  }
  const shape = m.responses.find((r) => r.status === status)?.bodyType;
  const named = link(type);
  if (!shape || shape === type || named.startsWith('[')) {
    return `${named} (HTTP ${status}).`;
  }
  // `Network & object`: normalisation made the fields the response always carries required.
  if (shape.includes(' & ')) {
    return `\`${type}\`: ${link(shape)}, with every field the response always carries marked required (HTTP ${status}).`;
  }
  return `\`${type}\`: \`${shape}\` (HTTP ${status}).`;
}

/** Prose examples for the README: a get call, the iterator, the waiter and a raw call. */
function resourceExamples(property: string, methods: MethodModel[]) {
  const get = methods.find((m) => m.name === 'get') ?? methods[0]!;
  const list = methods.find((m) => m.paging);
  const waitable = methods.find((m) => m.waiter?.phases.length);
  const waiter = waitable?.waiter;
  const rawTarget = list ?? get;
  const rawQuery = queryLiteral(rawTarget);
  const rawPath = pathLiterals(rawTarget);
  const rawParams = [
    ...(rawPath.length
      ? [`path: { ${rawTarget.params.path.map((p, i) => `${tsKey(p.name)}: ${rawPath[i]}`).join(', ')} }`]
      : []),
    ...(rawQuery && rawQuery !== '{}' ? [`query: ${rawQuery}`] : []),
  ];
  const waitArgs =
    waitable && waiter
      ? callArgs(
          waitable,
          waiter.args.filter((a) => a.kind !== 'wait'),
        )
      : [];
  const waitOptions = '{ timeoutMs: 30 * 60_000 }';
  return {
    getCall: `const result = await ${methodCall(get, property)};\n  console.log(result);`,
    listAllExample: list
      ? `for await (const item of client.${property}.${list.paging!.iterator}(${callArgs(list, list.paging!.args).join(', ')})) {\n  console.log(item);\n}`
      : undefined,
    waitForExample: waiter
      ? `const ready = await client.${property}.${waiter.name}(${waiterCall(waiter.args, waitArgs, waitOptions)});\nconsole.log(ready);`
      : undefined,
    waitPhases:
      waiter &&
      `${waiter.phases.map((p) => `\`${p}\``).join(', ')}; settled at ${waiter.lifecycle.settled.map((p) => `\`${p}\``).join(' or ')}; create within ${limitText(waiter.lifecycle.create)}, delete within ${limitText(waiter.lifecycle.delete)}`,
    rawExample: rawTarget.body
      ? `// See the generated \`paths\` type for every route.\nconsole.log(typeof client.raw.${rawTarget.httpMethod});`
      : `const { data, error, response } = await client.raw.${rawTarget.httpMethod}(${tsString(rawTarget.path)}${rawParams.length ? `, { params: { ${rawParams.join(', ')} } }` : ''});\nconsole.log(response.status, data ?? error);`,
  };
}

/** The waiter's arguments in signature order, with the wait options where `wait` stands. */
function waiterCall(args: MethodModel['args'], values: string[], wait: string): string {
  const out: string[] = [];
  let i = 0;
  for (const a of args) {
    if (a.kind === 'wait') {
      out.push(wait);
    } else if (!a.optional || a.kind === 'path') {
      out.push(values[i++]!);
    } else {
      // The wait options come last (signature.ts), so an optional argument before them is passed as undefined.
      out.push('undefined');
    }
  }
  return out.join(', ');
}

function typeView(t: TypeModel, link: Link) {
  return {
    ...t,
    anchor: t.name.toLowerCase(),
    summary: firstLine(t.description),
    rows: t.properties.map((p) => ({
      name: p.name,
      type: typeCell(p.type, link),
      required: p.required ? 'yes' : 'no',
      readOnly: p.readOnly ? 'yes' : '',
      description: `${mdCell(firstLine(p.description))}${p.values.length ? ` ${p.openEnum ? 'Known values' : 'One of'}: ${p.values.map((v) => `\`${mdCell(v)}\``).join(', ')}${p.openEnum ? ' (more may appear)' : ''}.` : ''}${p.deprecated ? ' **Deprecated.**' : ''}`,
    })),
    valueList: t.values.map((v) => `\`${mdCell(v)}\``).join(', '),
    variantRows: t.variants.map((v) => ({ value: mdCell(v.value), type: typeCell(v.type, link) })),
  };
}

function typeCell(type: string, link: Link): string {
  const bare = type.replace(/\[\]$/, '');
  const linked = link(bare);
  return linked.startsWith('[') ? linked.replace(/`\]/, type.endsWith('[]') ? '[]`]' : '`]') : `\`${mdCell(type)}\``;
}

/** The runtime's retry and timeout defaults in words: the README states what the copied core does. */
function retryView() {
  return {
    maxRetries: defaults.MAX_RETRIES,
    timeoutMs: defaults.TIMEOUT_MS,
    timeout: durationText(defaults.TIMEOUT_MS),
    maxWait: durationText(defaults.MAX_RATE_LIMIT_WAIT_MS),
    backoffFrom: durationText(defaults.BACKOFF_BASE_MS),
    backoffTo: durationText(defaults.BACKOFF_MAX_MS),
  };
}

/** The first waiter's polling, for the README's one sentence on it (each resource's doc states its own). */
function pollingView(model: SdkModel) {
  const waiter = model.resources.flatMap((r) => r.methods).find((m) => m.waiter)?.waiter;
  return (
    waiter && {
      first: durationText(waiter.lifecycle.firstPollMs),
      max: durationText(waiter.lifecycle.maxPollMs),
    }
  );
}
