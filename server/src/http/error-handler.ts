import type { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';
import { MulterError } from 'multer';
import { AppError, type ErrorCode } from './errors.js';
import { logger } from '../lib/logger.js';
import { isDuplicateKeyError } from '../db/duplicate-key.js';

/** The one table from domain error codes to HTTP statuses. */
const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  transition_not_allowed: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  unprocessable: 422,
  missing_variables: 422,
  too_many_requests: 429,
  service_unavailable: 503,
  internal: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return statusByCode[code];
}

/** Turns anything thrown into an AppError; what is not ours is an internal error. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError('payload_too_large', 'The file is larger than the upload limit');
    return new AppError('validation_failed', `Upload refused: ${err.message}`);
  }
  const e = err as { type?: string; status?: number; message?: string; code?: number };
  // body-parser's errors: malformed JSON, oversized bodies, wrong charset.
  if (e?.type === 'entity.parse.failed') return new AppError('validation_failed', 'The request body is not valid JSON');
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large');
  if (e?.type && e.status && e.status < 500) return new AppError('validation_failed', e.message ?? 'Bad request');
  if (err instanceof mongoose.Error.CastError)
    return new AppError('validation_failed', `Invalid value for ${err.path}`);
  if (err instanceof mongoose.Error.ValidationError) {
    return new AppError(
      'validation_failed',
      err.message,
      Object.values(err.errors).map((x) => ({ path: x.path, message: x.message })),
    );
  }
  if (isDuplicateKeyError(err)) return new AppError('conflict', 'This conflicts with an existing record');
  return new AppError('internal', 'Something went wrong on our side; the error has been logged');
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const appError = toAppError(err);
  const status = httpStatusFor(appError.code);
  if (status >= 500) logger.error(`${req.method} ${req.originalUrl} failed`, err);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(status).json({
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
    },
  });
}
