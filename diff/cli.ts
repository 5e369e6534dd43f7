// `make diff`: compare a base spec (file or git ref) with the head spec and print the report.
// Exit codes: 0 no change at or above --fail-on, 1 there is one, 2 bad input (one line on stderr).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffDocuments } from './diff.js';
import { InputError } from './errors.js';
import { formatGithub } from './format/github.js';
import { formatJson } from './format/json.js';
import { formatMarkdown } from './format/markdown.js';
import { checkoutSpec } from './git.js';
import { compilePackages } from './compiler/check.js';
import { generatePackages } from './compiler/packages.js';
import { packageImpact } from './impact.js';
import { loadSpec, type LoadedSpec } from './load.js';
import { DEFAULT_POLICY, loadPolicy, type Policy } from './lifecycle.js';
import { LEVELS, type Level } from './registry.js';
import { rulesTable } from './rules-table.js';
import { combine, type VerdictInput } from './verdict.js';
import { checkVersion } from './version.js';

const FORMATS = ['markdown', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['breaking', 'warning', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

const USAGE = `usage: diff/cli.ts --base <git ref or file> [--head spec/openapi.yaml] [--format markdown|json|github] [--fail-on breaking|warning|none]
                   [--rules-only] [--check-version] [--lifecycle policy.yaml] [--today YYYY-MM-DD]
       diff/cli.ts --rules   (print the rule table)`;

interface Options {
  base: string;
  head: string;
  format: Format;
  failOn: FailOn;
  /** Skip generating and compiling both packages. */
  rulesOnly: boolean;
  checkVersion: boolean;
  /** The lifecycle policy (defaults when no file is given). */
  policy: Policy;
  /** The day sunsets are compared with. */
  today: string;
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        head: { type: 'string', default: 'spec/openapi.yaml' },
        format: { type: 'string', default: 'markdown' },
        'fail-on': { type: 'string', default: 'breaking' },
        rules: { type: 'boolean', default: false },
        'rules-only': { type: 'boolean', default: false },
        'check-version': { type: 'boolean', default: false },
        lifecycle: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function parse(argv: string[]): Options | 'rules' | 'help' {
  const values = readArgs(argv);
  if (values.help) {
    return 'help';
  }
  if (values.rules) {
    return 'rules';
  }
  const format = FORMATS.find((f) => f === values.format);
  const failOn = FAIL_ON.find((f) => f === values['fail-on']);
  if (!values.base) {
    throw new InputError(`--base is required\n${USAGE}`);
  }
  if (!format) {
    throw new InputError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
  }
  if (!failOn) {
    throw new InputError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${values['fail-on']}")`);
  }
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new InputError(`--today must be a date, YYYY-MM-DD (got "${today}")`);
  }
  const policy = values.lifecycle ? loadPolicy(values.lifecycle) : DEFAULT_POLICY;
  return {
    base: values.base,
    head: values.head,
    format,
    failOn,
    rulesOnly: values['rules-only'],
    checkVersion: values['check-version'],
    policy,
    today,
  };
}

async function loadBase(base: string, head: string): Promise<LoadedSpec> {
  // A path that exists is a file; anything else must be a commit of the repository holding the head spec.
  if (existsSync(base)) {
    return loadSpec({ file: base });
  }
  const checkout = checkoutSpec({ ref: base, headFile: head });
  try {
    const alias = { dir: checkout.root, prefix: `${base}:` };
    return await loadSpec({ file: checkout.file, displayName: checkout.displayName, alias });
  } finally {
    checkout.cleanup();
  }
}

export async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'rules') {
    process.stdout.write(`${rulesTable()}\n`);
    return 0;
  }
  const head = await loadSpec({ file: options.head });
  const base = await loadBase(options.base, options.head);
  const lifecycle = { policy: options.policy, today: options.today };
  const { report: rules, resources, policies } = diffDocuments(base.doc, head.doc, lifecycle);
  const compiler = options.rulesOnly ? 'skipped (--rules-only)' : await compilerVerdict(options, base, head);
  const report = combine({ report: rules, compiler, policies });
  if (options.checkVersion) {
    const operationsAdded = rules.changes.some((c) => c.id === 'operation-added');
    report.version = checkVersion({
      base: base.doc,
      head: head.doc,
      breaking: report.verdict === 'breaking',
      operationsAdded,
    });
  }

  let output: string;
  if (options.format === 'json') {
    output = formatJson(report);
  } else if (options.format === 'github') {
    output = formatGithub(report);
  } else {
    output = formatMarkdown({ report, resources, impact: packageImpact(base.doc, head.doc), policies });
  }
  process.stdout.write(output);

  if (report.version && !report.version.ok) {
    process.stderr.write(`api-diff: version: ${report.version.message}\n`);
  }
  const versionFails = report.version !== undefined && !report.version.ok;
  // --fail-on none reports and never fails, the version check included (the PR workflow gates on the JSON).
  if (options.failOn === 'none') {
    return 0;
  }
  const threshold = LEVELS.indexOf(options.failOn satisfies Level);
  // A compiler break the lifecycle policy allows (an Early Access operation) is reported, not failing.
  const atThreshold = report.changes.some((c) => LEVELS.indexOf(c.level) <= threshold);
  const failing = atThreshold || report.compiler.breaking.some((b) => !b.allowed);
  return failing || versionFails ? 1 : 0;
}

async function compilerVerdict(
  options: Options,
  base: LoadedSpec,
  head: LoadedSpec,
): Promise<VerdictInput['compiler']> {
  // A base that is a file is generated from it; a git ref's base only exists as the bundled document.
  const packages = await generatePackages({
    base: { file: existsSync(options.base) ? options.base : undefined, doc: base.doc },
    head: { file: options.head, doc: head.doc },
  });
  if (typeof packages === 'string') {
    return packages;
  }
  return { result: compilePackages(packages), operations: packages.operations };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) {
      process.stderr.write(`api-diff: ${error.message}\n`);
    } else {
      // A bug, not bad input: still one line unless asked for the stack.
      const detail =
        error instanceof Error ? (process.env.API_DIFF_DEBUG ? error.stack : error.message) : String(error);
      process.stderr.write(`api-diff: internal error: ${detail}\n`);
    }
    process.exitCode = 2;
  },
);
