import { readEnv } from './env.js';
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
 * environment. Missing (unless the API declares no security), half-given or conflicting credentials throw CredentialsError, whose message names
 * settings, never values.
 */
export function resolveAuth(
  { apiKey, apiSecret, accessToken }: Credentials,
  envPrefix?: string,
  optional = false,
): AccessToken | undefined {
  let keyName = 'apiKey';
  let secretName = 'apiSecret';
  if (accessToken) {
    if (apiKey || apiSecret) {
      throw new CredentialsError('Pass apiKey + apiSecret or accessToken, not both');
    }
    return typeof accessToken === 'string' ? `Bearer ${accessToken}` : async () => `Bearer ${await accessToken()}`;
  }
  if (!apiKey && !apiSecret && envPrefix) {
    keyName = `${envPrefix}_API_KEY`;
    secretName = `${envPrefix}_API_SECRET`;
    apiKey = readEnv(keyName);
    apiSecret = readEnv(secretName);
  }
  // An API that declares no security needs no credentials; half-given ones are still a mistake.
  if (optional && !apiKey && !apiSecret) {
    return undefined;
  }
  if (!apiKey || !apiSecret) {
    const missing = apiKey
      ? secretName
      : apiSecret
        ? keyName
        : `credentials: pass apiKey + apiSecret, accessToken, or set ${keyName} + ${secretName}`;
    throw new CredentialsError(`Missing ${missing}`);
  }
  return `Basic ${btoa(`${apiKey}:${apiSecret}`)}`;
}
