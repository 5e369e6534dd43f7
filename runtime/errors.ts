import { serverDelay } from './pacing-headers.js';

/** One error of a JSON:API-style `Failure` body (`{ "errors": [...] }`). */
export interface ApiErrorDetail {
  id?: string;
  status?: string;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

/**
 * The one base class of every error this client throws. Named generically because this core is shared by
 * every generated client; a package may re-export it under its own name.
 */
export class APIClientError extends Error {
  // Set per class rather than read from the constructor, which a minifier may rename.
  static {
    APIClientError.prototype.name = 'APIClientError';
  }
}

/** Missing, half-given or conflicting credentials. Thrown by the client's constructor, before any request. */
export class CredentialsError extends APIClientError {
  static {
    CredentialsError.prototype.name = 'CredentialsError';
  }
}

/** What an ApiError knows of the answer. */
export interface ApiErrorInit {
  status: number;
  requestId?: string;
  headers?: Headers;
  body?: unknown;
  errors?: ApiErrorDetail[];
}

/** The server answered with a non-2xx status. */
export class ApiError extends APIClientError {
  static {
    ApiError.prototype.name = 'ApiError';
  }
  readonly status: number;
  /** The `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  readonly headers: Headers;
  /** The parsed JSON body, or the raw body text when it is not JSON. */
  readonly body: unknown;
  /** The `errors` array of a JSON:API `Failure` body, or `[]`. */
  readonly errors: ApiErrorDetail[];

  constructor(message: string, init: ApiErrorInit = { status: 0 }, options?: ErrorOptions) {
    super(message, options);
    this.status = init.status;
    this.requestId = init.requestId;
    this.headers = init.headers ?? new Headers();
    this.body = init.body;
    this.errors = init.errors ?? [];
  }
}
export class BadRequestError extends ApiError {
  static {
    BadRequestError.prototype.name = 'BadRequestError';
  }
}
export class AuthenticationError extends ApiError {
  static {
    AuthenticationError.prototype.name = 'AuthenticationError';
  }
}
export class PaymentRequiredError extends ApiError {
  static {
    PaymentRequiredError.prototype.name = 'PaymentRequiredError';
  }
}
export class PermissionDeniedError extends ApiError {
  static {
    PermissionDeniedError.prototype.name = 'PermissionDeniedError';
  }
}
export class NotFoundError extends ApiError {
  static {
    NotFoundError.prototype.name = 'NotFoundError';
  }
}
/**
 * The resource does not exist (any more): a 404, or an answer the API uses instead of one (Confluent Cloud
 * answers 403 `forbidden_access` for a deleted resource). A NotFoundError, so `instanceof NotFoundError` holds.
 */
export class GoneError extends NotFoundError {
  static {
    GoneError.prototype.name = 'GoneError';
  }
}
export class ConflictError extends ApiError {
  static {
    ConflictError.prototype.name = 'ConflictError';
  }
}
export class UnprocessableEntityError extends ApiError {
  static {
    UnprocessableEntityError.prototype.name = 'UnprocessableEntityError';
  }
}
export class RateLimitError extends ApiError {
  static {
    RateLimitError.prototype.name = 'RateLimitError';
  }
  /** Set when the client's pacing refused to wait longer than `maxRateLimitWaitMs`. */
  readonly waitSeconds?: number;

  constructor(
    message: string,
    init: ApiErrorInit & { waitSeconds?: number } = { status: 429 },
    options?: ErrorOptions,
  ) {
    super(message, init, options);
    this.waitSeconds = init.waitSeconds;
  }
  /**
   * Seconds to wait before trying again: the server's `Retry-After` (or `X-RateLimit-Reset` when nothing
   * remains), or the wait the client's pacing refused.
   */
  get retryAfter(): number | undefined {
    return this.waitSeconds ?? serverDelay(this.headers);
  }
}
/** Any 5xx. */
export class InternalServerError extends ApiError {
  static {
    InternalServerError.prototype.name = 'InternalServerError';
  }
}
/** No response: the connection failed (DNS, refused, reset...). `cause` holds the underlying error. */
export class ConnectionError extends APIClientError {
  static {
    ConnectionError.prototype.name = 'ConnectionError';
  }
}
/** No response within the per-attempt `timeoutMs`, or `waitFor` ran out of time. */
export class TimeoutError extends APIClientError {
  static {
    TimeoutError.prototype.name = 'TimeoutError';
  }
}
/**
 * A wait saw one of the resource's failure phases (e.g. FAILED). `resource` is what the last poll returned;
 * `errorMessage` is its `status.error_message`, which the message also carries.
 */
export class ResourceFailedError extends APIClientError {
  static {
    ResourceFailedError.prototype.name = 'ResourceFailedError';
  }
  readonly resource: unknown;
  readonly errorMessage: string | undefined;

  constructor(message: string, failed: { resource: unknown; errorMessage?: string }) {
    super(message);
    this.resource = failed.resource;
    this.errorMessage = failed.errorMessage;
  }
}
/** A 2xx whose body is not what the operation promises (e.g. not JSON). `body` holds the text. */
export class InvalidResponseError extends APIClientError {
  static {
    InvalidResponseError.prototype.name = 'InvalidResponseError';
  }
  readonly status: number;
  readonly requestId: string | undefined;
  readonly headers: Headers;
  /** The body's text. */
  readonly body: string;

  constructor(call: CallInfo, answer: { res: Response; body: string; cause: unknown }) {
    const { res, body, cause } = answer;
    const requestId = res.headers.get('x-request-id') || undefined;
    super(describe([call[0], call[1], requestId], `${res.status} with a body that is not JSON`), { cause });
    this.status = res.status;
    this.requestId = requestId;
    this.headers = res.headers;
    this.body = body;
  }

  static of(call: CallInfo, res: Response, body: string, cause: unknown): InvalidResponseError {
    return new InvalidResponseError(call, { res, body, cause });
  }
}

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

// Header-derived delays live in pacing-headers.ts; re-exported here for existing imports.
export { serverDelay };

/** Which call an error is about: method, filled-in path, and the request id when a response came. */
export type CallInfo = readonly [method: string, path: string, requestId?: string | null];

/** `GET /path → what (request id x)`: every message says the method, the path and the request id. */
export const describe = ([method, path, rid]: CallInfo, what: string) =>
  `${method} ${path} → ${what} (request id ${rid || 'none'})`;

/**
 * An answer that means "this resource does not exist": its status, and for a status other than 404 the error
 * `code` the body must carry (Confluent Cloud: 403 `forbidden_access`, not an invalid API key's 403).
 */
export interface GoneAnswer {
  status: number;
  code?: string;
}

/** Without facts from the model, only a 404 means gone. */
export const GONE_DEFAULT: readonly GoneAnswer[] = [{ status: 404 }];

const isGone = (status: number, errors: ApiErrorDetail[], gone: readonly GoneAnswer[]) =>
  gone.some((g) => g.status === status && (g.code === undefined || errors.some((e) => e.code === g.code)));

/** Maps a non-2xx response (body already parsed by openapi-fetch: JSON, else text) to its ApiError subclass. */
export function apiError(
  [method, path]: CallInfo,
  res: Response,
  body: unknown,
  gone: readonly GoneAnswer[] = GONE_DEFAULT,
): ApiError {
  const status = res.status;
  const headers = res.headers;
  const requestId = headers.get('x-request-id') || undefined;
  const listed = (body as { errors?: ApiErrorDetail[] } | undefined)?.errors;
  const errors = Array.isArray(listed) ? listed : [];
  const first = errors[0];
  const detail = first?.detail || first?.title;
  const Class = isGone(status, errors, gone)
    ? GoneError
    : byStatus[status] || (status > 499 ? InternalServerError : ApiError);
  const message = describe([method, path, requestId], `${status} ${res.statusText}`) + (detail ? `: ${detail}` : '');
  return new Class(message, { status, requestId, headers, body, errors });
}
