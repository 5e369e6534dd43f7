// The facts the stand-in serves a spec by, decided by the generator (generator/stages/model/stand-in.ts) and written into
// the package as src/testing/model.ts. Plain JSON, so it can move onto another intermediate model unchanged.

export interface StandInModel {
  collections: StandInCollection[];
  /** Operations the stand-in does not serve, as `METHOD /path (why)`; printed when it starts. */
  unmodelled: string[];
  /** Authentication challenges for `WWW-Authenticate`, from the spec's security schemes. */
  challenges: string[];
}

/** A collection `X` with items at `X/{id}`. */
export interface StandInCollection {
  /** The client property, for messages: `networks`. */
  name: string;
  /** `/networking/v1/networks`. */
  path: string;
  /** `/networking/v1/networks/{id}`. */
  itemPath: string;
  /** Name of the path parameter holding the id. */
  idParam: string;
  /** Prefix of new ids, as the spec's examples show them: `n-`, `lkc-`. */
  idPrefix: string;
  /** Key of the resource in its CRN: `network` in `.../network=n-abcde1`. */
  crnKey: string;
  /** `api_version` and `kind` constants of an item and of a list page, when the spec fixes them. */
  apiVersion?: string;
  kind?: string;
  listKind?: string;
  /** The JSON schema of the get's success response: every item the stand-in returns is completed to match it. */
  itemSchema?: { [key: string]: unknown };
  /** Top-level properties of an item that the server owns (readOnly): dropped from what a create stores. */
  serverOwned: string[];
  /** Property paths an update may change (the update body's writable leaves, less the scoping environment). */
  updatable: string[][];
  /** The success status each write answers with, as the spec declares it (the stand-in's default otherwise). */
  statuses: { create?: number; update?: number; remove?: number };
  phases?: StandInPhases;
  /**
   * readOnly fields the service sets only when something happens, left out until it does: a failure's fields
   * (`status.error_code`, `status.error_message`) while the resource has not failed, `metadata.deleted_at` while
   * it is not being deleted.
   */
  eventFields: { failure: string[][]; deletion: string[][] };
  /** How the service answers for a deleted resource when that is not a 404 (Confluent Cloud: 403 forbidden_access). */
  goneAnswer?: { status: number; code: string };
  /** How a request names its environment: a query parameter, and where a body carries it. */
  environment?: { query?: string; bodyPath?: string[] };
  /** List filters: a repeated query parameter and the item path it matches. */
  filters: { param: string; path: string[] }[];
  page?: { sizeParam: string; tokenParam: string; defaultSize: number; maxSize?: number };
}

export interface StandInPhases {
  /** The walk from creation to ready, e.g. PROVISIONING, PENDING_ACCEPT, READY. */
  provisioning: string[];
  failed?: string;
  /** Where a failed resource says why (`status.error_message`): the stand-in puts a message there. */
  errorMessage?: string[];
  deprovisioning?: string;
  /**
   * A settled phase the resource rests in until the other side accepts it (a peering's PENDING_ACCEPT): the first
   * of several settled phases. The stand-in holds it there until `standIn.accept(id)`.
   */
  awaiting?: string;
}
