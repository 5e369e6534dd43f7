// Turns raw failure text into group keys, so "Cannot find name 'providerId'" and "Cannot find name 'orgId'"
// land in one group. Only the shape of a message survives: names, pointers, paths and numbers become `…`.

export interface TscError {
  file: string;
  code: string;
  message: string;
}

const TSC_LINE = /^(.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const TSC_GLOBAL = /^error (TS\d+): (.*)$/;

/** The errors of a `tsc` run, in order (first line of each message only). */
export function parseTscErrors(output: string): TscError[] {
  const errors: TscError[] = [];
  for (const line of output.split('\n')) {
    const m = TSC_LINE.exec(line);
    if (m) {
      errors.push({ file: m[1]!, code: m[4]!, message: m[5]!.trim() });
    }
    const g = TSC_GLOBAL.exec(line);
    if (g) {
      errors.push({ file: '', code: g[1]!, message: g[2]!.trim() });
    }
  }
  return errors;
}

/** Replaces everything that names a particular document's things with `…`. */
export function normalise(message: string, specPaths: string[] = []): string {
  let s = message.replace(/^error: /, '');
  // Longest first: the absolute path contains the relative one.
  for (const p of [...specPaths].sort((a, b) => b.length - a.length)) {
    s = s.split(p).join('<spec>');
  }
  return (
    s
      .replace(/(?:\.\.?\/|\/)[^\s():'"`]+\.(?:json|ya?ml|ts)/g, '<file>')
      .replace(/#\/[^\s)'"`,;]*/g, '#…')
      .replace(/'[^']*'/g, "'…'")
      .replace(/"[^"]*"/g, '"…"')
      .replace(/`[^`]*`/g, '`…`')
      // Dotted member paths (`forex.list`, `client.a.b`) are names, not part of the message's shape.
      .replace(/\b[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\b/g, '…')
      .replace(/\b\d+(?:\.\d+)*\b/g, 'N')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200)
  );
}

/** The line of a failed run that says what went wrong: a generator `error:` line or a thrown error's message. */
export function firstErrorLine(stderr: string, stdout = ''): string {
  const lines = `${stderr}\n${stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const said = lines.find((l) => /^(?:internal )?error\b|^\w*Error\b|^\[?[A-Z][\w ]*Error\]?:/i.test(l));
  // Long enough for a full JSON pointer: a cut line would start a group of its own.
  return (said ?? lines[0] ?? '(no output)').slice(0, 2000);
}

/**
 * A refusal a user can act on: exit code 1 and exactly one line on stderr, not a crash. (A stack trace, an
 * "internal error" or several lines are not clear refusals.)
 */
export function isClearRefusal(code: number | null, stderr: string): boolean {
  const lines = stderr.split('\n').filter((l) => l.trim());
  return code === 1 && lines.length === 1 && !/^internal error/i.test(lines[0]!) && !/\n\s+at /.test(stderr);
}
