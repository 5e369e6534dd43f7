// The TypeScript examples the docs show, printed from the model's example values (the model holds data; code
// text is made here). Every example compiles against the generated types: a test type-checks them all.
import { camelCase, singular, tsKey, tsString } from '../../helpers.js';
import type { Json } from '../../openapi.js';
import type { ArgModel, MethodModel, ParamModel } from '../model/index.js';

const PAD = '  ';

/** A JSON value as a TypeScript literal: objects one property a line, arrays inline. */
function tsLiteral(value: Json, indent = 0): string {
  if (typeof value === 'string') {
    return tsString(value);
  }
  if (value === null || typeof value !== 'object') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => tsLiteral(v, indent)).join(', ')}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) {
    return '{}';
  }
  const pad = PAD.repeat(indent);
  return `{\n${entries.map(([k, v]) => `${pad}${PAD}${tsKey(k)}: ${tsLiteral(v, indent + 1)},`).join('\n')}\n${pad}}`;
}

/** A value the parameter's type accepts: its example, else a made-up string (`org-123`). */
function paramLiteral(p: ParamModel | undefined, name: string): string {
  const v = p?.example;
  if (v === undefined || v === null) {
    return tsString(`${name}-123`);
  }
  if (p?.type.endsWith('[]') || p?.type.startsWith('(')) {
    return Array.isArray(v) ? JSON.stringify(v) : `[${inline(v)}]`;
  }
  return typeof v === 'object' ? tsString(`${name}-123`) : inline(v);
}

function inline(v: Json): string {
  return typeof v === 'string' ? tsString(v) : JSON.stringify(v);
}

/** Object literal with the required parameters of one location. */
function requiredObject(params: ParamModel[] | undefined): string {
  const required = (params ?? []).filter((p) => p.required);
  return required.length
    ? `{ ${required.map((p) => `${tsKey(p.name)}: ${paramLiteral(p, p.name)}`).join(', ')} }`
    : '{}';
}

/** The literals a call passes for its path parameters, in order. */
export function pathLiterals(m: MethodModel): string[] {
  return m.params.path.map((p) => paramLiteral(p, p.name));
}

/** The required query object, when the method takes a query. */
export function queryLiteral(m: MethodModel): string | undefined {
  return m.params.query ? requiredObject(m.params.query.params) : undefined;
}

/** The arguments a call of these args passes: every required one, optional ones left out. */
export function callArgs(m: MethodModel, args: ArgModel[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a.optional && a.kind !== 'path') {
      continue;
    }
    if (a.kind === 'path') {
      out.push(
        paramLiteral(
          m.params.path.find((p) => p.name === a.wireName),
          a.wireName!,
        ),
      );
    } else if (a.kind === 'body') {
      out.push(bodyLiteral(m));
    } else if (a.kind === 'wait') {
      out.push('{ until: () => true }');
    } else {
      out.push(requiredObject(m.params[a.kind]?.params));
    }
  }
  return out;
}

function bodyLiteral(m: MethodModel): string {
  if (!m.body || m.body.kind === 'binary') {
    return `new Blob(['example'])`;
  }
  if (m.body.kind === 'text') {
    return tsString('example');
  }
  return tsLiteral(m.body.example ?? {});
}

/** `client.networks.get('n-123', { environment: 'env-123' })`: the call alone, for prose examples. */
export function methodCall(m: MethodModel, resource: string): string {
  return `client.${resource}.${m.name}(${callArgs(m, m.args).join(', ')})`;
}

export interface ExampleContext {
  packageName: string;
  clientName: string;
  resource: string;
}

export function methodExample(m: MethodModel, ctx: ExampleContext): string {
  const call = methodCall(m, ctx.resource);
  const result = m.paging ? 'page' : camelCase(singular(ctx.resource));
  const lines = [
    `import { ${ctx.clientName} } from ${tsString(ctx.packageName)};`,
    '',
    `const client = new ${ctx.clientName}();`,
  ];
  if (m.response.type === 'void') {
    lines.push(`await ${call};`);
  } else {
    lines.push(`const ${result} = await ${call};`, `console.log(${result});`);
  }
  return lines.join('\n');
}
