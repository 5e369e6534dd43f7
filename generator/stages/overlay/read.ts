// Reads one Overlay document (YAML or JSON) and checks its shape before any action runs, so a malformed
// overlay is refused whole: one line naming the file and the action, nothing applied.
import { existsSync, readFileSync } from 'node:fs';
import { getLineColLocation, parseYaml, Source } from '@redocly/openapi-core';
import { GeneratorError } from '../../errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface OverlayAction {
  target: string;
  description?: string;
  update?: Json;
  remove?: boolean;
  /** Overlay 1.1: a JSONPath selecting the one node whose value is merged like an update. */
  copy?: string;
}

export interface OverlayDocument {
  file: string;
  /** `1.0` or `1.1`: what the version permits (1.1 adds primitive targets and `copy`). */
  minor: '1.0' | '1.1';
  actions: OverlayAction[];
  /** Where action `index` starts in the file, for messages. */
  locate: (index: number) => { line?: number; column?: number; pointer: string };
}

const VERSION = /^1\.([01])\.\d+$/;

export function readOverlay(file: string): OverlayDocument {
  if (!existsSync(file)) {
    throw new GeneratorError('overlay file not found', { file });
  }
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
    const reason = e.reason ?? String(e.message ?? err).split('\n')[0];
    throw new GeneratorError(`overlay is not valid YAML/JSON: ${reason}`, {
      file,
      line: e.mark ? e.mark.line + 1 : undefined,
      column: e.mark ? e.mark.column + 1 : undefined,
    });
  }
  const source = new Source(file, text);
  const locate = (pointer: string): { line?: number; column?: number; pointer: string } => {
    try {
      const { start } = getLineColLocation({ source, pointer, reportOnKey: false });
      return { line: start.line, column: start.col, pointer };
    } catch {
      return { pointer };
    }
  };
  const fail = (message: string, pointer?: string): GeneratorError =>
    new GeneratorError(message, pointer ? { file, ...locate(pointer) } : { file });

  if (!isObject(parsed)) {
    throw fail('not an Overlay document (top level is not a mapping)');
  }
  const version = parsed.overlay;
  if (version === undefined) {
    throw fail('not an Overlay document (no "overlay" version field)');
  }
  const match = typeof version === 'string' ? VERSION.exec(version) : null;
  if (!match) {
    throw fail(`expected overlay version 1.0.x or 1.1.x, found ${JSON.stringify(version)}`, '#/overlay');
  }
  const info = parsed.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    throw fail('info.title and info.version are required strings', '#/info');
  }
  const minor = match[1] === '1' ? '1.1' : '1.0';
  const actions = parsed.actions;
  if (!Array.isArray(actions) || actions.length === 0) {
    throw fail('"actions" must be a non-empty list', '#/actions');
  }
  actions.forEach((action, index) => {
    const target = isObject(action) && typeof action.target === 'string' ? ` (target ${action.target})` : '';
    checkAction({ action, minor, fail: (m) => fail(`action ${index}${target}: ${m}`, `#/actions/${index}`) });
  });
  const checked = actions as unknown as OverlayAction[];
  return { file, minor, actions: checked, locate: (index) => locate(`#/actions/${index}`) };
}

interface ActionCheck {
  action: unknown;
  minor: '1.0' | '1.1';
  fail: (message: string) => GeneratorError;
}

function checkAction({ action, minor, fail }: ActionCheck): void {
  if (!isObject(action)) {
    throw fail('an action must be a mapping');
  }
  const target = action.target;
  if (typeof target !== 'string' || !target.startsWith('$')) {
    throw fail('"target" must be a JSONPath starting with $');
  }
  if (action.remove !== undefined && typeof action.remove !== 'boolean') {
    throw fail('"remove" must be true or false');
  }
  if (action.copy !== undefined) {
    if (minor === '1.0') {
      throw fail('"copy" needs overlay version 1.1.x');
    }
    if (typeof action.copy !== 'string' || !action.copy.startsWith('$')) {
      throw fail('"copy" must be a JSONPath');
    }
    if (action.update !== undefined) {
      throw fail('give "update" or "copy", not both');
    }
  }
  if (action.remove !== true && action.update === undefined && action.copy === undefined) {
    throw fail(`needs "update"${minor === '1.1' ? ', "copy"' : ''} or "remove: true"`);
  }
}

export function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
