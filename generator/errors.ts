// A user mistake (bad spec, bad flag) is reported as one readable line, never a stack trace.
import path from 'node:path';

export interface SpecLocation {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export class GeneratorError extends Error {
  readonly location: SpecLocation | undefined;

  constructor(message: string, location?: SpecLocation) {
    super(message);
    this.name = 'GeneratorError';
    this.location = location;
  }

  /** `spec/openapi.yaml:12:5 (#/paths/~1a/get): message` with the file relative to `cwd`. */
  format(cwd = process.cwd()): string {
    const loc = this.location;
    if (!loc) {
      return this.message;
    }
    let where = path.relative(cwd, loc.file) || loc.file;
    if (loc.line) {
      where += `:${loc.line}${loc.column ? `:${loc.column}` : ''}`;
    }
    if (loc.pointer) {
      where += ` (${loc.pointer})`;
    }
    return `${where}: ${this.message}`;
  }
}
