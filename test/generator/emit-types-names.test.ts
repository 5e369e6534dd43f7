// Component schemas are declared in schema.ts under the names the package exports them as, so an editor's
// signature help and hovers show `Promise<Network>` rather than the whole object spelled out.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitTypes } from '../../generator/stages/emit-types.js';
import type { OpenApiDocument } from '../../generator/openapi.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const doc = (schemas: Record<string, object>): OpenApiDocument =>
  ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } }) as OpenApiDocument;

describe('schema.ts', () => {
  it('declares each named schema as a local alias and points components at it', async () => {
    const text = await emitTypes(
      doc({
        Pet: {
          type: 'object',
          description: 'A pet.',
          properties: { owner: { $ref: '#/components/schemas/odd.Owner' } },
        },
        'odd.Owner': { type: 'object', properties: { name: { type: 'string' } } },
      }),
      {
        schemaNames: new Map([
          ['Pet', 'Pet'],
          ['odd.Owner', 'Owner'],
        ]),
      },
    );
    expect(text).toMatch(/\/\*\* A pet\. \*\/\s+Pet: Pet;/);
    expect(text).toContain('"odd.Owner": Owner;');
    expect(text).toMatch(/^type Pet = \{\n {4}owner\?: components\["schemas"\]\["odd.Owner"\];\n\};$/m);
    expect(text).toMatch(/^type Owner = \{/m);
  });

  it('leaves a schema alone when its name would clash with one the file uses', async () => {
    const text = await emitTypes(doc({ Blob: { type: 'string', format: 'binary' }, paths: { type: 'object' } }), {
      schemaNames: new Map([
        ['Blob', 'Blob'],
        ['paths', 'paths'],
      ]),
    });
    expect(text).toContain('Blob: Blob;');
    expect(text).not.toMatch(/^type (Blob|paths) =/m);
  });
});

it("the generated resource methods' types print with the exported names", () => {
  const index = path.join(ROOT, 'generated/src/index.ts');
  const program = ts.createProgram([index], { strict: true, module: ts.ModuleKind.NodeNext, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(path.join(ROOT, 'generated/src/resources/networks.ts'))!;
  const networks = file.statements.find(ts.isClassDeclaration)!;
  const printed = (method: string): string => {
    const m = networks.members.find((x) => x.name?.getText() === method) as ts.MethodDeclaration;
    const signature = checker.getSignatureFromDeclaration(m)!;
    return checker.typeToString(checker.getReturnTypeOfSignature(signature));
  };
  expect(printed('create')).toBe('Promise<Network>');
  expect(printed('list')).toBe('Promise<NetworkList>');
  expect(printed('get')).toMatch(/^Promise<Network & \{/);
}, 60_000);
