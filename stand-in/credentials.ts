/// <reference types="node" />
// Which credentials the stand-in accepts: every well-formed Basic or Bearer header by default, or only the ones a test
// names, so the test can reach the client's 401 AuthenticationError path with a wrong key.

/** One accepted credential: an API key and secret (HTTP basic), or a bearer token. */
export type StandInCredential = { apiKey: string; apiSecret: string } | { accessToken: string };

/** Why the Authorization header is refused, or undefined when it is accepted. */
export function refusal(
  header: string | undefined,
  accepted: StandInCredential | readonly StandInCredential[] | undefined,
): string | undefined {
  if (!header || !/^(Basic|Bearer) \S+/.test(header)) {
    return 'The request has no credentials: send an API key and secret (HTTP basic) or a bearer token.';
  }
  if (accepted === undefined) {
    return undefined;
  }
  const list: readonly StandInCredential[] = Array.isArray(accepted) ? accepted : [accepted as StandInCredential];
  const ok = list.some((c) =>
    'accessToken' in c
      ? header === `Bearer ${c.accessToken}`
      : header === `Basic ${Buffer.from(`${c.apiKey}:${c.apiSecret}`).toString('base64')}`,
  );
  return ok ? undefined : 'Invalid API key or secret: the credentials are not ones the stand-in was told to accept.';
}
