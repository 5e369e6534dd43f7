// On GitHub a line of text right after a table row is rendered as one more row of that table. Every table
// the templates emit must end with a blank line (or the end of the file). Checked on what users read: the
// committed generated/ package and every fixture's snapshots.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['generated', 'test/generator/__snapshots__'];

const markdownFiles = FOLDERS.flatMap((folder) =>
  (readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(folder, f).split(path.sep).join('/')),
).sort();

/** `file:line` of every line that is neither blank nor a table row, yet follows a table row. */
export function textAfterTable(file: string, text: string): string[] {
  const lines = text.split('\n');
  const isRow = (line: string): boolean => line.trimStart().startsWith('|');
  const found: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (isRow(lines[i - 1]!) && lines[i]!.trim() !== '' && !isRow(lines[i]!)) {
      found.push(`${file}:${i + 1}: ${lines[i]}`);
    }
  }
  return found;
}

describe('Markdown tables end with a blank line', () => {
  it('finds the Markdown files to check', () => {
    expect(markdownFiles).toContain('generated/README.md');
    expect(markdownFiles).toContain('generated/docs/networks.md');
    expect(markdownFiles.filter((f) => f.startsWith('test/')).length).toBeGreaterThan(10);
  });

  it('the check catches text glued to a table', () => {
    expect(textAfterTable('x.md', '| a |\n| --- |\n| 1 |\nglued\n\n| b |\n\nfine\n')).toEqual(['x.md:4: glued']);
  });

  it.each(markdownFiles)('%s', (file) => {
    expect(textAfterTable(file, readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });
});
