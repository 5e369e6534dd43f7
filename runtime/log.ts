// Logging as Stainless- and Speakeasy-made SDKs offer it: a logger, a level, and an environment variable.
// Every line passes through `redact`, so no credential reaches a log, whatever a message carries.

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console's four methods (console itself, pino, winston...). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** The enabled levels only: a disabled level is undefined, so a call site pays nothing to skip it. */
export interface Log {
  error?: (message: string) => void;
  warn?: (message: string) => void;
  info?: (message: string) => void;
  debug?: (message: string) => void;
}

import { readEnv } from './env.js';

const LEVELS: LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/**
 * Removes credentials from a text: the user and password in a URL, the value after Basic / Bearer, and each
 * of the given secrets (the API secret, a static token) where it stands as a value: not inside a longer word, so a
 * one-character secret does not mask that letter everywhere.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@')
    .replace(/\b(Basic|Bearer)\s+[^\s,;"']+/g, '$1 ***');
  for (const secret of secrets) {
    if (secret) {
      out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g'), '***');
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The client's log: `logLevel`, else the `${envPrefix}_LOG` environment variable, else 'warn'. An unknown
 * level name falls back to 'warn' rather than throwing, since it may come from the environment.
 */
export function makeLog({
  logger,
  level,
  envPrefix,
  secrets,
  prefix,
}: {
  logger?: Logger;
  level?: LogLevel;
  envPrefix?: string;
  secrets: string[];
  prefix: string;
}): Log {
  const chosen = level || (envPrefix && (readEnv(`${envPrefix}_LOG`) as LogLevel | undefined)) || 'warn';
  const rank = Math.max(0, LEVELS.indexOf(LEVELS.includes(chosen) ? chosen : 'warn'));
  const out: Logger = logger || console;
  const log: Log = {};
  for (const name of ['error', 'warn', 'info', 'debug'] as const) {
    if (LEVELS.indexOf(name) <= rank) {
      log[name] = (message) => out[name](redact(`[${prefix}] ${message}`, secrets));
    }
  }
  return log;
}
