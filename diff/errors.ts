// Bad input (missing file, YAML error, unresolved $ref, unknown git ref): reported as one line, exit code 2.

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
