// Stage 6: fill the templates from the model. Produces file path → content; writes nothing.
import Handlebars from 'handlebars';
import { indexAccess, jsdoc } from '../../helpers.js';
import type { SdkModel } from '../model/index.js';
import type { OpenApiDocument } from '../../openapi.js';
import { clientView, resourceView } from './views.js';
import { docsFiles } from './docs.js';
import { notice, tsHeader } from './header.js';
import { methodCall } from './examples.js';
import type { Assets } from '../load-assets.js';

export interface RenderInput {
  model: SdkModel;
  /** openapi-typescript output. */
  schemaTs: string;
  /** The bundled spec as written by its authors (before normalisation). */
  bundled: OpenApiDocument;
  specHash: string;
  /** How generated headers name the spec: a repo-relative posix path. */
  source: string;
  assets: Assets;
}

export type FileMap = Map<string, string>;

export function renderPackage(input: RenderInput): FileMap {
  const { model, assets, source } = input;
  const hb = Handlebars.create();
  hb.registerHelper('json', (v: unknown) => JSON.stringify(v ?? ''));
  for (const [name, text] of assets.templates) {
    if (name.startsWith('partials/')) {
      hb.registerPartial(name.slice('partials/'.length, -'.hbs'.length), text);
    }
  }
  const base = {
    notice: notice(assets.generator, source),
    testing: testingView(model),
    testingBin: standInBin(model.packageName),
  };
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const render = (name: string, data: object): string => {
    let template = compiled.get(name);
    if (!template) {
      const text = assets.templates.get(name);
      if (text === undefined) {
        throw new Error(`template missing: templates/${name}`);
      }
      template = hb.compile(text, { noEscape: true, strict: true });
      compiled.set(name, template);
    }
    return template({ ...base, ...data });
  };
  const header = tsHeader(assets.generator, source);

  const files: FileMap = new Map();
  files.set(
    'package.json',
    render('package.json.hbs', {
      ...model,
      runtimeDependency: assets.runtimeDependency,
      typescriptVersion: assets.typescriptVersion,
      standIn: { bin: standInBin(model.packageName), dependencies: assets.standIn.dependencies },
    }),
  );
  files.set('tsconfig.json', render('tsconfig.json.hbs', {}));
  files.set('src/schema.ts', header + input.schemaTs);
  files.set('src/client.ts', render('src/client.ts.hbs', { client: clientView(model) }));
  const types = modelTypes(model);
  const imports = ['components', 'paths'].filter((name) => types.some((t) => t.type.includes(`${name}[`)));
  files.set('src/models.ts', render('src/models.ts.hbs', { types, imports: imports.join(', ') }));
  files.set('src/index.ts', render('src/index.ts.hbs', model));
  for (const resource of model.resources) {
    files.set(
      `src/resources/${resource.fileName}.ts`,
      render('src/resources/resource.ts.hbs', { resource: resourceView(resource) }),
    );
  }
  for (const [name, text] of assets.runtime) {
    files.set(`src/core/${name}`, tsHeader(assets.generator, `runtime/${name}`) + text);
  }
  for (const [name, text] of testingFiles(input)) {
    files.set(name, text);
  }
  for (const [name, text] of docsFiles({ model, render })) {
    files.set(name, text);
  }
  // JSON has no comments: the header is an `x-` extension, first so it reads as one.
  files.set(
    'openapi.json',
    `${JSON.stringify({ 'x-generated-by': notice(assets.generator, source), ...input.bundled }, null, 2)}\n`,
  );
  files.set(
    'provenance.json',
    `${JSON.stringify(
      {
        '//': notice(assets.generator, source),
        spec: { source, sha256: input.specHash },
        generator: assets.generator,
        runtimeDependency: { 'openapi-fetch': assets.runtimeDependency },
      },
      null,
      2,
    )}\n`,
  );
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function modelTypes(model: SdkModel): { name: string; type: string; doc: string }[] {
  const schemas = model.types.map((t) => ({
    name: t.name,
    type: indexAccess('components', 'schemas', t.schema),
    doc: jsdoc([t.description?.split(/\n\s*\n/)[0], t.deprecated && '@deprecated']),
  }));
  const aliases = model.aliases.map((a) => ({ name: a.name, type: a.type, doc: jsdoc([a.description]) }));
  return [...schemas, ...aliases].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** src/testing/: the stand-in server copied from stand-in/, and the facts it serves this spec by (model.ts). */
function testingFiles({ model, assets, source }: RenderInput): FileMap {
  const files: FileMap = new Map();
  for (const [name, text] of assets.standIn.files) {
    // A shebang must stay the first line of the CLI.
    const [shebang, body] = text.startsWith('#!')
      ? [text.slice(0, text.indexOf('\n') + 1), text.slice(text.indexOf('\n') + 1)]
      : ['', text];
    files.set(`src/testing/${name}`, shebang + tsHeader(assets.generator, `stand-in/${name}`) + body);
  }
  files.set(
    'src/testing/model.ts',
    `${tsHeader(assets.generator, source)}import type { StandInModel } from './types.js';\n\nexport const model: StandInModel = ${JSON.stringify(model.standIn, null, 2)};\n`,
  );
  return files;
}

function standInBin(packageName: string): string {
  return `${packageName.replace(/^@[^/]+\//, '').replace(/-client$/, '')}-stand-in`;
}

/** The README's "Testing your code" example: a list that starts empty and a get that is not found, on one resource. */
function testingView(model: SdkModel): { listCall: string; getCall: string } | undefined {
  for (const r of model.resources) {
    const list = r.methods.find((m) => m.paging);
    const get = r.methods.find((m) => m.httpMethod === 'GET' && /\}$/.test(m.path) && !m.body);
    if (list && get) {
      return { listCall: methodCall(list, r.property), getCall: methodCall(get, r.property) };
    }
  }
  return undefined;
}
