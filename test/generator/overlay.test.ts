// Overlays (generator/stages/overlay/): OpenAPI Overlay documents applied after bundling, from the spec's own
// info.x-sdk.overlays and from --overlay. Their semantics, what the package and the API diff see, and one line
// naming the file and the action for every bad overlay.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec as loadForDiff } from '../../diff/load.js';
import { applySpecOverlays, generate, GeneratorError } from '../../generator/index.js';
import type { OpenApiDocument } from '../../generator/openapi.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/generator-overlay';
const SPEC = path.join(ROOT, FIXTURES, 'openapi.yaml');
// Each CLI case starts node with tsx and generates a package: seconds on a busy 2-core machine.
const SLOW = 60_000;

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'generator/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** A fresh copy of a small bundled-looking document, and a folder to write overlays into. */
function setup(): { doc: OpenApiDocument; dir: string; write: (name: string, yaml: string) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'overlay-'));
  const doc = {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: { '/books/{id}': { get: { operationId: 'getBook', tags: ['a', 'b', 'c', 'd'] } } },
    components: {
      schemas: {
        Book: {
          type: 'object',
          required: ['id', 'title', 'authors', 'shelf'],
          properties: { id: { type: 'string' }, title: { type: 'string', minLength: 1 }, "it's": { type: 'string' } },
        },
      },
    },
  } as unknown as OpenApiDocument;
  const write = (name: string, yaml: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, yaml);
    return file;
  };
  return { doc, dir, write };
}

const apply = (doc: OpenApiDocument, ...extra: string[]) =>
  applySpecOverlays({ document: doc, specFile: path.join(os.tmpdir(), 'spec.yaml'), extra }) as Record<string, any>;

describe('applying', () => {
  it('merges an update into an object: objects key by key, arrays concatenated, primitives replaced', () => {
    const { doc, write } = setup();
    const file = write(
      'o.yaml',
      `overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.Book
    update:
      description: A book.
      required: [isbn]
      properties: { title: { minLength: 0, maxLength: 200 } }
`,
    );
    const book = apply(doc, file).components.schemas.Book;
    expect(book.description).toBe('A book.');
    expect(book.required).toEqual(['id', 'title', 'authors', 'shelf', 'isbn']);
    expect(book.properties.title).toEqual({ type: 'string', minLength: 0, maxLength: 200 });
    expect(book.properties.id).toEqual({ type: 'string' });
  });

  it('appends an update to an array target, and adds an array update item by item', () => {
    const { doc, write } = setup();
    const file = write(
      'o.yaml',
      `overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.Book.required
    update: isbn
  - target: $.components.schemas.Book.required
    update: [year, month]
`,
    );
    const required = apply(doc, file).components.schemas.Book.required;
    expect(required).toEqual(['id', 'title', 'authors', 'shelf', 'isbn', 'year', 'month']);
  });

  it('removes every selected node, several items of one list included, and runs actions in order', () => {
    const { doc, write } = setup();
    const file = write(
      'o.yaml',
      `overlay: 1.1.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.Book.required[?@ != 'id' && @ != 'shelf']
    remove: true
  - target: $.paths['/books/{id}'].get.tags[1,3]
    remove: true
  - target: $.components.schemas.Book.properties.title
    remove: true
  - target: $.components.schemas.Book.properties
    update: { title: { type: string } }
`,
    );
    const out = apply(doc, file);
    expect(out.components.schemas.Book.required).toEqual(['id', 'shelf']);
    expect(out.paths['/books/{id}'].get.tags).toEqual(['a', 'c']);
    expect(out.components.schemas.Book.properties.title).toEqual({ type: 'string' });
  });

  it('replaces primitives in 1.1, reaches member names that need quoting, and leaves the input alone', () => {
    const { doc, write } = setup();
    const before = structuredClone(doc);
    const file = write(
      'o.yaml',
      `overlay: 1.1.0
info: { title: t, version: '1' }
actions:
  - target: "$.components.schemas.Book.properties['it\\\\'s'].type"
    update: integer
`,
    );
    expect(apply(doc, file).components.schemas.Book.properties["it's"]).toEqual({ type: 'integer' });
    expect(doc).toEqual(before);
  });

  it('copies one node into another in 1.1, and refuses a copy that selects more than one', () => {
    const { doc, write } = setup();
    const file = write(
      'o.yaml',
      `overlay: 1.1.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas
    update: { Magazine: { description: A magazine. } }
  - target: $.components.schemas.Magazine
    copy: $.components.schemas.Book
`,
    );
    const schemas = apply(doc, file).components.schemas;
    expect(schemas.Magazine).toEqual({ description: 'A magazine.', ...doc.components!.schemas!.Book });
    const many = write(
      'many.yaml',
      `overlay: 1.1.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.Book
    copy: $.components.schemas.Book.properties.*
`,
    );
    expect(() => apply(doc, many)).toThrow(
      'copy $.components.schemas.Book.properties.* must select exactly one node, selects 3',
    );
  });

  it('keeps a __proto__ key of an update a plain property', () => {
    const { doc, write } = setup();
    const file = write(
      'o.json',
      JSON.stringify({
        overlay: '1.0.0',
        info: { title: 't', version: '1' },
        actions: [{ target: '$.components.schemas', update: JSON.parse('{"__proto__": {"polluted": true}}') }],
      }),
    );
    const schemas = apply(doc, file).components.schemas;
    expect(Object.keys(schemas)).toEqual(['Book', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('applies the overlays a spec lists in info.x-sdk.overlays, beside the spec, and drops the listing', () => {
    const { doc, dir, write } = setup();
    mkdirSync(path.join(dir, 'fixes'));
    write(
      'fixes/a.yaml',
      `overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.Book
    update: { description: first }
`,
    );
    const extra = write(
      'b.yaml',
      `overlay: 1.0.0
info: { title: t, version: '1' }
actions:
  - target: $.components.schemas.Book
    update: { description: second }
`,
    );
    doc.info!['x-sdk'] = { package: 'p', overlays: ['fixes/a.yaml'] };
    const specFile = path.join(dir, 'spec.yaml');
    expect((applySpecOverlays({ document: doc, specFile }) as any).components.schemas.Book.description).toBe('first');
    // The spec's own overlays come first, then the extra ones.
    const both = applySpecOverlays({ document: doc, specFile, extra: [extra] }) as any;
    expect(both.components.schemas.Book.description).toBe('second');
    expect(both.info['x-sdk']).toEqual({ package: 'p' });
  });

  it('refuses an info.x-sdk.overlays that is not a list of paths, naming the spec and the place', () => {
    const { doc } = setup();
    doc.info!['x-sdk'] = { overlays: 'fixes.yaml' };
    const specFile = path.join(os.tmpdir(), 'spec.yaml');
    expect(() => applySpecOverlays({ document: doc, specFile })).toThrow(GeneratorError);
    expect(() => applySpecOverlays({ document: doc, specFile })).toThrow('info.x-sdk.overlays must be a list');
  });
});

describe('a bad overlay is one line naming the file and the action', () => {
  // [file, where in it, what the line says]
  it.each([
    ['no-match.yaml', ':6:5 (#/actions/1)', 'action 1 (target $.components.schemas.Magazine): matches nothing'],
    ['invalid-jsonpath.yaml', ':4:5 (#/actions/0)', 'action 0 (target $.components.schemas[Book): invalid JSONPath: '],
    ['invalid-yaml.yaml', ':6:1', 'overlay is not valid YAML/JSON: '],
    ['not-an-overlay.yaml', '', 'not an Overlay document (no "overlay" version field)'],
    ['no-update.yaml', ':6:5 (#/actions/1)', '(target $.components.schemas.Book): needs "update" or "remove: true"'],
    ['primitive-in-1.0.yaml', ':4:5 (#/actions/0)', 'selects a string at #/components/schemas/Book/properties/shelf'],
    ['mismatch.yaml', ':4:5 (#/actions/0)', 'cannot merge an object into a string at #/components/schemas/Book/'],
    ['missing.yaml', '', 'overlay file not found'],
  ])('%s', async (file, where, says) => {
    const overlays = [`${FIXTURES}/overlays/authors-nullable.yaml`, `${FIXTURES}/bad/${file}`];
    const error = await generate({ spec: SPEC, overlays }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    const line = (error as GeneratorError).format(ROOT);
    expect(line.startsWith(`${FIXTURES}/bad/${file}${where}: `)).toBe(true);
    expect(line).toContain(says);
    expect(line.split('\n')).toHaveLength(1);
  });

  it('through the CLI: exit 1, that line alone, the output folder as it was', { timeout: SLOW }, () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'overlay-err-'));
    const out = path.join(parent, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.ts'), 'export const before = 1;\n');
    const r = cli(['--spec', SPEC, '--out', out, '--overlay', `${FIXTURES}/bad/no-match.yaml`]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().startsWith(`error: ${FIXTURES}/bad/no-match.yaml:6:5 (#/actions/1): `)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(out)).toEqual(['keep.ts']);
  });
});

describe('what follows the overlaid document', { timeout: SLOW }, () => {
  it('the types and the shipped openapi.json follow --overlay', async () => {
    const plain = await generate({ spec: SPEC });
    const overlays = [path.join(ROOT, FIXTURES, 'overlays/authors-nullable.yaml')];
    const overlaid = await generate({ spec: SPEC, overlays });
    const authors = (files: Map<string, string>) => /\bauthors: ([^;]+);/.exec(files.get('src/schema.ts')!)?.[1];
    expect(authors(plain)).toBe('string[]');
    expect(authors(overlaid)).toBe('string[] | null');
    const shipped = (files: Map<string, string>) =>
      JSON.parse(files.get('openapi.json')!).components.schemas.Book.properties.authors;
    expect(shipped(plain).nullable).toBeUndefined();
    expect(shipped(overlaid).nullable).toBe(true);
  });

  it('a spec listing its overlays generates the overlaid package without being told', async () => {
    const files = await generate({ spec: path.join(ROOT, FIXTURES, 'declares.yaml') });
    expect(files.get('src/schema.ts')).toMatch(/\bauthors: string\[\] \| null;/);
    expect(JSON.parse(files.get('openapi.json')!).info['x-sdk'].overlays).toBeUndefined();
  });

  it('--check sees an overlay change like a spec change', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'overlay-check-')), 'out');
    expect(cli(['--spec', SPEC, '--out', out]).status).toBe(0);
    expect(cli(['--spec', SPEC, '--out', out, '--check']).status).toBe(0);
    const r = cli(['--spec', SPEC, '--out', out, '--check', '--overlay', `${FIXTURES}/overlays/authors-nullable.yaml`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is stale/);
    expect(r.stderr).toMatch(/changed\s+\S+\/src\/schema\.ts:\d+/);
  });

  it('the API diff loads a spec with the overlays it lists, and reports a bad one in one line', async () => {
    const { doc } = await loadForDiff({ file: path.join(ROOT, FIXTURES, 'declares.yaml') });
    expect((doc as any).components.schemas.Book.properties.authors.nullable).toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'overlay-diff-'));
    const spec = readFileSync(path.join(ROOT, FIXTURES, 'declares.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'declares.yaml'), spec.replace('overlays/authors-nullable.yaml', 'gone.yaml'));
    const refused = loadForDiff({ file: path.join(dir, 'declares.yaml') });
    await expect(refused).rejects.toThrow(/gone\.yaml: overlay file not found$/);
  });
});
