// Markdown docs: one page per resource, a models page and the package README (issue #6 fills these in).
import type { BuiltModel } from '../model/build.js';

export interface DocsInput {
  model: BuiltModel;
  render: (template: string, data: object) => string;
}

export function docsFiles(_input: DocsInput): Map<string, string> {
  return new Map();
}
