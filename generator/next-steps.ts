// What to type after generating into a folder of one's own: the package ships TypeScript sources, and its build
// (and `npm pack`, whose prepack script builds) needs the devDependencies that only `npm install` brings.
import path from 'node:path';
import { ROOT } from './stages/load-assets.js';

/** The lines to print after writing into `out`; none for the project's own generated/. */
export function nextSteps(out: string): string[] {
  const dir = path.resolve(out);
  if (dir === path.join(ROOT, 'generated')) {
    return [];
  }
  return [
    'next steps (npm install first: the build and npm pack run tsc from the package devDependencies):',
    `  cd ${shellQuote(dir)} && npm install && npm run build`,
    '  npm pack    # builds again (prepack) and writes the .tgz to install elsewhere',
  ];
}

/** A path as a shell word: single quotes only when it holds something the shell would split or expand. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
