// A deep text form of a type, so the probe can skip what did not change: two types with the same fingerprint
// are the same structure, and checking them would only cost time. Anything too large or too deep gets a
// unique mark, which forces the check rather than risking a skip.
import ts from 'typescript';

const MAX_DEPTH = 40;
const MAX_LENGTH = 2_000_000;
let unique = 0;

export class Fingerprints {
  // Only results that did not meet a cycle are memoized: a cyclic part reads differently from each entry.
  private readonly memo = new Map<ts.Type, string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly isOwn: (type: ts.Type) => boolean,
  ) {}

  of(type: ts.Type): string {
    const text = this.walk(type, []);
    return text.text;
  }

  private walk(type: ts.Type, stack: ts.Type[]): { text: string; cyclic: boolean } {
    const memo = this.memo.get(type);
    if (memo !== undefined) {
      return { text: memo, cyclic: false };
    }
    const at = stack.indexOf(type);
    if (at >= 0) {
      return { text: `#${stack.length - at}`, cyclic: true };
    }
    if (stack.length > MAX_DEPTH) {
      unique += 1;
      return { text: `#deep${unique}`, cyclic: true };
    }
    const inner = [...stack, type];
    let cyclic = false;
    const sub = (t: ts.Type): string => {
      const r = this.walk(t, inner);
      cyclic ||= r.cyclic;
      return r.text;
    };
    const { checker } = this;
    let text: string;
    if (type.isUnion()) {
      text = `(${type.types.map(sub).sort().join('|')})`;
    } else if (type.isIntersection()) {
      text = `(${type.types.map(sub).join('&')})`;
    } else if (!(type.flags & ts.TypeFlags.Object)) {
      text = checker.typeToString(type);
    } else {
      const parts: string[] = [];
      const reference = (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference;
      if (reference) {
        parts.push(
          `<${checker
            .getTypeArguments(type as ts.TypeReference)
            .map(sub)
            .join(',')}>`,
        );
      }
      if (this.isOwn(type)) {
        for (const p of checker.getPropertiesOfType(type)) {
          const readonly = p.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly)
            ? 'readonly '
            : '';
          const optional = p.flags & ts.SymbolFlags.Optional ? '?' : '';
          parts.push(`${readonly}${JSON.stringify(p.name)}${optional}:${sub(checker.getTypeOfSymbol(p))}`);
        }
        for (const info of checker.getIndexInfosOfType(type)) {
          parts.push(`[${sub(info.keyType)}]:${sub(info.type)}`);
        }
        for (const s of type.getCallSignatures()) {
          const params = s.getParameters().map((p) => {
            const optional =
              p.valueDeclaration &&
              ts.isParameter(p.valueDeclaration) &&
              (p.valueDeclaration.questionToken || p.valueDeclaration.initializer)
                ? '?'
                : '';
            return `${optional}${sub(checker.getTypeOfSymbol(p))}`;
          });
          parts.push(`(${params.join(',')})=>${sub(s.getReturnType())}`);
        }
        text = `{${parts.join(';')}}`;
      } else {
        text = `${(type.aliasSymbol ?? type.symbol)?.name ?? checker.typeToString(type)}${parts.join('')}`;
      }
    }
    if (text.length > MAX_LENGTH) {
      unique += 1;
      text = `#long${unique}`;
    }
    if (!cyclic) {
      this.memo.set(type, text);
    }
    return { text, cyclic };
  }
}
