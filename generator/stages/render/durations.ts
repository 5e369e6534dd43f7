// Time limits of the lifecycle model in words, for doc comments and the README.
import type { TimeoutModel } from '../model/lifecycle.js';

/** `2 h`, `72 h`, `10 min`, for the docs. */
export function durationText(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/** The create (or delete) limit in words: `2 h`, or `1 h (72 h when spec.config.kind is Dedicated)`. */
export function limitText(t: TimeoutModel): string {
  const by = t.by
    ? Object.entries(t.by.ms)
        .map(([k, v]) => `${durationText(v)} when ${t.by!.field.join('.')} is ${k}`)
        .join(', ')
    : '';
  return by ? `${durationText(t.ms)} (${by})` : durationText(t.ms);
}
