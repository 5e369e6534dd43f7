// Unit tests for the per-attempt timeout (runtime/timeout.ts), on fake timers: no network here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAttempt } from '../../runtime/timeout.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startAttempt', () => {
  it('gives every attempt its own signal and its own timer', () => {
    const a = startAttempt(1000);
    const b = startAttempt(1000);
    expect(a.signal).not.toBe(b.signal);
    expect(vi.getTimerCount()).toBe(2);
  });

  it('aborts a live attempt with a TimeoutError at ms exactly, and leaves an ended one alone (its timer cleared)', () => {
    const live = startAttempt(1000);
    const ended = startAttempt(1000);
    ended.end();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(999);
    expect(live.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(live.signal.aborted).toBe(true);
    expect((live.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(ended.signal.aborted).toBe(false);
  });

  it('gives a late attempt its full time', () => {
    startAttempt(1000);
    vi.advanceTimersByTime(500);
    const late = startAttempt(1000);
    vi.advanceTimersByTime(999);
    expect(late.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(late.signal.aborted).toBe(true);
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

  it('is aborted at once when the caller has already aborted (a listener added then never fires)', () => {
    const reason = new Error('too late');
    expect(startAttempt(1000, AbortSignal.abort(reason)).signal.reason).toBe(reason);
  });

  it('sets no timer for a timeout too long for setTimeout (rather than firing at once)', () => {
    const attempt = startAttempt(Infinity);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1e9);
    expect(attempt.signal.aborted).toBe(false);
  });
});
