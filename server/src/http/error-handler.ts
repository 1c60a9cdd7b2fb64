import type { NextFunction, Request, RequestHandler, Response } from 'express';
import mongoose from 'mongoose';
import { MulterError } from 'multer';
import { AppError, type ErrorCode } from '../lib/errors.js';
import { logger } from '../lib/logger.js';
import { isDuplicateKeyError } from '../db/duplicate-key.js';
import { databaseUnavailable, isDatabaseUnavailableError } from '../db/unavailable.js';

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

/**
 * Express and the parsers it runs (body-parser, raw-body, the router) mark a request they refuse
 * with a 4xx `status`: malformed JSON, a body too large, an unknown charset or encoding, a body
 * shorter than its Content-Length. The request's fault, so never a 5xx.
 */
function fromRequestError(err: unknown): AppError | undefined {
  const e = err as { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  const status = typeof e?.status === 'number' ? e.status : e?.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (e.type === 'entity.parse.failed') return new AppError('validation_failed', 'The request body is not valid JSON');
  if (status === 413) return new AppError('payload_too_large', 'The request body is too large');
  const message = e.expose !== false && typeof e.message === 'string' ? e.message : 'The request is malformed';
  if (status === 415) return new AppError('unsupported_media_type', message);
  return new AppError('validation_failed', message);
}

/** Turns anything thrown into an AppError; what is not ours is an internal error. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError('payload_too_large', 'The file is larger than the upload limit');
    return new AppError('validation_failed', `Upload refused: ${err.message}`);
  }
  // The router decoding a malformed %-escape in the path (GET /api/orders/x%ZZ), or any decode of input.
  if (err instanceof URIError) return new AppError('validation_failed', 'The URL has a malformed %-escape');
  const requestError = fromRequestError(err);
  if (requestError) return requestError;
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
  if (isDatabaseUnavailableError(err)) return databaseUnavailable();
  return new AppError('internal', 'Something went wrong on our side; the error has been logged');
}

/**
 * Mounted just before each module's router: by the time an error reaches the app's error handler,
 * Express has reset req.baseUrl, and the log needs the whole route pattern.
 */
export const rememberRouteBase: RequestHandler = (req, res, next) => {
  res.locals.routeBase = req.baseUrl;
  next();
};

/** The route as declared (`/api/orders/:id`): never the URL, whose query holds names and phone numbers. */
function routePattern(req: Request, res: Response): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path !== 'string') return '(no route matched)';
  return `${String(res.locals.routeBase ?? '')}${route.path}`;
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const appError = toAppError(err);
  const status = httpStatusFor(appError.code);
  if (status >= 500) logger.error(`${req.method} ${routePattern(req, res)} failed`, err);
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
