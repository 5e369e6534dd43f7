// Baseline for bench/cases/generate.ts: bare openapi-typescript (Node API) on the same file, as a fresh process.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const [spec, out] = process.argv.slice(2);
const ast = await openapiTS(pathToFileURL(spec!), { silent: true });
writeFileSync(out!, astToString(ast));
