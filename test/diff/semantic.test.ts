// The comparison is semantic: layout, naming and spelling differences are not changes, real ones are.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../diff/diff.js';
import { asArray, asObject, type JsonObject } from '../../diff/json.js';
import { loadSpec } from '../../diff/load.js';
import { diffFiles, FIXTURES } from './helpers.js';

const SPEC = join(FIXTURES, '_spec/openapi.yaml');
const EQUIVALENT = join(FIXTURES, '_equivalent/revision.json');

describe('semantic comparison', () => {
  it('reordering, YAML→JSON, one file vs many, inline vs $ref, renamed components, allOf split: the same API', async () => {
    const { report } = await diffFiles(SPEC, EQUIVALENT);
    // Only the package surface moves: inlined or renamed components take their exported types with them.
    const api = report.changes.filter((c) => c.id !== 'component-type-removed');
    expect(api).toEqual([]);
    const types = report.changes.map((c) => c.message);
    expect(types).toContain('Exported type Basic was renamed to BasicConfig');
    expect(types).toContain('Exported type ObjectReference was removed');
  });

  it('still sees a real change through the same reformatted document', async () => {
    const head = (await loadSpec({ file: EQUIVALENT })).doc;
    const spec = structuredClone(head);
    const schemas = asObject(asObject(spec.components)?.schemas);
    const first = asObject(asArray(asObject(schemas?.KafkaClusterSpec)?.allOf)[0]);
    const properties = asObject(first?.properties);
    if (!properties) {
      throw new Error('fixture changed');
    }
    delete properties.cloud;
    const base = (await loadSpec({ file: SPEC })).doc;
    const { report } = diffDocuments(base, spec);
    // One entry per operation reading or sending the shared schema.
    const api = report.changes.filter((c) => c.id !== 'component-type-removed');
    expect(api.map((c) => `${c.id} ${c.operation} ${c.location}`)).toEqual([
      'response-property-removed GET /cmk/v2/clusters response 200 data[].spec.cloud',
      'request-property-removed POST /cmk/v2/clusters request spec.cloud',
      'response-property-removed POST /cmk/v2/clusters response 202 spec.cloud',
      'response-property-removed GET /cmk/v2/clusters/{cluster_id} response 200 spec.cloud',
      'response-property-removed PATCH /cmk/v2/clusters/{cluster_id} response 200 spec.cloud',
    ]);
  });

  it('3.0 nullable and 3.1 type arrays / oneOf-null are the same thing', () => {
    const doc = (version: string, schema: JsonObject): JsonObject => ({
      openapi: version,
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
          },
        },
      },
      components: { schemas: { Ref: { type: 'object', properties: { id: { type: 'string' } } } } },
    });
    const v30 = doc('3.0.3', {
      type: 'object',
      properties: {
        name: { type: 'string', nullable: true },
        ref: { allOf: [{ $ref: '#/components/schemas/Ref' }], nullable: true },
      },
    });
    const v31 = doc('3.1.0', {
      type: 'object',
      properties: {
        name: { type: ['null', 'string'] },
        ref: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Ref' }] },
      },
    });
    expect(diffDocuments(v30, v31).report.changes).toEqual([]);
  });

  it('terminates on cyclic schemas and reports each change once per place', async () => {
    const { report } = await diffFiles(join(FIXTURES, '_cyclic/base.yaml'), join(FIXTURES, '_cyclic/revision.yaml'));
    expect(report.changes.map((c) => `${c.id} ${c.location}`)).toEqual([
      'response-property-added response 200 label',
      'response-property-added response 200 link.label',
      'property-type-changed response 200 link.weight',
    ]);
  });

  it('a readOnly property is not part of the request', () => {
    const doc = (readOnly: boolean): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly } } },
                },
              },
            },
            responses: { '204': { description: 'ok' } },
          },
        },
      },
    });
    // Base: id read-only (not sent). Head: id must be sent: a required request property appears.
    expect(diffDocuments(doc(true), doc(false)).report.changes.map((c) => c.id)).toEqual([
      'required-request-property-added',
    ]);
    expect(diffDocuments(doc(false), doc(true)).report.changes.map((c) => c.id)).toEqual(['property-became-read-only']);
  });
});
