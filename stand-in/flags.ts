// The CLI's --credentials and --cors values as startStandIn options; a bad value throws the one line the CLI prints.
import type { CorsOptions } from './cors.js';
import type { StandInCredential } from './credentials.js';

/** `KEY:SECRET` values (split at the first colon: a secret may hold colons, a key may not). */
export function credentialsFlag(values: readonly string[] | undefined): StandInCredential[] | undefined {
  if (!values?.length) {
    return undefined;
  }
  return values.map((raw) => {
    const colon = raw.indexOf(':');
    const apiKey = raw.slice(0, colon);
    const apiSecret = raw.slice(colon + 1);
    // The value is not echoed: it may be a secret.
    if (colon < 0 || !apiKey || !apiSecret) {
      const what = colon < 0 ? 'no colon' : apiKey ? 'an empty secret' : 'an empty key';
      throw new Error(`--credentials must look like KEY:SECRET, got a value with ${what}`);
    }
    return { apiKey, apiSecret };
  });
}

/** Origins as a browser sends them (`http://localhost:5173`: no path, no trailing slash), or `*` for every one. */
export function corsFlag(values: readonly string[] | undefined): boolean | CorsOptions | undefined {
  if (!values?.length) {
    return undefined;
  }
  if (values.includes('*')) {
    if (values.length > 1) {
      throw new Error(`--cors '*' allows every origin: drop the other --cors values`);
    }
    return true;
  }
  for (const raw of values) {
    if (originOf(raw) !== raw) {
      throw new Error(
        `--cors must be an origin such as http://localhost:5173 (scheme, host, port; no path) or '*', got "${raw}"`,
      );
    }
  }
  return { origin: values };
}

const originOf = (raw: string): string | undefined => {
  try {
    const url = new URL(raw);
    return /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
};
