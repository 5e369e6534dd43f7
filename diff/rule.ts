// What a rule sees. The walker pairs base and head nodes and calls each rule's hooks; a hook reports a
// finding through `emit`, and the operation, level and message are filled in from the context and registry.
import type { Policy } from './lifecycle.js';
import type { Body, Operation, Parameter, Response } from './operations.js';
import type { RuleId } from './registry.js';
import type { PropertyView, SchemaReader, SchemaView } from './schema.js';

export type Direction = 'request' | 'response';

export interface Finding {
  location: string;
  /** The exported type a document-level finding is about (the compiler's verdict is looked up by it). */
  exportedType?: string;
  /** Picks the level when the registry entry has several. */
  variant?: string;
  /** Fills the message template. */
  params?: Record<string, string>;
}
export type Emit = (finding: Finding) => void;

export interface Readers {
  base: SchemaReader;
  head: SchemaReader;
}

/** The lifecycle policy and the day it is applied on (`2025-06-30`; sunsets are compared with it). */
export interface LifecycleContext {
  policy: Policy;
  today: string;
}

/** Either side may be missing (added or removed). */
export interface OperationPair {
  base: Operation | undefined;
  head: Operation | undefined;
  lifecycle: LifecycleContext;
  /** Each side's document, for rules that read a model fact off it (the waiter's lifecycle). */
  readers: Readers;
}

export interface ParameterPair {
  base: Parameter | undefined;
  head: Parameter | undefined;
  /** `query spec.cloud`, `path id` (head name). */
  location: string;
  readers: Readers;
}

export interface BodyPair {
  base: Body | undefined;
  head: Body | undefined;
}

export interface ResponsePair {
  status: string;
  base: Response | undefined;
  head: Response | undefined;
}

export interface PropertyPair {
  direction: Direction;
  /** `response 200 spec.config` */
  location: string;
  /** `spec.config` */
  path: string;
  base: PropertyView | undefined;
  head: PropertyView | undefined;
  /** Present and part of this direction: readOnly is not in a request, writeOnly not in a response. */
  baseVisible: boolean;
  headVisible: boolean;
}

export interface SchemaPair {
  direction: Direction;
  location: string;
  /** Dotted path inside the body, `(body)` at the root. */
  path: string;
  /** The path below the body or parameter root, `''` at the root (`spec.cloud`, `size`, `[]`). */
  subPath: string;
  /** Inside a parameter's schema: parameter rules own type changes there. */
  inParameter: boolean;
  base: SchemaView;
  head: SchemaView;
  /** For rules that compare subschemas ($ref targets live in each side's document). */
  readers: Readers;
}

export interface ExportPair {
  /** Exported type name → the component schema it aliases. */
  base: Map<string, string>;
  head: Map<string, string>;
}

/** The whole document. `exports` builds both packages' models on first call (`undefined` when one is refused). */
export interface DocumentPair {
  exports: () => ExportPair | undefined;
  readers: Readers;
}

/** Operation label of document-level findings (exported types). */
export const DOCUMENT = 'components';

export interface Rule {
  id: RuleId;
  document?(pair: DocumentPair, emit: Emit): void;
  operation?(pair: OperationPair, emit: Emit): void;
  parameter?(pair: ParameterPair, emit: Emit): void;
  requestBody?(pair: BodyPair, emit: Emit): void;
  response?(pair: ResponsePair, emit: Emit): void;
  property?(pair: PropertyPair, emit: Emit): void;
  schema?(pair: SchemaPair, emit: Emit): void;
}
