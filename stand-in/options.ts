// What a test configures the stand-in with, and what it gets back.
import type { CorsOptions } from './cors.js';
import type { StandInCredential } from './credentials.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { PhaseOptions, Resource } from './store.js';

export interface FaultOptions {
  /** Share of requests (0..1) answered with a 5xx. */
  errorRate?: number;
  /** The status of those answers (default 503). */
  errorStatus?: number;
  /** Added to every answer: a fixed delay, or a [min, max] range. */
  latencyMs?: number | [number, number];
  /** Share of requests (0..1) whose connection is dropped without an answer. */
  dropRate?: number;
}

/** Behaviours of the real service, each on by default; turn one off to test code against the other behaviour. */
export interface ServiceBehaviour {
  /**
   * A deleted (or unknown) resource answers as the spec's lifecycle says the service does (Confluent Cloud: 403
   * `forbidden_access`); false: 404.
   */
  forbiddenWhenGone?: boolean;
  /** A resource with an awaiting phase (a peering's PENDING_ACCEPT) stays there until `accept(id)`; false: it walks on. */
  holdForAcceptance?: boolean;
  /** The last page of a list has `metadata.next: ""`; false: `next` is left out. */
  emptyNext?: boolean;
  /** Error items carry a `title` besides id, status, code, detail and source (the service's have none). */
  errorTitles?: boolean;
  /**
   * Every readOnly field the schema declares is filled with a value of its form (endpoints, DNS domains, a
   * reference's `related`), as the service fills what it owns; false: only the required ones.
   */
  fillsReadOnly?: boolean;
  /**
   * Fields whose schema says `x-service-empty` come back as the service sends "nothing": a network's
   * `status.active_connection_types` as `[]`, an emptied `spec.accept.networks` as `null`, an unset reference's
   * links as `""`; false: sampled, or as sent.
   */
  emptyValues?: boolean;
}

/** The service's behaviours, all on: what a stand-in does unless a test turns one off. */
export const SERVICE_DEFAULTS: Required<ServiceBehaviour> = {
  forbiddenWhenGone: true,
  holdForAcceptance: true,
  emptyNext: true,
  errorTitles: false,
  fillsReadOnly: true,
  emptyValues: true,
};

export interface StandInOptions {
  /** How the stand-in follows the service where the published spec says otherwise (see ServiceBehaviour). */
  service?: ServiceBehaviour;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  phases?: PhaseOptions;
  /** Off when absent. */
  rateLimit?: RateLimitOptions;
  faults?: FaultOptions;
  /** Makes ids and faults repeat from run to run. */
  seed?: number;
  /** Where the list of what the stand-in cannot serve goes at start (default: console.warn). */
  log?: (line: string) => void;
  /** The credentials accepted (default: every well-formed one); others get a 401 with the API's error body. */
  credentials?: StandInCredential | StandInCredential[];
  /** CORS headers and preflights for a page on another origin (default: off). `true` allows every origin. */
  cors?: boolean | CorsOptions;
}

export interface StandIn {
  /** `http://127.0.0.1:<port>`: the client's baseUrl. */
  url: string;
  close(): Promise<void>;
  /** Forgets every resource and every rate-limit bucket. */
  reset(): void;
  store: { all(): Resource[]; get(id: string): Resource | undefined };
  /** Operations of the spec the stand-in does not serve. */
  unmodelled: string[];
  /**
   * The other side accepts the resource (a peering in PENDING_ACCEPT): it turns READY on its next read.
   * Throws when no resource with an awaiting phase has this id.
   */
  accept(id: string): void;
}
