// openapi-typescript writes a schema's description as a `@description` tag, which editors show as a tag, not
// as the comment's text; it has no option for plain text. This moves the description into the text (after a
// title or summary, before a `Format:` line) and keeps every other tag as written.
import ts from 'typescript';

// Its items: `* @description X ` on one line, or `*\n * item\n *     continuation\n ` (lib/ts addJSDocComment).
// An item's first line has text right after `* `; a continuation line has four more spaces.
const ITEM = '\n * ';
const ITEM_START = /\n \* (?=\S)/;
const CONTINUATION = '\n *     ';
const DESCRIPTION = '@description ';

/** Rewrites the JSDoc comments openapi-typescript attached to the nodes of `ast`, in place. */
export function plainDescriptions(ast: readonly ts.Node[]): void {
  const visit = (node: ts.Node): void => {
    const comments = ts.getSyntheticLeadingComments(node);
    if (comments?.some((c) => c.text.includes(DESCRIPTION))) {
      ts.setSyntheticLeadingComments(
        node,
        comments.map((c) => ({ ...c, text: plainDescription(c.text) })),
      );
    }
    ts.forEachChild(node, visit);
  };
  ast.forEach(visit);
}

/** One comment's text (between the slash-star pair): its `@description` item becomes a plain paragraph. */
export function plainDescription(text: string): string {
  const items = text.startsWith('*\n')
    ? text.slice(1).replace(/\n $/, '').split(ITEM_START).slice(1)
    : [text.slice(2, -1)];
  const description = items.find((i) => i.startsWith(DESCRIPTION));
  if (description === undefined) {
    return text;
  }
  const plain = items.filter((i) => !i.startsWith('@'));
  const tags = items.filter((i) => i.startsWith('@') && i !== description);
  const paragraphs = [
    ...plain.filter((i) => !i.startsWith('Format: ')),
    description.slice(DESCRIPTION.length).replaceAll(CONTINUATION, ITEM),
    ...plain.filter((i) => i.startsWith('Format: ')),
  ];
  const lines = [paragraphs.join('\n *\n * '), ...tags];
  if (lines.length === 1 && !lines[0]!.includes('\n')) {
    return `* ${lines[0]} `;
  }
  return `*${ITEM}${lines.join(ITEM)}\n `;
}
