// First step of the model: every operation with its $refs resolved once. Path-level and operation-level
// parameters are merged (the operation's own wins, matched by name and location), media types are classified,
// and placeholders the spec forgot to declare become required string parameters. Nothing after this step
// goes back to the raw document for an operation's facts.
import { mediaKind, preferredMedia, type MediaKind } from '../../media.js';
import {
  METHODS,
  deref,
  type LowerMethod,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type SchemaObject,
} from '../../openapi.js';

export interface MediaSource {
  mediaType: string;
  kind: MediaKind;
  schema: SchemaObject | undefined;
  media: MediaTypeObject;
}

export interface ResponseSource {
  status: string;
  description: string | undefined;
  headers: string[];
  content: MediaSource[];
  /** The media type a call reads: JSON first (see media.ts). */
  preferred: MediaSource | undefined;
}

export interface OperationSource {
  path: string;
  method: LowerMethod;
  op: OperationObject;
  params: ParameterObject[];
  body: { required: boolean; description: string | undefined; content: MediaSource[] } | undefined;
  responses: ResponseSource[];
  /** Effective security (the operation's, else the document's): each alternative's scheme names. */
  security: string[][];
}

export function collectOperations(doc: OpenApiDocument): OperationSource[] {
  const out: OperationSource[] = [];
  for (const [path, raw] of Object.entries(doc.paths ?? {})) {
    const item = deref<PathItemObject>(doc, raw) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object') {
        continue;
      }
      out.push({
        path,
        method,
        op,
        params: mergeParams({ doc, path, shared: item.parameters ?? [], own: op.parameters ?? [] }),
        body: requestBody(doc, op),
        responses: responses(doc, op),
        security: (op.security ?? doc.security ?? [])
          .map((alt) => Object.keys(alt ?? {}))
          .filter((alt) => alt.length > 0),
      });
    }
  }
  return out;
}

interface MergeInput {
  doc: OpenApiDocument;
  path: string;
  shared: ParameterObject[];
  own: ParameterObject[];
}

function mergeParams({ doc, path, shared, own }: MergeInput): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const p of [...shared, ...own]) {
    const r = deref(doc, p);
    if (r && typeof r.name === 'string' && r.in) {
      byKey.set(`${r.in}:${r.name}`, { ...r, schema: deref(doc, r.schema) ?? r.schema ?? contentSchema(doc, r) });
    }
  }
  // A placeholder the spec does not declare is still part of the URL: the caller must pass it.
  for (const placeholder of path.match(/\{[^}]+\}/g) ?? []) {
    const name = placeholder.slice(1, -1);
    if (!byKey.has(`path:${name}`)) {
      byKey.set(`path:${name}`, { name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  // Path parameters are always required, whatever the spec says; undeclared-in-template ones are dropped,
  // because no URL could carry them.
  return [...byKey.values()]
    .filter((p) => p.in !== 'path' || path.includes(`{${p.name}}`))
    .map((p) => (p.in === 'path' ? { ...p, required: true } : p));
}

/** A parameter may carry its schema under `content` instead of `schema`. */
function contentSchema(doc: OpenApiDocument, p: ParameterObject): SchemaObject | undefined {
  const content = (p as { content?: Record<string, MediaTypeObject> }).content;
  const first = content ? Object.values(content)[0] : undefined;
  return first ? (deref(doc, first.schema) ?? first.schema) : undefined;
}

function media(_doc: OpenApiDocument, content: Record<string, MediaTypeObject> | undefined): MediaSource[] {
  return Object.entries(content ?? {}).map(([mediaType, m]) => ({
    mediaType,
    kind: mediaKind(mediaType),
    schema: m?.schema,
    media: m ?? {},
  }));
}

function requestBody(doc: OpenApiDocument, op: OperationObject): OperationSource['body'] {
  const body = deref(doc, op.requestBody);
  if (!body) {
    return undefined;
  }
  const content = media(doc, body.content);
  if (!content.length) {
    return undefined;
  }
  const first = preferredMedia(content.map((c) => c.mediaType));
  content.sort((a, b) => Number(b.mediaType === first) - Number(a.mediaType === first));
  return { required: body.required === true, description: body.description, content };
}

function responses(doc: OpenApiDocument, op: OperationObject): ResponseSource[] {
  return Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const res = deref(doc, r) ?? {};
      const content = media(doc, res.content);
      const preferred = preferredMedia(content.map((c) => c.mediaType));
      return {
        status: String(status),
        description: res.description,
        headers: Object.keys(res.headers ?? {}),
        content,
        preferred: content.find((c) => c.mediaType === preferred),
      };
    })
    .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

/** Success responses: every 2xx (or `2XX`); when there is none, `default` stands in. */
export function successResponses(source: OperationSource): ResponseSource[] {
  const ok = source.responses.filter((r) => /^2/.test(r.status));
  if (ok.length) {
    return ok;
  }
  return source.responses.filter((r) => r.status === 'default');
}
