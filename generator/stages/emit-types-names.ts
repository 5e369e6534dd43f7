// Editors print a type by the alias it was declared with, and `components['schemas']['Network']` declares none:
// signature help then spells out the whole object. Each component schema's type becomes a local alias of
// schema.ts under the name the model exports it as (`type Network = { ... }`), and `components` points at it,
// so `Network` is what the editor shows; the types themselves do not change.
import ts from 'typescript';

/** Hoists `components.schemas` members named in `names` (schema key → exported name) into local aliases. */
export function nameSchemas(ast: readonly ts.Node[], names: ReadonlyMap<string, string>): ts.Node[] {
  // A name the file already declares or refers to (`paths`, `Record`, `Blob`) is left alone: an alias would clash.
  const used = typeNames(ast);
  const aliases: ts.TypeAliasDeclaration[] = [];
  const rewrite = (member: ts.TypeElement): ts.TypeElement => {
    const key = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) && member.name.text;
    const name = key ? names.get(key) : undefined;
    if (!name || used.has(name) || !ts.isPropertySignature(member) || !member.type) {
      return member;
    }
    used.add(name);
    aliases.push(ts.factory.createTypeAliasDeclaration(undefined, name, undefined, member.type));
    const named = ts.factory.updatePropertySignature(
      member,
      member.modifiers,
      member.name,
      member.questionToken,
      ts.factory.createTypeReferenceNode(name),
    );
    return ts.setSyntheticLeadingComments(named, ts.getSyntheticLeadingComments(member));
  };
  const out = ast.map((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'components') {
      return node;
    }
    return ts.factory.updateInterfaceDeclaration(
      node,
      node.modifiers,
      node.name,
      node.typeParameters,
      node.heritageClauses,
      node.members.map((m) =>
        isNamed(m, 'schemas') && m.type && ts.isTypeLiteralNode(m.type)
          ? ts.factory.updatePropertySignature(
              m,
              m.modifiers,
              m.name,
              m.questionToken,
              ts.factory.updateTypeLiteralNode(m.type, ts.factory.createNodeArray(m.type.members.map(rewrite))),
            )
          : m,
      ),
    );
  });
  if (aliases[0]) {
    ts.addSyntheticLeadingComment(
      aliases[0],
      ts.SyntaxKind.SingleLineCommentTrivia,
      ' Component schemas under their exported names, for editors; `components` points at them.',
      true,
    );
  }
  return [...out, ...aliases];
}

const isNamed = (m: ts.TypeElement, name: string): m is ts.PropertySignature =>
  ts.isPropertySignature(m) && ts.isIdentifier(m.name) && m.name.text === name;

/** The names declared at the top of the file and every name a type reference starts with. */
function typeNames(ast: readonly ts.Node[]): Set<string> {
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) {
      let name: ts.EntityName = node.typeName;
      while (ts.isQualifiedName(name)) {
        name = name.left;
      }
      out.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const node of ast) {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name) {
      out.add(node.name.text);
    }
    visit(node);
  }
  return out;
}
