// Version discipline: info.x-sdk.version must move with the verdict (breaking → major, or minor before 1.0;
// operations added → a new minor, the report's suggested bump).
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../diff/json.js';
import { checkVersion } from '../../diff/version.js';

const doc = (version?: string): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1', ...(version ? { 'x-sdk': { version } } : {}) },
  paths: {},
});
const check = (
  from: string | undefined,
  to: string | undefined,
  change: { breaking?: boolean; operationsAdded?: boolean },
) =>
  checkVersion({
    base: doc(from),
    head: doc(to),
    breaking: change.breaking ?? false,
    operationsAdded: change.operationsAdded ?? false,
  });

describe('version check', () => {
  it('a breaking change needs a new major from 1.0 on', () => {
    expect(check('1.4.2', '1.5.0', { breaking: true })).toMatchObject({ ok: false, required: 'major' });
    expect(check('1.4.2', '1.5.0', { breaking: true }).message).toBe(
      'the change is breaking, so info.x-sdk.version must move to at least 2.0.0 (it is 1.5.0, was 1.4.2)',
    );
    expect(check('1.4.2', '2.0.0', { breaking: true })).toMatchObject({ ok: true, message: '' });
  });

  it('before 1.0 a breaking change needs a new minor', () => {
    expect(check('0.3.1', '0.3.2', { breaking: true })).toMatchObject({ ok: false, required: 'minor' });
    expect(check('0.3.1', '0.4.0', { breaking: true })).toMatchObject({ ok: true });
    expect(check(undefined, undefined, { breaking: true }).message).toContain(
      'at least 0.1.0 (it is 0.0.0, was 0.0.0)',
    );
  });

  it('added operations need a new minor, as the suggested bump says; other changes none', () => {
    expect(check('1.0.0', '1.0.0', { operationsAdded: true })).toMatchObject({ ok: false, required: 'minor' });
    expect(check('1.0.0', '1.0.0', { operationsAdded: true }).message).toContain(
      'operations were added, so info.x-sdk.version must move to at least 1.1.0',
    );
    // The case the issue met: the report suggested minor and 0.1.0 → 0.1.1 was accepted.
    expect(check('0.1.0', '0.1.1', { operationsAdded: true })).toMatchObject({ ok: false, required: 'minor' });
    expect(check('0.1.0', '0.2.0', { operationsAdded: true })).toMatchObject({ ok: true });
    expect(check('1.0.0', '1.1.0', { operationsAdded: true })).toMatchObject({ ok: true });
    expect(check('1.0.0', '1.0.0', {})).toMatchObject({ ok: true, required: 'none' });
  });

  it('a version that is not semver is reported', () => {
    expect(check('1.0', '1.0.0', {})).toMatchObject({
      ok: false,
      message: 'info.x-sdk.version "1.0" is not a semver version',
    });
  });
});
