/**
 * Domain errors carry a string code; http/error-handler.ts maps codes to HTTP statuses in one
 * table, so services and jobs never speak HTTP.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'transition_not_allowed'
  | 'idempotency_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'missing_variables'
  | 'too_many_requests'
  | 'range_not_satisfiable'
  | 'service_unavailable'
  | 'internal';

export type ErrorDetail = { path?: string; message: string; [key: string]: unknown };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const conflict = (message: string, details?: ErrorDetail[]) => new AppError('conflict', message, details);
export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError('validation_failed', message, details);
