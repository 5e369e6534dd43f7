// Applies one Overlay document's actions in order, as the Overlay specification (1.0, with 1.1's written-down
// merge rules) says. Targets are RFC 9535 JSONPath (the jsonpath-rfc9535 library). Stricter than the
// specification in one way: a target that selects nothing is an error, since a correction whose target has
// gone from the vendor's document no longer corrects anything and should be looked at.
import { exec } from 'jsonpath-rfc9535';
import { GeneratorError } from '../../errors.js';
import { isObject, type Json, type OverlayAction, type OverlayDocument } from './read.js';

type Segment = string | number;
interface Node {
  path: Segment[];
  value: Json;
}

export function applyOverlay(document: Json, overlay: OverlayDocument): Json {
  let root = document;
  overlay.actions.forEach((action, index) => {
    const where = { file: overlay.file, ...overlay.locate(index) };
    const fail = (message: string): GeneratorError =>
      new GeneratorError(`action ${index} (target ${action.target}): ${message}`, where);
    root = applyAction({ root, action, minor: overlay.minor, fail });
  });
  return root;
}

interface ActionInput {
  root: Json;
  action: OverlayAction;
  minor: '1.0' | '1.1';
  fail: (message: string) => GeneratorError;
}

function applyAction({ root, action, minor, fail }: ActionInput): Json {
  const nodes = select(root, action.target, fail);
  if (nodes.length === 0) {
    throw fail('matches nothing in the document');
  }
  if (minor === '1.0') {
    const primitive = nodes.find((n) => !isContainer(n.value));
    if (primitive) {
      const what = `selects ${describe(primitive.value)} at ${pointer(primitive.path)}`;
      throw fail(`${what}; Overlay 1.0 targets objects and arrays (1.1 allows primitives)`);
    }
  }
  if (action.remove === true) {
    if (nodes.some((n) => n.path.length === 0)) {
      throw fail('cannot remove the document root');
    }
    remove(root, nodes);
    return root;
  }
  let update = action.update as Json;
  if (action.copy !== undefined) {
    const sources = select(root, action.copy, (m) => fail(`copy: ${m}`));
    if (sources.length !== 1) {
      throw fail(`copy ${action.copy} must select exactly one node, selects ${sources.length}`);
    }
    update = sources[0]!.value;
  }
  for (const node of nodes) {
    const merged = merge({ target: node.value, update, at: node.path, fail });
    if (node.path.length === 0) {
      root = merged;
    } else {
      setOwn(parentOf(root, node.path), node.path[node.path.length - 1]!, merged);
    }
  }
  return root;
}

function select(root: Json, expression: string, fail: (message: string) => GeneratorError): Node[] {
  const nodes: Node[] = [];
  try {
    exec(root, expression, (value, path) => nodes.push({ value: value as Json, path: path.map(unescapeKey) }));
  } catch (err) {
    throw fail(`invalid JSONPath: ${(err as Error).message}`);
  }
  return nodes;
}

interface MergeInput {
  target: Json;
  update: Json;
  at: Segment[];
  fail: (message: string) => GeneratorError;
}

/** Objects merge key by key, arrays concatenate, a primitive replaces a primitive; anything else is a mismatch. */
function merge({ target, update, at, fail }: MergeInput): Json {
  if (isObject(target) && isObject(update)) {
    for (const [key, value] of Object.entries(update)) {
      if (Object.hasOwn(target, key)) {
        setOwn(target, key, merge({ target: target[key]!, update: value, at: [...at, key], fail }));
      } else {
        setOwn(target, key, structuredClone(value));
      }
    }
    return target;
  }
  if (Array.isArray(target)) {
    // An array update adds its items; any other value is one item to append.
    target.push(...structuredClone(Array.isArray(update) ? update : [update]));
    return target;
  }
  if (!isContainer(target) && !isContainer(update)) {
    return update;
  }
  throw fail(`cannot merge ${describe(update)} into ${describe(target)} at ${pointer(at)}`);
}

/** Deepest first and later array items first, so no removal shifts the place of another. */
function remove(root: Json, nodes: Node[]): void {
  const unique = new Map(nodes.map((n) => [pointer(n.path), n.path]));
  const order = [...unique.values()].sort((a, b) => b.length - a.length || compareLast(b, a));
  for (const path of order) {
    const parent = parentOf(root, path);
    const key = path[path.length - 1]!;
    if (Array.isArray(parent)) {
      parent.splice(key as number, 1);
    } else {
      delete (parent as Record<string, Json>)[key];
    }
  }
}

function compareLast(a: Segment[], b: Segment[]): number {
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return typeof x === 'number' && typeof y === 'number' ? x - y : 0;
}

function parentOf(root: Json, path: Segment[]): Json {
  let node = root;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string | number, Json>)[key]!;
  }
  return node;
}

/** Defined, not assigned: a key named `__proto__` stays a plain property. */
function setOwn(parent: Json, key: Segment, value: Json): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** jsonpath-rfc9535 reports member names in normalized-path escaping (RFC 9535 §2.7); undo it. */
function unescapeKey(key: Segment): Segment {
  if (typeof key === 'number') {
    return key;
  }
  return key.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) {
      return String.fromCharCode(parseInt(e.slice(1), 16));
    }
    return ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
  });
}

function isContainer(value: Json): boolean {
  return typeof value === 'object' && value !== null;
}

function describe(value: Json): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function pointer(path: Segment[]): string {
  return `#${path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}
