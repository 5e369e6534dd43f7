export { BaseClient, type ClientOptions, type SdkInfo } from './client.js';
export type { ApiRequest, Exchange, FetchLike, HttpMethod, ParseAs, RequestOptions } from './types.js';
export { APIResource } from './resource.js';
export type { AccessToken } from './auth.js';
export type { Page } from './pagination.js';
export type { Clock, Lifecycle, TimeoutRule, WaitOptions } from './wait.js';
export {
  LocalPacer,
  PacingRefusal,
  type LocalPacerOptions,
  type Pacer,
  type RateLimitWait,
  type Slot,
} from './pacing.js';
export { bottleneckPacer, type BottleneckLike } from './pacing-bottleneck.js';
export type { Logger, LogLevel } from './log.js';
export {
  APIClientError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CredentialsError,
  GoneError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ResourceFailedError,
  TimeoutError,
  UnprocessableEntityError,
  type ApiErrorDetail,
  type GoneAnswer,
} from './errors.js';
export { RedisPacer, type RedisLike, type RedisPacerOptions, type SharedPacing } from './pacing-redis.js';
export * as defaults from './defaults.js';
