export { BaseClient, type ApiRequest, type ClientOptions, type RequestOptions, type SdkInfo } from './client.js';
export { APIResource } from './resource.js';
export type { AccessToken } from './auth.js';
export type { Page } from './pagination.js';
export type { FetchLike } from './retry.js';
export type { WaitOptions } from './wait.js';
export {
  APIClientError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CredentialsError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ResourceFailedError,
  TimeoutError,
  UnprocessableEntityError,
  type ApiErrorDetail,
} from './errors.js';
