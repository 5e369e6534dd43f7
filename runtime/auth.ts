import { CredentialsError } from './errors.js';

/** A bearer token, or a function returning one (called before every attempt, so it can refresh). */
export type AccessToken = string | (() => string | Promise<string>);

export interface Credentials {
  apiKey?: string;
  apiSecret?: string;
  accessToken?: AccessToken;
}

/**
 * The `Authorization` value (or a function making it): `Basic` from apiKey + apiSecret, `Bearer` from
 * accessToken; when none of the three is given, `${envPrefix}_API_KEY` + `${envPrefix}_API_SECRET` from the
 * environment. Missing, half-given or conflicting credentials throw CredentialsError, whose message names
 * settings, never values.
 */
export function resolveAuth({ apiKey: k, apiSecret: s, accessToken: t }: Credentials, envPrefix?: string): AccessToken {
  let a = 'apiKey';
  let b = 'apiSecret';
  if (t) {
    if (k || s) throw new CredentialsError('Pass apiKey + apiSecret or accessToken, not both');
    return typeof t == 'string' ? 'Bearer ' + t : async () => 'Bearer ' + (await t());
  }
  if (!k && !s && envPrefix) {
    const env = (globalThis as { process?: { env?: Record<string, string> } }).process?.env || {};
    k = env[(a = envPrefix + '_API_KEY')];
    s = env[(b = envPrefix + '_API_SECRET')];
  }
  if (!k || !s) throw new CredentialsError(`Missing ${k ? b : s ? a : `credentials: pass apiKey + apiSecret, accessToken, or set ${a} + ${b}`}`);
  return 'Basic ' + btoa(k + ':' + s);
}
