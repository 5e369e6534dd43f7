// Redaction: an Authorization value (Basic or Bearer) that reaches a log line is masked, and a secret is masked
// only where it stands as a value, not inside other words.
import { describe, expect, it } from 'vitest';
import { makeLog, redact } from '../../runtime/log.js';

describe('redact', () => {
  it('masks an actual Authorization header value logged through the client log, Basic and Bearer', () => {
    const lines: string[] = [];
    const keep = (m: string) => void lines.push(m);
    const log = makeLog({
      logger: { error: keep, warn: keep, info: keep, debug: keep },
      level: 'debug',
      secrets: [],
      prefix: 'pkg',
    });
    const basic = Buffer.from('KEYID:s3cr3t-value').toString('base64');
    const bearer = 'eyJhbGciOiJIUzI1NiJ9.payload.sig';
    log.debug?.(`sending authorization: Basic ${basic}, next`);
    log.warn?.(`{"Authorization":"Bearer ${bearer}"}`);
    expect(lines).toEqual(['[pkg] sending authorization: Basic ***, next', '[pkg] {"Authorization":"Bearer ***"}']);
  });

  it('masks a one-character secret only where it stands alone', () => {
    expect(redact('request id r-1, secret=s, page s', ['s'])).toBe('request id r-1, secret=***, page ***');
  });

  it('masks a secret with regular-expression characters literally', () => {
    expect(redact('key a+b.c? and a+bxc', ['a+b.c?'])).toBe('key *** and a+bxc');
  });
});
