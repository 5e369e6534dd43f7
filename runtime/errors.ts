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

/** The server answered with a non-2xx status. */
export class ApiError extends APIClientError {
  static {
    ApiError.prototype.name = 'ApiError';
  }
  declare readonly status: number;
  /** The `X-Request-Id` response header. */
  declare readonly requestId: string | undefined;
  declare readonly headers: Headers;
  /** The parsed JSON body, or the raw body text when it is not JSON. */
  declare readonly body: unknown;
  /** The `errors` array of a JSON:API `Failure` body, or `[]`. */
  declare readonly errors: ApiErrorDetail[];
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
  declare readonly waitSeconds?: number;
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
/** `waitFor` saw `status.phase === 'FAILED'`; `resource` is what the last poll returned. */
export class ResourceFailedError extends APIClientError {
  static {
    ResourceFailedError.prototype.name = 'ResourceFailedError';
  }
  declare readonly resource: unknown;
}
/** A 2xx whose body is not what the operation promises (e.g. not JSON). `body` holds the text. */
export class InvalidResponseError extends APIClientError {
  static {
    InvalidResponseError.prototype.name = 'InvalidResponseError';
  }
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly headers: Headers;
  /** The body's text. */
  declare readonly body: string;

  static of(call: CallInfo, res: Response, body: string, cause: unknown): InvalidResponseError {
    const requestId = res.headers.get('x-request-id') || undefined;
    const error = new InvalidResponseError(
      describe([call[0], call[1], requestId], `${res.status} with a body that is not JSON`),
      { cause },
    );
    return Object.assign(error, { status: res.status, requestId, headers: res.headers, body });
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

/** Maps a non-2xx response (body already parsed by openapi-fetch: JSON, else text) to its ApiError subclass. */
export function apiError([method, path]: CallInfo, res: Response, body: unknown): ApiError {
  const status = res.status;
  const headers = res.headers;
  const requestId = headers.get('x-request-id') || undefined;
  const errors = (body as { errors?: ApiErrorDetail[] } | undefined)?.errors;
  const first = errors?.[0];
  const detail = first?.detail || first?.title;
  return Object.assign(
    new (byStatus[status] || (status > 499 ? InternalServerError : ApiError))(
      describe([method, path, requestId], `${status} ${res.statusText}`) + (detail ? `: ${detail}` : ''),
    ),
    { status, requestId, headers, body, errors: Array.isArray(errors) ? errors : [] },
  );
}
