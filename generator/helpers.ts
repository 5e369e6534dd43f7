// Text helpers shared by the model builder and the templates. Pure functions, tested in test/generator/helpers.test.ts.

/** Split any identifier-ish text into lower-case words: `Private Link Accesses (networking/v1)`, `privateLinkAccesses`, `page_size`. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function camelCase(text: string): string {
  const out = words(text)
    .map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
  return /^[0-9]/.test(out) ? `_${out}` : out;
}

export function pascalCase(text: string): string {
  const c = camelCase(text);
  return c.startsWith('_') ? c : c.charAt(0).toUpperCase() + c.slice(1);
}

export function kebabCase(text: string): string {
  return words(text).join('-');
}

/** English singular for resource nouns: `accesses` → `access`, `policies` → `policy`, `networks` → `network`. */
export function singular(word: string): string {
  if (/ies$/i.test(word)) {
    return word.slice(0, -3) + (word.slice(-3) === 'IES' ? 'Y' : 'y');
  }
  if (/(ss|x|ch|sh)es$/i.test(word)) {
    return word.slice(0, -2);
  }
  if (/[^su]s$/i.test(word)) {
    return word.slice(0, -1);
  }
  return word;
}

/** Make text safe inside a `/** … *\/` block: no comment terminator, no stray block opener. */
export function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\/\*/g, '/\\*').replace(/\r\n?/g, '\n');
}

/** A JSDoc block for the given lines (undefined/empty lines dropped), indented by `indent`. */
export function jsdoc(lines: (string | undefined | false)[], indent = ''): string {
  const body = lines
    .filter((l): l is string => typeof l === 'string' && l.trim() !== '')
    .flatMap((l) => escapeComment(l.trim()).split('\n'));
  if (body.length === 0) {
    return '';
  }
  if (body.length === 1) {
    return `${indent}/** ${body[0]} */\n`;
  }
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

/** A TypeScript string literal (single-quoted), safe for any input. */
export function tsString(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True for text that can stand as a property or method name without quotes. */
export function isIdentifier(text: string): boolean {
  return IDENT.test(text);
}

/** Words no variable or type alias may be named. */
export const RESERVED_WORDS = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined'.split(
    ' ',
  ),
);

/** A local variable name for any text: camelCased, and never a reserved word or one of `taken`. */
export function localName(text: string, taken: Set<string>): string {
  let name = camelCase(text) || 'value';
  if (RESERVED_WORDS.has(name) || taken.has(name)) {
    name = `${name}Param`;
  }
  for (let n = 2; taken.has(name); n++) {
    name = `${camelCase(text) || 'value'}Param${n}`;
  }
  return name;
}

/** An object key as written in TS source: bare when it is an identifier, quoted otherwise (`'spec.cloud'`). */
export function tsKey(name: string): string {
  return IDENT.test(name) ? name : tsString(name);
}

/** `paths['/a/{id}']['get']` style indexed access. */
export function indexAccess(base: string, ...keys: string[]): string {
  return base + keys.map((k) => `[${tsString(k)}]`).join('');
}

/** Markdown table cell: pipes escaped, newlines folded. */
export function mdCell(text: string | undefined): string {
  return (text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n+/g, ' ')
    .trim();
}

/** First sentence-ish line of a description, for tables. */
export function firstLine(text: string | undefined): string {
  if (!text) {
    return '';
  }
  const line = text
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return line;
}
