// The exported surface of a generated package, read with the TypeScript checker: the client class, its
// resources and their methods, and the exported named types with the direction they travel in (sent by
// callers, returned to them, or both).
import ts from 'typescript';
import { Fingerprints } from './fingerprint.js';

export type Usage = 'input' | 'output';

export interface MethodSurface {
  name: string;
  symbol: ts.Symbol;
  /** Deep structure of the method's type: equal on both sides means nothing to check. */
  fingerprint: string;
}

export interface ResourceSurface {
  className: string;
  methods: Map<string, MethodSurface>;
}

export interface TypeSurface {
  name: string;
  /** The declared type, expanded one level: what the API report prints. */
  type: ts.Type;
  usage: Set<Usage>;
  generic: boolean;
  fingerprint: string;
}

export interface Surface {
  /** Exported class extending BaseClient. */
  client: string | undefined;
  /** By client property (`networks`). */
  resources: Map<string, ResourceSurface>;
  types: Map<string, TypeSurface>;
  checker: ts.TypeChecker;
  /** The package's folder: types declared outside it (libs, openapi-fetch) are not walked. */
  root: string;
}

// openapi-typescript's raw maps: every change shows in them, so they are covered by the named types instead.
const RAW = new Set(['paths', 'components', 'operations', 'webhooks', '$defs']);

export function readSurface(program: ts.Program, input: { index: string; root: string }): Surface {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(input.index);
  const moduleSymbol = file && checker.getSymbolAtLocation(file);
  if (!moduleSymbol) {
    throw new Error(`${input.index}: not a module`);
  }
  const surface: Surface = { client: undefined, resources: new Map(), types: new Map(), checker, root: input.root };
  const fingerprints = new Fingerprints(checker, (type) => isOwn(surface, type));
  const resourceClasses = new Map<ts.Symbol, string>();
  let clientSymbol: ts.Symbol | undefined;

  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (symbol.flags & ts.SymbolFlags.Class) {
      const bases = baseNames(checker, symbol);
      if (bases.includes('BaseClient')) {
        clientSymbol = symbol;
      } else if (bases.includes('APIResource')) {
        resourceClasses.set(symbol, exported.name);
      }
    } else if (symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface) && !RAW.has(exported.name)) {
      const generic = (symbol.declarations ?? []).some(
        (d) => (ts.isTypeAliasDeclaration(d) || ts.isInterfaceDeclaration(d)) && (d.typeParameters?.length ?? 0) > 0,
      );
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const fingerprint = generic ? '' : fingerprints.of(type);
      surface.types.set(exported.name, { name: exported.name, type, usage: new Set(), generic, fingerprint });
    }
  }

  if (clientSymbol) {
    surface.client = clientSymbol.name;
    for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(clientSymbol))) {
      const className = resourceClasses.get(checker.getTypeOfSymbol(property).symbol);
      if (!className) {
        continue;
      }
      const classSymbol = checker.getTypeOfSymbol(property).symbol;
      surface.resources.set(property.name, { className, methods: ownMethods(checker, classSymbol, fingerprints) });
    }
  }
  markUsage(surface);
  return surface;
}

function baseNames(checker: ts.TypeChecker, symbol: ts.Symbol): string[] {
  const names: string[] = [];
  let type = checker.getDeclaredTypeOfSymbol(symbol);
  for (let i = 0; i < 10; i++) {
    const base = type.isClassOrInterface() ? checker.getBaseTypes(type)[0] : undefined;
    if (!base?.symbol) {
      break;
    }
    names.push(base.symbol.name);
    type = base;
  }
  return names;
}

function ownMethods(
  checker: ts.TypeChecker,
  classSymbol: ts.Symbol,
  fingerprints: Fingerprints,
): Map<string, MethodSurface> {
  const methods = new Map<string, MethodSurface>();
  const declaration = classSymbol.declarations?.find(ts.isClassDeclaration);
  for (const member of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(classSymbol))) {
    const own = member.declarations?.some((d) => ts.isMethodDeclaration(d) && d.parent === declaration);
    const isPrivate = member.declarations?.some(
      (d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected),
    );
    if (!own || isPrivate || member.name.startsWith('_')) {
      continue;
    }
    methods.set(member.name, {
      name: member.name,
      symbol: member,
      fingerprint: fingerprints.of(checker.getTypeOfSymbol(member)),
    });
  }
  return methods;
}

/** Whether a type is declared inside the package (not a lib or dependency type, which is never walked). */
export function isOwn(surface: Surface, type: ts.Type): boolean {
  const declaration = (type.aliasSymbol ?? type.symbol)?.declarations?.[0];
  return declaration?.getSourceFile().fileName.startsWith(surface.root) ?? false;
}

// Parameters are what callers send, return types what they read; a named type reached from both is both.
function markUsage(surface: Surface): void {
  const { checker } = surface;
  const reached: Record<Usage, Set<ts.Type>> = { input: new Set(), output: new Set() };
  for (const resource of surface.resources.values()) {
    for (const method of resource.methods.values()) {
      for (const signature of checker.getTypeOfSymbol(method.symbol).getCallSignatures()) {
        for (const parameter of signature.getParameters()) {
          collect(surface, checker.getTypeOfSymbol(parameter), reached.input);
        }
        collect(surface, signature.getReturnType(), reached.output);
      }
    }
  }
  for (const named of surface.types.values()) {
    if (reached.input.has(named.type)) {
      named.usage.add('input');
    }
    if (reached.output.has(named.type)) {
      named.usage.add('output');
    }
    // Not reached from any method (error bodies, unused schemas): values the API hands back.
    if (named.usage.size === 0) {
      named.usage.add('output');
    }
  }
}

function collect(surface: Surface, type: ts.Type, into: Set<ts.Type>, depth = 0): void {
  if (into.has(type) || depth > 40) {
    return;
  }
  into.add(type);
  const { checker } = surface;
  if (type.isUnionOrIntersection()) {
    for (const member of type.types) {
      collect(surface, member, into, depth + 1);
    }
    return;
  }
  if (!(type.flags & ts.TypeFlags.Object)) {
    return;
  }
  // Promise<T>, AsyncIterable<T>, T[]: only their type arguments belong to the package.
  if ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
    for (const argument of checker.getTypeArguments(type as ts.TypeReference)) {
      collect(surface, argument, into, depth + 1);
    }
  }
  if (!isOwn(surface, type)) {
    return;
  }
  for (const property of checker.getPropertiesOfType(type)) {
    collect(surface, checker.getTypeOfSymbol(property), into, depth + 1);
  }
  for (const info of checker.getIndexInfosOfType(type)) {
    collect(surface, info.type, into, depth + 1);
  }
}
