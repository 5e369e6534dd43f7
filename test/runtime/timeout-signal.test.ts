// Unit tests for the per-attempt timeout (runtime/timeout.ts), on fake timers: no network here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Timeout from '../../runtime/timeout.js';

// The module keeps the current timer window; a fresh copy per test keeps tests apart.
let startAttempt: typeof Timeout.startAttempt;
beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  ({ startAttempt } = await import('../../runtime/timeout.js'));
});
afterEach(() => vi.useRealTimers());

describe('startAttempt', () => {
  it('gives every attempt its own signal, even within one timer window', () => {
    const a = startAttempt(1000);
    const b = startAttempt(1000);
    expect(a.signal).not.toBe(b.signal);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('aborts live attempts with a TimeoutError between ms and ms + 25 ms, and leaves ended ones alone', () => {
    const live = startAttempt(1000);
    const ended = startAttempt(1000);
    ended.end();
    vi.advanceTimersByTime(999);
    expect(live.signal.aborted).toBe(false);
    vi.advanceTimersByTime(26);
    expect(live.signal.aborted).toBe(true);
    expect((live.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(ended.signal.aborted).toBe(false);
  });

  it('starts a new timer once the window has passed, so a late attempt still gets its full time', () => {
    startAttempt(1000);
    vi.advanceTimersByTime(30);
    const late = startAttempt(1000);
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(999);
    expect(late.signal.aborted).toBe(false);
  });

  it('never hands out an expired signal (openapi-fetch #2567)', () => {
    startAttempt(50);
    vi.advanceTimersByTime(100);
    expect(startAttempt(50).signal.aborted).toBe(false);
  });

  it("passes on the caller's abort reason, and unhooks from the caller when ended", () => {
    const caller = new AbortController();
    const reason = new Error('user cancelled');
    const attempt = startAttempt(1000, caller.signal);
    const after = startAttempt(1000, caller.signal);
    after.end();
    caller.abort(reason);
    expect(attempt.signal.reason).toBe(reason);
    expect(after.signal.aborted).toBe(false);
  });

  it('sets no timer for a timeout too long for setTimeout (rather than firing at once)', () => {
    const attempt = startAttempt(Infinity);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1e9);
    expect(attempt.signal.aborted).toBe(false);
  });
});
