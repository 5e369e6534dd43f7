// Markdown docs from the model: one page per resource, a models page and the package README.
// Tables and links are computed here; the templates only lay them out.
import { firstLine, mdCell, tsKey, tsString } from '../../helpers.js';
import type { MethodModel, SdkModel, TypeModel } from '../model/index.js';

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

const SIGNATURE_NAMES = (m: MethodModel): string => [...m.args.map((a) => `${a.name}${a.optional ? '?' : ''}`), 'options?'].join(', ');

const requiredQuery = (m: MethodModel): string | undefined => m.exampleArgs.query;

export function docsFiles({ model, render }: DocsInput): Map<string, string> {
  const files = new Map<string, string>();
  const typeNames = new Set(model.types.map((t) => t.name));
  const link = (type: string, from: 'docs' | 'root'): string => {
    const base = from === 'docs' ? 'models.md' : 'docs/models.md';
    return typeNames.has(type) ? `[\`${type}\`](${base}#${type.toLowerCase()})` : `\`${type}\``;
  };
  const auth = model.security.map((s) => `\`${s.name}\` (${AUTH_KIND[s.kind]})`);

  const resources = model.resources.map((r) => ({
    ...r,
    title: r.tag ?? r.className,
    descriptionText: r.description?.trim(),
    table: r.methods.map((m) => `| [\`${m.name}\`](#${m.name.toLowerCase()}) | \`${m.httpMethod} ${m.path}\` | ${mdCell(m.summary)} |`),
    extraMethods: [
      ...r.methods.filter((m) => m.iterator).map((m) => `| \`${m.iterator}\` | follows \`metadata.next\` | Iterate every item across all pages |`),
      ...r.methods.filter((m) => m.waiter).map((m) => `| \`${m.waiter}\` | polls \`${m.name}\` | Wait until a condition holds (phases: ${m.phases!.join(', ')}) |`),
    ],
    ...resourceExamples(r.property, r.methods, model),
    operations: r.methods.map((m) => ({
      name: m.name,
      signature: `client.${r.property}.${m.name}(${SIGNATURE_NAMES(m)})`,
      request: `${m.httpMethod} ${m.path}`,
      summary: m.summary,
      description: m.description && m.description.trim() !== m.summary ? m.description.trim() : undefined,
      lifecycle: m.lifecycle ?? 'Not stated in the spec',
      deprecated: m.deprecated,
      example: m.example,
      params: [
        ...m.pathParams.map((p) => ({ ...p, where: 'path' })),
        ...m.queryParams.map((p) => ({ ...p, where: 'query' })),
        ...m.headerParams.map((p) => ({ ...p, where: 'header' })),
        ...m.cookieParams.map((p) => ({ ...p, where: 'cookie' })),
        ...(m.bodyType ? [{ name: 'body', where: 'body', type: m.bodyType, description: 'The request body.', required: m.bodyRequired, default: undefined, deprecated: false }] : []),
      ].map((p) => `| \`${p.name}\` | ${p.where} | ${p.name === 'body' ? link(p.type, 'docs') : `\`${mdCell(p.type)}\``} | ${mdCell(p.description)}${p.deprecated ? ' **Deprecated.**' : ''} | ${p.required ? 'required' : p.default !== undefined ? `default \`${p.default}\`` : 'optional'} |`),
      returns: returns(m, (t) => link(t, 'docs')),
      auth: m.security.length ? m.security.map((s) => `\`${s}\``).join(' or ') : 'None',
      headers: [...m.headerParams.map((h) => `\`${h.name}\`${h.required ? ' (required)' : ''}`), '`User-Agent`', ...(m.body ? [`\`Content-Type: ${m.body.mediaType}\``] : []), ...(m.security.length ? ['`Authorization`'] : [])].join(', '),
      responses: m.responses.map((res) => `| ${res.status} | ${mdCell(res.description)} | ${res.bodyType ? link(res.bodyType, 'docs') : ''} | ${res.headers.map((h) => `\`${h}\``).join(', ')} |`),
      paginate: !!m.iterator,
      iterator: m.iterator,
      pageItem: m.pageItemType,
    })),
  }));

  for (const r of resources) files.set(`docs/${r.fileName}.md`, render('docs/resource.md.hbs', { resource: r, model }));
  files.set('docs/models.md', render('docs/models.md.hbs', { types: model.types.map((t) => typeView(t, (x) => link(x, 'docs'))), model }));
  files.set(
    'README.md',
    render('README.md.hbs', {
      model,
      auth,
      resources,
      index: resources.map((r) => ({
        title: r.title,
        fileName: r.fileName,
        property: r.property,
        types: [...new Set(r.methods.flatMap((m) => [m.bodyType, m.returnType, m.pageItemType]).filter((t): t is string => !!t && t !== 'void' && typeNames.has(t)))].sort().map((t) => link(t, 'root')).join(', '),
        methods: r.operations.map((o) => `- <code title="${o.request}">${o.signature}</code> → \`${o.request}\``),
      })),
      example: resources[0]?.operations.find((o) => o.name === 'list' || o.name === 'get')?.example ?? resources[0]?.operations[0]?.example,
      // A spec without operations (webhooks only, say) still gets a README whose examples compile.
      first: resources[0] ?? { getCall: '// This API has no operations.', rawExample: 'console.log(typeof client.raw.GET);' },
      waitable: resources.find((r) => r.methods.some((m) => m.phases)),
      pageable: resources.find((r) => r.operations.some((o) => o.paginate)),
    }),
  );
  return files;
}

function returns(m: MethodModel, link: (type: string) => string): string {
  if (m.returnType === 'void') return 'Nothing (`void`).';
  const shape = m.responses.find((r) => r.status === m.successStatus)?.bodyType;
  const named = link(m.returnType);
  if (!shape || shape === m.returnType || named.startsWith('[')) return `${named} (HTTP ${m.successStatus}).`;
  // `Network & object`: normalisation made the fields the response always carries required.
  if (shape.includes(' & ')) return `\`${m.returnType}\`: ${link(shape)}, with every field the response always carries marked required (HTTP ${m.successStatus}).`;
  return `\`${m.returnType}\`: \`${shape}\` (HTTP ${m.successStatus}).`;
}

/** Prose examples for the README: a get call, listAll, waitFor and a raw call. */
function resourceExamples(property: string, methods: MethodModel[], model: SdkModel) {
  const get = methods.find((m) => m.name === 'get') ?? methods[0]!;
  const list = methods.find((m) => m.iterator);
  const waitable = methods.find((m) => m.waiter && m.phases?.length);
  const target = waitable?.readyPhase ?? waitable?.phases?.[0];
  const pathArgs = (m: MethodModel) => m.exampleArgs.path;
  const rawTarget = list ?? get;
  const rawQuery = requiredQuery(rawTarget);
  const rawParams = [
    ...(rawTarget.pathParams.length ? [`path: { ${rawTarget.pathParams.map((p, i) => `${tsKey(p.name)}: ${pathArgs(rawTarget)[i]}`).join(', ')} }`] : []),
    ...(rawQuery && rawQuery !== '{}' ? [`query: ${rawQuery}`] : []),
  ];
  const needsBody = !!rawTarget.bodyType;
  return {
    getCall: `const result = await ${get.call};\n  console.log(result);`,
    listAllExample: list ? `for await (const item of client.${property}.${list.iterator}(${requiredQuery(list) ?? ''})) {\n  console.log(item);\n}` : undefined,
    waitForExample: waitable
      ? `const ready = await client.${property}.${waitable.waiter}(${[...pathArgs(waitable), ...(waitable.queryType ? [requiredQuery(waitable)!] : [])].join(', ')}, {\n  until: (r) => r.status?.phase === ${tsString(target ?? '')},\n  timeoutMs: 30 * 60_000,\n  intervalMs: 10_000,\n});\nconsole.log(ready);`
      : undefined,
    waitPhases: waitable?.phases && `${waitable.phases.map((p) => `\`${p}\``).join(', ')}${waitable.readyPhase ? `; ready at \`${waitable.readyPhase}\`` : ''}`,
    rawExample: needsBody
      ? `// See the generated \`paths\` type for every route.\nconsole.log(typeof client.raw.${rawTarget.httpMethod});`
      : `const { data, error, response } = await client.raw.${rawTarget.httpMethod}(${tsString(rawTarget.path)}${rawParams.length ? `, { params: { ${rawParams.join(', ')} } }` : ''});\nconsole.log(response.status, data ?? error);`,
  };
}

function typeView(t: TypeModel, link: (type: string) => string) {
  return {
    ...t,
    anchor: t.name.toLowerCase(),
    summary: firstLine(t.description),
    rows: t.properties.map(
      (p) =>
        `| \`${p.name}\` | ${typeCell(p.type, link)} | ${p.required ? 'yes' : 'no'} | ${p.readOnly ? 'yes' : ''} | ${mdCell(firstLine(p.description))}${p.values.length ? ` ${p.openEnum ? 'Known values' : 'One of'}: ${p.values.map((v) => `\`${mdCell(v)}\``).join(', ')}${p.openEnum ? ' (more may appear)' : ''}.` : ''}${p.deprecated ? ' **Deprecated.**' : ''} |`,
    ),
    valueList: t.values.map((v) => `\`${mdCell(v)}\``).join(', '),
    variantRows: t.variants.map((v) => `| \`${mdCell(v.value)}\` | ${typeCell(v.type, link)} |`),
  };
}

function typeCell(type: string, link: (type: string) => string): string {
  const bare = type.replace(/\[\]$/, '');
  const linked = link(bare);
  return linked.startsWith('[') ? linked.replace(/`\]/, type.endsWith('[]') ? '[]`]' : '`]') : `\`${mdCell(type)}\``;
}
