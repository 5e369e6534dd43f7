// The one place the client reads the environment. Called only when a value is needed (no credentials passed, no
// logLevel given), so Deno with `--allow-env=<only the user's names>` never sees a read it did not allow; a
// refused read (Deno's NotCapable) counts as unset rather than failing the constructor.

/** The environment variable `name`, or undefined when unset, empty, or not readable in this runtime. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.[name] || undefined;
  } catch {
    return undefined;
  }
}
